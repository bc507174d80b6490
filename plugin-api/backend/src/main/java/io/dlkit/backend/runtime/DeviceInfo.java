package io.dlkit.backend.runtime;

/**
 * A device TensorFlow can run ops on.
 *
 * @param name the full name, e.g. {@code /job:localhost/replica:0/task:0/device:CPU:0}
 * @param type {@code CPU} or {@code GPU}
 * @param memoryBytes the memory TensorFlow reports for it
 */
public record DeviceInfo(String name, String type, long memoryBytes) {
    /** The short form used in run headers: {@code CPU:0}, {@code GPU:1}. */
    public String shortName() {
        int i = name.lastIndexOf("device:");
        return i < 0 ? name : name.substring(i + "device:".length());
    }
}
