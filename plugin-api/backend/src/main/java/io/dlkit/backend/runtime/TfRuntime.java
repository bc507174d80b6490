package io.dlkit.backend.runtime;

import static org.tensorflow.internal.c_api.global.tensorflow.*;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * The process-wide TensorFlow runtime, loaded once, lazily, the first time something needs it
 * (loading costs seconds and extracts ~650 MB of native code on first use, so listing plugins or
 * validating a pipeline never triggers it). All graph work goes through {@link GraphContext}.
 */
public final class TfRuntime {
    private static volatile TfRuntime instance;
    private static volatile int plannedTowers = 1;
    private static volatile int towers = 1;

    private final String version;
    private final List<DeviceInfo> devices;

    private TfRuntime(String version, List<DeviceInfo> devices) {
        this.version = version;
        this.devices = List.copyOf(devices);
    }

    /**
     * Returns the runtime, loading the native library on the first call.
     *
     * @throws BackendException when the native library cannot be loaded
     */
    public static TfRuntime get() {
        return get(0);
    }

    /**
     * Returns the runtime, loading it on the first call with {@code threads} intra-op threads.
     * TensorFlow sizes the CPU device's intra-op thread pool and the inter-op pool, which every
     * later session of the process shares (oneDNN's kernels included), from the first session it
     * creates; loading runs two sessions of its own, which therefore must already ask for the
     * user's count (with their defaults, {@code --threads N} was silently all cores).
     *
     * @param threads intra-op threads, 0 for TensorFlow's default (all cores); used only by the
     *     call that loads the runtime
     * @throws BackendException when the native library cannot be loaded
     */
    static TfRuntime get(int threads) {
        TfRuntime r = instance;
        if (r == null) {
            synchronized (TfRuntime.class) {
                r = instance;
                if (r == null) {
                    r = load(threads);
                    instance = r;
                }
            }
        }
        return r;
    }

    /**
     * Asks, before the runtime loads, that training steps split their batch into {@code n} towers
     * that run side by side, each kernel on one thread (the process-wide pools are then sized so:
     * one intra-op thread, {@code n} inter-op threads). A training command calls it when its model
     * can be split ({@code io.dlkit.backend.train.Towers}); {@code -Ddlkit.towers=N} overrides it
     * ({@code 1} turns towers off).
     *
     * @return whether the plan holds: false when the runtime was already loaded with another one
     */
    public static synchronized boolean planTowers(int n) {
        int wanted = Math.max(1, Integer.getInteger("dlkit.towers", n));
        if (instance != null) return wanted == towers;
        plannedTowers = wanted;
        return true;
    }

    /** The towers training steps use in this process (1 unless planned before loading). */
    public static int towers() {
        return instance == null ? 1 : towers;
    }

    /** Whether the native runtime has been loaded in this process (never loads it). */
    public static boolean isLoaded() {
        return instance != null;
    }

    /** The TensorFlow version of the loaded native library, e.g. {@code 2.18.0}. */
    public String version() {
        return version;
    }

    /** The devices TensorFlow sees (always at least the CPU). */
    public List<DeviceInfo> devices() {
        return devices;
    }

    /** The GPUs TensorFlow sees, in index order. */
    public List<DeviceInfo> gpus() {
        return devices.stream().filter(d -> d.type().equals("GPU")).toList();
    }

    private static TfRuntime load(int threads) {
        try {
            String v = TensorFlow.version();
            // training split into towers runs each kernel on one thread and the towers side by
            // side on the inter-op pool
            int n = plannedTowers;
            ConfigProto config =
                    ConfigProto.newBuilder()
                            .setIntraOpParallelismThreads(n > 1 ? 1 : threads)
                            .setInterOpParallelismThreads(n > 1 ? Math.max(n, threads) : threads)
                            .build();
            towers = n;
            List<DeviceInfo> devices = listDevices(config);
            NativeStderr.silenced(() -> warmUp(config));
            return new TfRuntime(v, devices);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new BackendException(
                    "cannot load the TensorFlow native library ("
                            + firstLine(e)
                            + "); check that lib/ holds tensorflow-core-native for linux-x86_64,"
                            + " that libstdc++ is installed, and that the JavaCPP cache folder is"
                            + " writable (set DLKIT_CACHE_DIR to move it)",
                    e);
        }
    }

    /**
     * Runs one tiny graph, so that the two absl lines TensorFlow prints on the first graph
     * optimization of a process go to the silenced stderr (see {@link NativeStderr}).
     */
    private static void warmUp(ConfigProto config) {
        try (Graph g = new Graph();
                Session s = new Session(g, config)) {
            Ops tf = Ops.create(g);
            try (Result r = s.runner().fetch(tf.math.add(tf.constant(1f), tf.constant(1f))).run()) {
                // nothing to read: running is the point
            }
        }
    }

    private static List<DeviceInfo> listDevices(ConfigProto config) {
        TF_Status status = TF_NewStatus();
        TF_Graph graph = TF_NewGraph();
        TF_SessionOptions opts = TF_NewSessionOptions();
        byte[] bytes = config.toByteArray();
        TF_SetConfig(opts, new BytePointer(bytes), bytes.length, status);
        check(status, "configure a session");
        TF_Session session = TF_NewSession(graph, opts, status);
        try {
            check(status, "create a session");
            TF_DeviceList list = TF_SessionListDevices(session, status);
            check(status, "list devices");
            List<DeviceInfo> out = new ArrayList<>();
            for (int i = 0; i < TF_DeviceListCount(list); i++) {
                out.add(
                        new DeviceInfo(
                                TF_DeviceListName(list, i, status).getString(),
                                TF_DeviceListType(list, i, status).getString(),
                                TF_DeviceListMemoryBytes(list, i, status)));
            }
            TF_DeleteDeviceList(list);
            return out;
        } finally {
            TF_CloseSession(session, status);
            TF_DeleteSession(session, status);
            TF_DeleteSessionOptions(opts);
            TF_DeleteGraph(graph);
            TF_DeleteStatus(status);
        }
    }

    private static void check(TF_Status status, String what) {
        if (TF_GetCode(status) != TF_OK) {
            throw new BackendException(
                    "TensorFlow could not " + what + ": " + TF_Message(status).getString());
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }
}
