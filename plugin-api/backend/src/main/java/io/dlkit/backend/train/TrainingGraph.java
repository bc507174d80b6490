package io.dlkit.backend.train;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.nn.Regularization;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.clip.GradientClipping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The whole training graph of a model, built once: inputs, forward pass, data loss, the separate L2
 * term, gradients over the model's explicit trainable list ({@code tf.gradients}, never {@code
 * minimize()}), optional clipping, the optimizer's update and the layers' training updates (batch
 * norm moving averages) in one train op. The learning rate is a fed scalar.
 */
public final class TrainingGraph {
    /** Features, {@code [batch, inputShape...]}. */
    public final Placeholder<TFloat32> x;

    /** Class labels {@code [batch]} (classification). */
    public final Placeholder<TInt32> labels;

    /** Float targets {@code [batch, outputs]} (regression). */
    public final Placeholder<TFloat32> targets;

    /** True while training (dropout, batch statistics). */
    public final Operand<TBool> training;

    /** The learning rate of the step. */
    public final Placeholder<TFloat32> learningRate;

    /** The data loss, mean over the batch. */
    public final Operand<TFloat32> dataLoss;

    /** The L2 penalty (1/m)(lambda/2) sum ||W||^2; zero when lambda is 0. */
    public final Operand<TFloat32> l2Loss;

    /** The total loss trained on: data loss plus the L2 term. */
    public final Operand<TFloat32> totalLoss;

    /** Number of correct predictions in the batch (classification only, else null). */
    public final Operand<TFloat32> correct;

    /** The activated model output. */
    public final Operand<TFloat32> output;

    /**
     * The activated outputs by name: a functional model's named outputs in file order, or {@code
     * output} alone for a Sequential one.
     */
    public final Map<String, Operand<TFloat32>> outputs;

    /** Runs one optimizer step and the layers' training updates. */
    public final Op trainOp;

    /** The objective trained on (a built-in {@link LossKind} or a plugin's). */
    public final Objective objective;

    /** The objective's extra metrics (batch means) by name, in its order; empty for most. */
    public final Map<String, Operand<TFloat32>> metrics;

    private final GraphContext graph;
    private final boolean batchesInOrder;
    private final Map<String, Operand<?>> feeds = new LinkedHashMap<>();

