package io.dlkit.cli.pipeline;

import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A step type for engine tests: records its calls and returns a value for each declared output. */
final class FakeStep implements StepType {
    /** What each call saw. */
    record Call(String stepId, Map<String, Object> params, Map<String, Object> inputs) {}

    interface Body {
        Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs)
                throws Exception;
    }

    final List<Call> calls = new ArrayList<>();
    private final String name;
    private final List<ParamSpec> params;
    private final List<Port> inputs;
    private final List<Port> outputs;
    private Body body;

    FakeStep(String name, List<ParamSpec> params, List<Port> inputs, List<Port> outputs) {
        this.name = name;
        this.params = params;
        this.inputs = inputs;
        this.outputs = outputs;
        this.body =
                (context, p, in) -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    outputs.forEach(o -> out.put(o.name(), context.stepId() + "." + o.name()));
                    return out;
                };
    }

    FakeStep body(Body body) {
        this.body = body;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "a fake step for tests";
    }

    @Override
    public List<ParamSpec> params() {
        return params;
    }

    @Override
    public List<Port> inputs() {
        return inputs;
    }

    @Override
    public List<Port> outputs() {
        return outputs;
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> in)
            throws Exception {
        calls.add(new Call(context.stepId(), p.asMap(), in));
        return body.run(context, p, in);
    }
}
