package io.dlkit.backend.runtime;

import static org.tensorflow.internal.c_api.global.tensorflow.*;

import java.util.ArrayList;
import java.util.List;
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

/**
 * The process-wide TensorFlow runtime, loaded once, lazily, the first time something needs it
 * (loading costs seconds and extracts ~650 MB of native code on first use, so listing plugins or
 * validating a pipeline never triggers it). All graph work goes through {@link GraphContext}.
 */
public final class TfRuntime {
    private static volatile TfRuntime instance;

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
        TfRuntime r = instance;
        if (r == null) {
            synchronized (TfRuntime.class) {
                r = instance;
                if (r == null) {
                    r = load();
                    instance = r;
                }
            }
        }
        return r;
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

    private static TfRuntime load() {
        try {
            String v = TensorFlow.version();
            List<DeviceInfo> devices = listDevices();
            NativeStderr.silenced(TfRuntime::warmUp);
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
    private static void warmUp() {
        try (Graph g = new Graph();
                Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            try (Result r = s.runner().fetch(tf.math.add(tf.constant(1f), tf.constant(1f))).run()) {
                // nothing to read: running is the point
            }
        }
    }

    private static List<DeviceInfo> listDevices() {
        TF_Status status = TF_NewStatus();
        TF_Graph graph = TF_NewGraph();
        TF_SessionOptions opts = TF_NewSessionOptions();
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