    private TrainingGraph(
            GraphContext graph,
            Model model,
            Optimizer optimizer,
            TrainingSpec spec,
            boolean inference,
            int towerCount) {
        this.graph = graph;
        this.batchesInOrder =
                model.layers().stream().anyMatch(io.dlkit.backend.nn.Layer::needsBatchesInOrder);
        Ops tf = graph.tf();
        x =
                tf.withName("x")
                        .placeholder(
                                TFloat32.class, Placeholder.shape(batchShape(model.inputShape())));
        labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        targets = tf.withName("targets").placeholder(TFloat32.class);
        training =
                inference
                        ? tf.withName("training").constant(false)
                        : tf.withName("training")
                                .placeholderWithDefault(tf.constant(false), Shape.scalar());
        learningRate =
                tf.withName("learning_rate")
                        .placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        feeds.put("x", x);
        feeds.put("labels", labels);
        feeds.put("targets", targets);
        int towers = inference ? 1 : towerCount;
        List<Towers.Rows> parts = towers == 1 ? null : Towers.rows(tf, x, towers);
        List<Model.Forward> fs = new ArrayList<>();
        for (int t = 0; t < towers; t++) {
            Operand<TFloat32> in = towers == 1 ? x : parts.get(t).of(tf, x);
            fs.add(
                    t == 0
                            ? model.forward(graph, in, training)
                            : model.forwardAgain(graph, in, training));
        }
        output =
                towers == 1
                        ? fs.get(0).output()
                        : tf.concat(
                                fs.stream().map(Model.Forward::output).toList(), tf.constant(0));
        outputs = Map.of("output", output);
        objective =
                spec.loss() != null
                        ? spec.loss()
                        : LossKind.forActivation(fs.get(0).outputActivation());
        Map<String, Operand<?>> targetFeeds = new LinkedHashMap<>();
        targetFeeds.put("labels", labels);
        targetFeeds.put("targets", targets);
        objective
                .targetShapes()
                .forEach(
                        (name, shape) -> {
                            var p =
                                    tf.withName(name)
                                            .placeholder(
                                                    TFloat32.class,
                                                    Placeholder.shape(batchShape(shape)));
                            targetFeeds.put(name, p);
                            feeds.put(name, p);
                        });
        if (towers == 1) {
            Model.Forward f = fs.get(0);
            Objective.Loss built =
                    objective.build(graph, new Objective.Inputs(Map.of("output", f), targetFeeds));
            dataLoss = built.loss();
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(built.metrics()));
            correct = objective.classification() ? correct(tf, f.logits(), labels) : null;
        } else {
            // the batch means of the towers, weighted by their shares of the rows
            Operand<TFloat32> loss = null;
            Operand<TFloat32> hits = null;
            Map<String, Operand<TFloat32>> sums = new LinkedHashMap<>();
            for (int t = 0; t < towers; t++) {
                Towers.Rows rows = parts.get(t);
                Map<String, Operand<?>> own = new LinkedHashMap<>();
                targetFeeds.forEach((name, feed) -> own.put(name, rows.of(tf, feed)));
                Objective.Loss built =
                        objective.build(
                                graph, new Objective.Inputs(Map.of("output", fs.get(t)), own));
                loss = add(tf, loss, rows.weighted(tf, built.loss()));
                built.metrics()
                        .forEach((k, v) -> sums.put(k, add(tf, sums.get(k), rows.weighted(tf, v))));
                if (objective.classification()) {
                    @SuppressWarnings("unchecked")
                    Operand<TInt32> towerLabels = (Operand<TInt32>) own.get("labels");
                    hits =
                            add(
                                    tf,
                                    hits,
                                    rows.counted(tf, correct(tf, fs.get(t).logits(), towerLabels)));
                }
            }
            dataLoss = loss;
            metrics = Collections.unmodifiableMap(sums);
            correct = hits;
        }
        l2Loss =
                spec.l2() > 0
                        ? Regularization.l2(
                                tf,
                                model.regularizedWeights(),
                                (float) spec.l2(),
                                Regularization.batchSize(tf, x))
                        : tf.constant(0f);
        totalLoss = tf.withName("total_loss").math.add(dataLoss, l2Loss);
        trainOp = trainOp(tf, model.trainableVariables(), model.trainingUpdates(), optimizer, spec);
    }

    @SuppressWarnings("unchecked")
    private TrainingGraph(
            GraphContext graph,
            FunctionalModel model,
            Map<String, OutputLoss> losses,
            Optimizer optimizer,
            TrainingSpec spec) {
        this.graph = graph;
        this.batchesInOrder = false;
        Ops tf = graph.tf();
        x = null;
        labels = null;
        targets = null;
        correct = null;
        training =
                tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
        learningRate =
                tf.withName("learning_rate")
                        .placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Map<String, Operand<TFloat32>> inputs = new LinkedHashMap<>();
        model.inputShapes()
                .forEach(
                        (name, shape) -> {
                            var p =
                                    tf.withName(name)
                                            .placeholder(
                                                    TFloat32.class,
                                                    Placeholder.shape(batchShape(shape)));
                            inputs.put(name, p);
                            feeds.put(name, p);
                        });
        Map<String, Model.Forward> outs = model.forward(graph, inputs, training);
        output = outs.values().iterator().next().output();
        Map<String, Operand<TFloat32>> named = new LinkedHashMap<>();
        outs.forEach((name, f) -> named.put(name, f.output()));
        outputs = Collections.unmodifiableMap(named);
        objective = losses.values().iterator().next().objective();
        Map<String, Operand<TFloat32>> m = new LinkedHashMap<>();
        Operand<TFloat32> sum = tf.constant(0f);
        for (Map.Entry<String, OutputLoss> e : losses.entrySet()) {
            String name = e.getKey();
            Objective o = e.getValue().objective();
            Operand<?> target =
                    o.classification()
                            ? tf.withName(name + "_target")
                                    .placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)))
                            : tf.withName(name + "_target").placeholder(TFloat32.class);
            feeds.put(name, target);
            Objective.Loss built =
                    o.build(
                            graph,
                            new Objective.Inputs(
                                    Map.of(name, outs.get(name)),
                                    Map.of(o.classification() ? "labels" : "targets", target)));
            m.put(name + "_loss", built.loss());
            built.metrics().forEach((k, v) -> m.put(name + "_" + k, v));
            if (o.classification()) {
                m.put(
                        name + "_accuracy",
                        FunctionalAccuracy.of(
                                tf, outs.get(name).logits(), (Operand<TInt32>) target));
            }
            sum =
                    tf.math.add(
                            sum,
                            tf.math.mul(built.loss(), tf.constant((float) e.getValue().weight())));
        }
        metrics = Collections.unmodifiableMap(m);
        dataLoss = sum;
        l2Loss =
                spec.l2() > 0
                        ? Regularization.l2(
                                tf,
                                model.regularizedWeights(),
                                (float) spec.l2(),
                                Regularization.batchSize(tf, inputs.values().iterator().next()))
                        : tf.constant(0f);
        totalLoss = tf.withName("total_loss").math.add(dataLoss, l2Loss);
        trainOp = trainOp(tf, model.trainableVariables(), model.trainingUpdates(), optimizer, spec);
    }

    /**
     * One output's loss in a functional model's training.
     *
     * @param objective the loss of that output
     * @param weight its weight in the total, {@code >= 0}
     */
    public record OutputLoss(Objective objective, double weight) {
        /** Checks the weight. */
        public OutputLoss {
            requireNonNull(objective, "objective is null");
            if (!(weight >= 0))
                throw new IllegalArgumentException("weight must be >= 0, got " + weight);
        }
    }

    /**
     * The training graph of a functional model: one float placeholder per input and one target per
     * output in {@code losses} (int class labels {@code [batch]} for classification, float {@code
     * [batch, units]} else), all fed by name ({@link #feeds()}); the data loss is the weighted sum
     * of the outputs' losses, each also reported as the metric {@code NAME_loss}, with {@code
     * NAME_accuracy} for a classification output and the objective's own metrics as {@code
     * NAME_METRIC}. {@link #x}, {@link #labels}, {@link #targets} and {@link #correct} are null.
     *
     * @throws IllegalArgumentException when {@code losses} names something not an output
     */
    public static TrainingGraph buildFunctional(
            GraphContext graph,
            FunctionalModel model,
            Map<String, OutputLoss> losses,
            Optimizer optimizer,
            TrainingSpec spec) {
        requireNonNull(graph, "graph is null");
        if (losses.isEmpty())
            throw new IllegalArgumentException("losses: name at least one output");
        for (String name : losses.keySet()) {
            if (!model.outputNames().contains(name)) {
                throw new IllegalArgumentException(
                        "losses."
                                + name
                                + ": not an output"
                                + io.dlkit.backend.text.Suggestions.inParentheses(
                                        name, model.outputNames())
                                + "; outputs: "
                                + String.join(", ", model.outputNames()));
            }
        }
        return new TrainingGraph(
                graph, model, new LinkedHashMap<>(losses), requireNonNull(optimizer), spec);
    }

    /** Builds the training graph of {@code model} in {@code graph}. */
    public static TrainingGraph build(
            GraphContext graph, Model model, Optimizer optimizer, TrainingSpec spec) {
        requireNonNull(graph, "graph is null");
        requireNonNull(model, "model is null");
        requireNonNull(optimizer, "optimizer is null");
        return new TrainingGraph(
                graph,
                model,
                optimizer,
                requireNonNull(spec, "spec is null"),
                false,
                Towers.count(model, spec.loss()));
    }

    /**
     * The training graph with its batch split into {@code towers} towers ({@link Towers}), for
     * tests: whatever the process's thread plan, which only decides how fast they run.
     */
    static TrainingGraph build(
            GraphContext graph, Model model, Optimizer optimizer, TrainingSpec spec, int towers) {
        if (towers > 1 && !Towers.splittable(model, spec.loss())) {
            throw new IllegalArgumentException("the model cannot be split into towers");
        }
        return new TrainingGraph(graph, model, optimizer, spec, false, towers);
    }

    /**
     * Builds the graph of {@code model} for evaluation and prediction only: the training flag is
     * the constant {@code false}, so TensorFlow's graph optimizer drops the training branches of
     * the flag's selects (batch norm's batch statistics, dropout's mask), which a placeholder flag
     * makes it compute and discard at every run. Do not train with it.
     */
    public static TrainingGraph buildForInference(
            GraphContext graph, Model model, Optimizer optimizer, TrainingSpec spec) {
        requireNonNull(graph, "graph is null");
        requireNonNull(model, "model is null");
        requireNonNull(optimizer, "optimizer is null");
        return new TrainingGraph(
                graph, model, optimizer, requireNonNull(spec, "spec is null"), true, 1);
    }

    /**
     * What a batch can feed, by name: {@code x}, {@code labels}, {@code targets} and the extra
     * targets the objective declares ({@link Objective#targetShapes()}).
     */
    public Map<String, Operand<?>> feeds() {
        return Collections.unmodifiableMap(feeds);
    }

    /**
     * Whether a layer of the model carries state across batches ({@link
     * io.dlkit.backend.nn.Layer#needsBatchesInOrder()}): the trainer then does not shuffle.
     */
    public boolean batchesInOrder() {
        return batchesInOrder;
    }

    /** The graph context this lives in. */
    public GraphContext graph() {
        return graph;
    }

    private static Operand<TFloat32> add(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
        return a == null ? b : tf.math.add(a, b);
    }

    private static Operand<TFloat32> correct(
            Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels) {
        // one column: a sigmoid's logit, positive for class 1; several: the largest is the class
        boolean oneColumn = logits.shape().numDimensions() < 2 || logits.shape().size(1) == 1;
        Operand<TInt32> predicted =
                !oneColumn
                        ? tf.math.argMax(logits, tf.constant(1), TInt32.class)
                        : tf.dtypes.cast(
                                tf.reshape(
                                        tf.math.greater(logits, tf.constant(0f)),
                                        tf.constant(new int[] {-1})),
                                TInt32.class);
        Operand<TFloat32> hits = tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class);
        return tf.sum(hits, tf.constant(0));
    }

    private Op trainOp(
            Ops tf,
            List<WeightVariable<TFloat32>> vars,
            List<Op> updates,
            Optimizer optimizer,
            TrainingSpec spec) {
        List<Operand<?>> targetsOfGrad = new ArrayList<>();
        vars.forEach(v -> targetsOfGrad.add(v.variable()));
        Gradients grads = tf.gradients(totalLoss, targetsOfGrad);
        // Variables are updated in place, and a variable's read shares its buffer: make every
        // update wait until the fetched loss and accuracy and every gradient have been computed
        // from the pre-update weights. Without the gradients here, back-propagation into a lower
        // layer (dA = dZ W^T) could read a W that the optimizer has already changed, at random.
        List<Op> before = new ArrayList<>(List.of(totalLoss));
        if (correct != null) before.add(correct);
        before.addAll(metrics.values());
        for (int i = 0; i < vars.size(); i++) before.add(grads.dy(i));
        Ops afterLoss = tf.withControlDependencies(before);
        List<Operand<TFloat32>> g = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) g.add(afterLoss.identity(grads.<TFloat32>dy(i)));
        if (spec.clipValue() > 0) g = GradientClipping.byValue(tf, g, (float) spec.clipValue());
        if (spec.clipNorm() > 0) g = GradientClipping.byGlobalNorm(tf, g, (float) spec.clipNorm());
        Op apply = optimizer.applyGradients(graph, vars, g, learningRate);
        List<Op> all = new ArrayList<>(updates);
        all.add(apply);
        return tf.withControlDependencies(all).withName("train_step").noOp();
    }

    private static Shape batchShape(long[] inputShape) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = -1;
        System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
        return Shape.of(dims);
    }
}
