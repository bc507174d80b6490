package io.dlkit.backend.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The memory this process can still take, for comparing with a {@link MemoryEstimate}. TensorFlow
 * allocates outside the Java heap, so the JVM's {@code -Xmx} says nothing about it; the machine's
 * physical memory does: Linux's {@code MemAvailable} ({@code /proc/meminfo}), lowered to what a
 * cgroup v2 memory limit leaves ({@code memory.max - memory.current}), else the free physical
 * memory the JVM reports.
 */
public final class AvailableMemory {
    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path CGROUP = Path.of("/sys/fs/cgroup");

    private AvailableMemory() {}

    /** The bytes available now, or empty when the platform does not say. */
    public static OptionalLong bytes() {
        OptionalLong machine = memAvailable();
        if (machine.isEmpty()) machine = jvmFreePhysical();
        OptionalLong cgroup = cgroupRoom();
        if (machine.isPresent() && cgroup.isPresent()) {
            return OptionalLong.of(Math.min(machine.getAsLong(), cgroup.getAsLong()));
        }
        return machine.isPresent() ? machine : cgroup;
    }

    private static OptionalLong memAvailable() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemAvailable:")) {
                    String kb = line.substring(13).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unusual /proc: fall back
        }
        return OptionalLong.empty();
    }

    private static OptionalLong cgroupRoom() {
        try {
            String max = Files.readString(CGROUP.resolve("memory.max")).trim();
            if (max.equals("max")) return OptionalLong.empty();
            long current =
                    Long.parseLong(Files.readString(CGROUP.resolve("memory.current")).trim());
            return OptionalLong.of(Math.max(0, Long.parseLong(max) - current));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong jvmFreePhysical() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return OptionalLong.of(os.getFreeMemorySize());
        }
        return OptionalLong.empty();
    }
}
