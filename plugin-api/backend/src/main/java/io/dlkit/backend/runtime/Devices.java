package io.dlkit.backend.runtime;

import java.util.List;

/** Picks the device for a {@link DeviceRequest}; a requested GPU that is missing is an error. */
final class Devices {
    static final String GPU_HELP =
            "this dlkit uses TensorFlow's CPU library; for GPU support install an NVIDIA driver,"
                    + " CUDA 12 and cuDNN 9, rebuild with `mvn -Pgpu package`, or run with"
                    + " --device cpu";

    private Devices() {}

    static DeviceInfo select(TfRuntime runtime, DeviceRequest request) {
        List<DeviceInfo> gpus = runtime.gpus();
        DeviceInfo cpu =
                runtime.devices().stream()
                        .filter(d -> d.type().equals("CPU"))
                        .findFirst()
                        .orElseThrow(
                                () -> new BackendException("TensorFlow reports no CPU device"));
        return switch (request.kind()) {
            case CPU -> cpu;
            case AUTO -> gpus.isEmpty() ? cpu : gpus.get(0);
            case GPU -> {
                if (gpus.isEmpty()) {
                    throw new BackendException(
                            "--device "
                                    + request
                                    + " requested but TensorFlow sees no GPU: "
                                    + GPU_HELP);
                }
                if (request.index() >= gpus.size()) {
                    throw new BackendException(
                            "--device "
                                    + request
                                    + " requested but TensorFlow sees "
                                    + gpus.size()
                                    + " GPU(s) (indexes 0.."
                                    + (gpus.size() - 1)
                                    + ")");
                }
                yield gpus.get(request.index());
            }
        };
    }
}
