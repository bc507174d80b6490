package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.FunctionalSummary;
import io.dlkit.backend.nn.ModelSummary;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModel;
import io.dlkit.backend.tfjs.GraphModelFile;
import io.dlkit.backend.tfjs.KerasModel;
import io.dlkit.backend.tfjs.TensorSpec;
import io.dlkit.cli.output.Json;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code dlkit summary NAME} and {@code dlkit bench infer --model NAME} do when NAME is a
 * graph model of the catalog: the core commands hand over to these.
 */
public final class GraphModelCommands {
    private GraphModelCommands() {}

    /** {@code dlkit summary NAME}: inputs, outputs, parameters and op counts. */
    public static int summary(CommandContext ctx, String name) {
        ModelCache cache = ModelsCommand.open(ctx, false);
        CatalogEntry e = cache.catalog().get(name);
        GraphModelFile f = GraphModels.read(e, cache.require(name));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", name);
        doc.put("importer", e.importer());
        doc.put("inputs", f.inputs().stream().map(GraphModelCommands::spec).toList());
        doc.put("outputs", f.outputs().stream().map(GraphModelCommands::spec).toList());
        doc.put("total_params", f.parameters());
        doc.put("nodes", f.graphDef().getNodeCount());
        doc.put("ops", f.opCounts());
        FunctionalSummary layers = null;
        if (e.importer().startsWith("tfjs-layers")) {
            // a Keras model: the dlkit functional model it became, layer by layer
            layers = KerasModel.read(cache.require(name)).summary();
            doc.put("layers", layerRows(layers));
        }
        if (ctx.settings().json()) {
            Json.print(ctx.out(), doc);
            return 0;
        }
        PrintWriter out = ctx.out();
        out.println("model:        " + name + " (" + e.importer() + ", " + e.task() + ")");
        f.inputs().forEach(i -> out.println("input:        " + i));
        f.outputs().forEach(o -> out.println("output:       " + o));
        out.printf(Locale.ROOT, "parameters:   %,d%n", f.parameters());
        out.println("nodes:        " + f.graphDef().getNodeCount());
        StringBuilder ops = new StringBuilder();
        f.opCounts()
                .forEach(
                        (op, n) ->
                                ops.append(ops.length() == 0 ? "" : ", ")
                                        .append(op)
                                        .append(' ')
                                        .append(n));
        out.println("ops:          " + ops);
        if (layers != null) out.print(layers.table());
        out.flush();
        return 0;
    }

    private static List<Map<String, Object>> layerRows(FunctionalSummary s) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < s.summary().rows().size(); i++) {
            ModelSummary.Row r = s.summary().rows().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("type", r.type());
            m.put("output_shape", r.outputShape());
            m.put("params", r.params());
            m.put("flops", r.flops());
            m.put("inputs", s.inputs().get(i));
            rows.add(m);
        }
        return rows;
    }

    /** {@code dlkit bench infer --model NAME}: samples/s of the imported graph on random input. */
    public static int benchInfer(
            CommandContext ctx, String name, int batch, int warmup, int steps) {
        ModelCache cache = ModelsCommand.open(ctx, false);
        CatalogEntry e = cache.catalog().get(name);
        GraphModelFile f = GraphModels.read(e, cache.require(name));
        try (GraphContext g = ctx.openGraph()) {
            GraphModel m = GraphModel.load(g, f);
            Map<String, NdArray> feeds = new LinkedHashMap<>();
            int samples = 1;
            for (TensorSpec in : m.inputs()) {
                long[] shape = in.shape().clone();
                if (shape.length > 0 && shape[0] < 0) shape[0] = batch;
                samples = (int) (shape.length > 0 ? shape[0] : 1);
                feeds.put(in.name(), random(shape, ctx.settings().seed()));
            }
            for (int i = 0; i < warmup; i++) m.run(feeds);
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) m.run(feeds);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("workload", "infer " + name);
            r.put("batch", samples);
            r.put("threads", ctx.settings().threads());
            r.put("steps", steps);
            r.put("samples_per_s", Math.round(steps * samples / seconds * 10) / 10.0);
            r.put("ms_per_step", Math.round(seconds * 1e6 / steps) / 1000.0);
            print(ctx, r);
        }
        return 0;
    }

    private static void print(CommandContext ctx, Map<String, Object> r) {
        if (ctx.settings().json()) {
            Json.print(ctx.out(), r);
            return;
        }
        r.forEach((k, v) -> ctx.out().printf(Locale.ROOT, "%-14s %s%n", k + ":", v));
        ctx.out().flush();
    }

    private static NdArray random(long[] shape, long seed) {
        long n = 1;
        for (long d : shape) n *= d;
        java.util.Random rnd = new java.util.Random(seed);
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextFloat();
        return NdArray.of(v, shape);
    }

    static Map<String, Object> spec(TensorSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("dtype", s.dtype());
        m.put("shape", Arrays.stream(s.shape()).boxed().toList());
        return m;
    }

    /** Every value of small outputs; shape and statistics of large ones. */
    static Map<String, Object> outputJson(NdArray a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", Arrays.stream(a.shape()).boxed().toList());
        float[] v = a.floats();
        if (v.length <= 4096) {
            m.put("values", List.of(box(v)));
        } else {
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, sum = 0;
            for (float x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
            }
            m.put("min", min);
            m.put("max", max);
            m.put("mean", sum / v.length);
        }
        return m;
    }

    private static Float[] box(float[] v) {
        Float[] b = new Float[v.length];
        for (int i = 0; i < v.length; i++) b[i] = v[i];
        return b;
    }
}
