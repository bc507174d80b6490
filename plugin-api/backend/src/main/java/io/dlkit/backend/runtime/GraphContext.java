package io.dlkit.backend.runtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.types.family.TType;

/**
 * One TensorFlow graph, its {@link Ops} builder and its session, placed on the device the user
 * asked for. A model builds its graph once through {@link #tf()}, creates its weights with {@link
 * #variable}, then runs many steps through {@link #session()}. Close it when done.
 *
 * <p>Variables get flat names ({@code conv1_kernel}: no {@code /}, which the framework optimizers
 * reject) and are read once through {@code tf.identity}, because some ops crash the JVM when
 * applied to a reference-typed variable directly (reference/tensorflow-java.md, A1 item 3).
 */
public final class GraphContext implements AutoCloseable {
    private static final Pattern FLAT_NAME = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");

    /**
     * Inter-op threads when the user sets {@code --threads}. A positive value is only a request:
     * TensorFlow runs every session's ops on one process-wide inter-op pool sized by the first
     * session of the process ({@link TfRuntime}'s, with {@code --threads} threads), so since issue
     * #15 the graph's ops have run on two pool threads here, which can overlap an optimizer update
     * with the next gradient (MLP training 37-39k samples/s; a one-thread pool measured 27-28k). -1
     * (ops in the calling thread) was measured idle, A/B interleaved: LeNet-5 batch-1 inference
     * 0.31-0.34 vs 0.34 ms per run, but MLP training 4.37-4.52 vs 3.77-3.85 ms per step (15%
     * slower). The system property {@code dlkit.interOpThreads} overrides it (for A/B benchmarks
     * through {@code DLKIT_JAVA_OPTS}).
     */
    private static final int INTER_OP_THREADS = Integer.getInteger("dlkit.interOpThreads", 1);

    private final Graph graph;
    private final Ops tf;
    private final Session session;
    private final DeviceInfo device;
    private final long seed;
    private final int threads;
    private final ConfigProto config;
    private final Map<String, WeightVariable<?>> variables = new LinkedHashMap<>();

    private GraphContext(
            Graph graph,
            Ops tf,
            Session session,
            DeviceInfo device,
            long seed,
            int threads,
            ConfigProto config) {
        this.graph = graph;
        this.tf = tf;
        this.session = session;
        this.device = device;
        this.seed = seed;
        this.threads = threads;
        this.config = config;
    }

    /**
     * Creates a graph and session on the requested device.
     *
     * @param request the device the user asked for
     * @param threads intra-op threads (0 lets TensorFlow choose)
     * @param seed the base seed every variable and random op derives its own seed from
     * @throws BackendException if the runtime cannot load or a requested GPU does not exist
     */
    public static GraphContext create(DeviceRequest request, int threads, long seed) {
        requireNonNull(request, "request is null");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        TfRuntime runtime = TfRuntime.get(threads);
        DeviceInfo device = Devices.select(runtime, request);
        ConfigProto.Builder config =
                ConfigProto.newBuilder()
                        .setIntraOpParallelismThreads(threads)
                        .setInterOpParallelismThreads(interOpThreads(threads))
                        .setAllowSoftPlacement(true)
                        .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true).build());
        if (device.type().equals("CPU")) {
            config.putDeviceCount("GPU", 0);
        }
        Graph graph = new Graph();
        Ops tf = Ops.create(graph);
        if (device.type().equals("GPU")) {
            int index = Integer.parseInt(device.shortName().substring("GPU:".length()));
            tf =
                    tf.withDevice(
                            DeviceSpec.newBuilder()
                                    .deviceType(DeviceSpec.DeviceType.GPU)
                                    .deviceIndex(index)
                                    .build());
        }
        ConfigProto built = config.build();
        Session session = new Session(graph, built);
        return new GraphContext(graph, tf, session, device, seed, threads, built);
    }

    /**
     * The session's inter-op setting for {@code threads} intra-op threads: TensorFlow's default for
     * 0, the calling thread (-1) for 1, else {@link #INTER_OP_THREADS}. With one thread in all, a
     * step runs every op in the thread that asked for it, without handing each op and each kernel
     * to a pool thread and waking it: LeNet-5 inference at batch 1 went from 3.0-3.5k to 13.5-13.8k
     * images/s and at batch 64 from 45-47k to 52k on one core (PyTorch: 6.9-8.9k and 44-48k), and
     * MLP training on one core runs at 36k samples/s, as fast as on two (issue #15).
     */
    static int interOpThreads(int threads) {
        if (threads == 0) return 0;
        return threads == 1 ? Integer.getInteger("dlkit.interOpThreads", -1) : INTER_OP_THREADS;
    }

    /** The session options this context was created with (for {@link FrozenGraph}'s session). */
    ConfigProto config() {
        return config;
    }

    /** The graph. */
    public Graph graph() {
        return graph;
    }

    /** The op builder for this graph, already placed on the chosen device. */
    public Ops tf() {
        return tf;
    }

    /** The session that runs this graph. */
    public Session session() {
        return session;
    }

    /** The device ops are placed on. */
    public DeviceInfo device() {
        return device;
    }

    /** The base seed. */
    public long seed() {
        return seed;
    }

    /**
     * The line every run prints first: {@code device: CPU:0 | TensorFlow 2.18.0 | threads 2 | seed
     * 42}.
     */
    public String header() {
        return "device: "
                + device.shortName()
                + " | TensorFlow "
                + TfRuntime.get().version()
                + " | threads "
                + (threads == 0 ? "auto" : threads)
                + " | seed "
                + seed;
    }

    /**
     * A seed for one named random thing (a variable's initializer, a dropout mask), derived from
     * the base seed and the name, so that two same-shaped variables never get the same values and
     * the same {@code --seed} gives the same run.
     */
    public long seedFor(String name) {
        return Seeds.derive(seed, name);
    }

    /**
     * Creates a variable initialised from {@code initialValue}.
     *
     * @param name a flat, unique name ({@code dense1_kernel}); no {@code /}
     * @param initialValue the initial value (built on this graph)
     * @param trainable whether the optimizer updates it
     * @return the variable and the tensor to read it through
     */
    public <T extends TType> WeightVariable<T> variable(
            String name, Operand<T> initialValue, boolean trainable) {
        requireNonNull(name, "name is null");
        if (!FLAT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "variable name '" + name + "' must be flat: letters, digits, '_', '.', '-'");
        }
        if (variables.containsKey(name)) {
            throw new IllegalArgumentException(
                    "variable '" + name + "' already exists in this graph");
        }
        Variable<T> var = tf.withName(name).variable(initialValue);
        Operand<T> read = tf.withName(name + "_read").identity(var);
        WeightVariable<T> v = new WeightVariable<>(name, var, read, trainable);
        variables.put(name, v);
        return v;
    }

    /** All variables in creation order. */
    public List<WeightVariable<?>> variables() {
        return Collections.unmodifiableList(new ArrayList<>(variables.values()));
    }

    /** The trainable variables in creation order: what gradients are taken with respect to. */
    public List<WeightVariable<?>> trainableVariables() {
        return variables.values().stream().filter(WeightVariable::trainable).toList();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
