package io.dlkit.backend.runtime;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.tensorflow.internal.c_api.TFE_CustomDeviceTensorHandle.Dim_Pointer_int_TF_Status;
import org.tensorflow.internal.c_api.TFE_CustomDeviceTensorHandle.Num_dims_Pointer_TF_Status;

/**
 * Runs a piece of native work with the process's file descriptor 2 (stderr) pointed at {@code
 * /dev/null}, then puts it back.
 *
 * <p>Why: TensorFlow 2.18 writes two absl lines to stderr the first time a graph is optimized
 * ({@code WARNING: All log messages before absl::InitializeLog() ...} and {@code I0000 ...
 * mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled}); no environment
 * variable removes them (reference/tensorflow-java.md), and both are printed once per process. So
 * the runtime runs one tiny graph with stderr silenced when it loads, and {@code -q} stays quiet.
 *
 * <p>How, without a C compiler: JavaCPP's {@link Loader#addressof(String)} finds libc's {@code
 * dup}, {@code dup2}, {@code open} and {@code close}, and two function-pointer classes of
 * TensorFlow's own JavaCPP bindings call them: on x86-64 and aarch64 the first arguments travel in
 * registers, so {@code int f(void*, TF_Status*)} calls {@code int dup(int)} and {@code int64
 * f(void*, int, TF_Status*)} calls {@code int dup2(int, int)}. Where any of this is unavailable
 * (another OS, a missing symbol) the work simply runs with stderr as it is.
 */
final class NativeStderr {
    private static final int STDERR = 2;
    private static final int O_WRONLY = 1;

    private NativeStderr() {}

    /** Runs {@code work} with native and Java writes to fd 2 discarded. */
    static void silenced(Runnable work) {
        Libc libc = Libc.find();
        if (libc == null) {
            work.run();
            return;
        }
        PrintStream err = System.err;
        err.flush();
        int saved = libc.dup(STDERR);
        int devNull = saved < 0 ? -1 : libc.open("/dev/null", O_WRONLY);
        if (devNull < 0 || libc.dup2(devNull, STDERR) < 0) {
            libc.close(saved);
            libc.close(devNull);
            work.run();
            return;
        }
        try {
            work.run();
        } finally {
            err.flush();
            libc.dup2(saved, STDERR);
            libc.close(saved);
            libc.close(devNull);
        }
    }

    /** The four libc functions, called through JavaCPP function pointers. */
    private record Libc(
            Num_dims_Pointer_TF_Status dup,
            Dim_Pointer_int_TF_Status dup2,
            Dim_Pointer_int_TF_Status open,
            Num_dims_Pointer_TF_Status close,
            List<Pointer> slots) {

        static Libc find() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "");
            if (!(os.contains("linux") || os.contains("mac"))
                    || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
                return null;
            }
            try {
                Pointer dup = function("dup");
                Pointer dup2 = function("dup2");
                Pointer open = function("open");
                Pointer close = function("close");
                if (dup == null || dup2 == null || open == null || close == null) return null;
                // The slots are kept in the record so that they outlive the calls.
                return new Libc(
                        new Num_dims_Pointer_TF_Status(dup),
                        new Dim_Pointer_int_TF_Status(dup2),
                        new Dim_Pointer_int_TF_Status(open),
                        new Num_dims_Pointer_TF_Status(close),
                        List.of(dup, dup2, open, close));
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
        }

        /**
         * A JavaCPP function-pointer object points at a struct whose first field is the C function
         * pointer; this builds that struct for a libc symbol.
         */
        private static Pointer function(String symbol) {
            Pointer address = Loader.addressof(symbol);
            if (address == null || address.isNull()) return null;
            LongPointer slot = new LongPointer(1);
            slot.put(address.address());
            return slot;
        }

        int dup(int fd) {
            return dup.call(descriptor(fd), null);
        }

        int dup2(int from, int to) {
            return (int) dup2.call(descriptor(from), to, null);
        }

        int open(String path, int flags) {
            try (BytePointer p = new BytePointer(path)) {
                return (int) open.call(p, flags, null);
            }
        }

        void close(int fd) {
            if (fd >= 0) close.call(descriptor(fd), null);
        }

        /** A "pointer" whose value is the integer, passed where C expects an int argument. */
        private static Pointer descriptor(long fd) {
            return new Pointer() {
                {
                    address = fd;
                }
            };
        }
    }
}
