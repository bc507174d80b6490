package io.dlkit.cli.pipeline;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.text.Suggestions;
import io.dlkit.cli.pipeline.Node.ListNode;
import io.dlkit.cli.pipeline.Node.MapNode;
import io.dlkit.cli.pipeline.Node.ScalarNode;
import io.dlkit.cli.pipeline.PipelineSpec.InputDecl;
import io.dlkit.cli.pipeline.PipelineSpec.StepSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Resolves {@code ${...}} references: {@code ${inputs.NAME}} inside {@code with:} values (the whole
 * value takes the input's typed value; inside a string, its text), and {@code ${STEP.OUTPUT}} or
 * {@code ${inputs.NAME}} as the whole value of an {@code inputs:} port.
 */
final class Templates {
    /** Stands for a value that could not be resolved; its problem is already reported. */
    static final Object UNRESOLVED = new Object();

    /** A checked reference and the artifact type it carries (null when that is unknown). */
    record Resolved(Reference reference, ArtifactType type) {}

    private final String source;
    private final PipelineSpec spec;
    private final StepRegistry registry;
    private final Map<String, Object> inputValues;
    private final List<Problem> problems;

    Templates(
            String source,
            PipelineSpec spec,
            StepRegistry registry,
            Map<String, Object> inputValues,
            List<Problem> problems) {
        this.source = source;
        this.spec = spec;
        this.registry = registry;
        this.inputValues = inputValues;
        this.problems = problems;
    }

    /** A {@code with:} value as plain Java with {@code ${inputs.X}} substituted. */
    Object substitute(Node node, String path) {
        if (node instanceof ListNode list) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                items.add(substitute(list.items().get(i), path + "[" + i + "]"));
            }
            return items.contains(UNRESOLVED) ? UNRESOLVED : items;
        } else if (node instanceof MapNode map) {
            Map<String, Object> values = new LinkedHashMap<>();
            map.entries()
                    .forEach(e -> values.put(e.key(), substitute(e.value(), path + "." + e.key())));
            return values.containsValue(UNRESOLVED) ? UNRESOLVED : values;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.value() instanceof String text
                ? interpolate(text, node, path)
                : scalar.value();
    }

    private Object interpolate(String text, Node at, String path) {
        Matcher m = Reference.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean whole = m.matches();
        m.reset();
        Object wholeValue = null;
        while (m.find()) {
            Object value = inputValue(m.group(1), at, path);
            if (value == UNRESOLVED) {
                return UNRESOLVED;
            }
            wholeValue = value;
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return whole ? wholeValue : out.toString();
    }

    private Object inputValue(String inner, Node at, String path) {
        try {
            Reference ref = Reference.parse(inner);
            if (!ref.isInput()) {
                report(
                        at,
                        path,
                        ref
                                + ": step outputs can only be wired under a step's 'inputs:',"
                                + " not used in 'with:'");
                return UNRESOLVED;
            }
            if (spec.input(ref.name()).isEmpty()) {
                report(at, path, unknownInput(spec, ref.name()));
                return UNRESOLVED;
            }
            // An input without a value is reported once, where it is declared.
            return inputValues.getOrDefault(ref.name(), UNRESOLVED);
        } catch (Reference.MalformedException e) {
            report(at, path, e.getMessage());
            return UNRESOLVED;
        }
    }

    /** An {@code inputs:} port's reference, checked: the input or the step and output exist. */
    Optional<Resolved> reference(Node node, String path) {
        String example = "expected a reference like \"${load.image}\", got ";
        if (!(node instanceof ScalarNode s) || !(s.value() instanceof String text)) {
            report(node, path, example + node.describe());
            return Optional.empty();
        }
        try {
            Optional<Reference> ref = Reference.whole(text);
            if (ref.isEmpty()) {
                report(node, path, example + node.describe());
                return Optional.empty();
            }
            return ref.get().isInput()
                    ? pipelineInput(ref.get(), node, path)
                    : stepOutput(ref.get(), node, path);
        } catch (Reference.MalformedException e) {
            report(node, path, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Resolved> pipelineInput(Reference ref, Node at, String path) {
        Optional<InputDecl> decl = spec.input(ref.name());
        if (decl.isEmpty()) {
            report(at, path, unknownInput(spec, ref.name()));
        }
        return decl.map(d -> new Resolved(ref, d.type().artifactType));
    }

    private Optional<Resolved> stepOutput(Reference ref, Node at, String path) {
        Optional<StepSpec> target = spec.step(ref.source());
        if (target.isEmpty()) {
            report(
                    at,
                    path,
                    "unknown step '"
                            + ref.source()
                            + "'"
                            + Suggestions.didYouMean(ref.source(), spec.stepIds())
                            + " (steps: "
                            + String.join(", ", spec.stepIds())
                            + ")");
            return Optional.empty();
        }
        Optional<StepType> type = Optional.ofNullable(target.get().uses()).flatMap(registry::find);
        if (type.isEmpty()) {
            return Optional.of(new Resolved(ref, null));
        }
        List<String> outputs = type.get().outputs().stream().map(Port::name).toList();
        Optional<Port> output =
                type.get().outputs().stream().filter(p -> p.name().equals(ref.name())).findFirst();
        if (output.isEmpty()) {
            report(
                    at,
                    path,
                    "step '"
                            + ref.source()
                            + "' ("
                            + type.get().name()
                            + ") has no output '"
                            + ref.name()
                            + "'"
                            + Suggestions.didYouMean(ref.name(), outputs)
                            + " (outputs: "
                            + String.join(", ", outputs)
                            + ")");
            return Optional.empty();
        }
        return Optional.of(new Resolved(ref, output.get().type()));
    }

    static String unknownInput(PipelineSpec spec, String name) {
        List<String> declared = spec.inputNames();
        return "unknown pipeline input '"
                + name
                + "'"
                + Suggestions.didYouMean(name, declared)
                + (declared.isEmpty()
                        ? " (the pipeline declares no inputs; declare it under 'inputs:')"
                        : " (declared: " + String.join(", ", declared) + ")");
    }

    private void report(Node node, String path, String message) {
        problems.add(new Problem(source, node.position(), path, message));
    }
}
