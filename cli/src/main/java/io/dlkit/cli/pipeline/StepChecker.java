package io.dlkit.cli.pipeline;

import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.text.Suggestions;
import io.dlkit.cli.pipeline.Node.Entry;
import io.dlkit.cli.pipeline.PipelineSpec.StepSpec;
import io.dlkit.cli.pipeline.ValueConverter.ConversionException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one step against its step type and resolves its parameters: known and well-typed
 * parameters (after {@code ${inputs.X}} substitution and {@code --set}), defaults filled in, and
 * every input port wired to an existing output of a compatible type.
 */
final class StepChecker {
    private final String source;
    private final StepRegistry registry;
    private final Templates templates;
    private final Path fileDir;
    private final Path workDir;
    private final List<Problem> problems;

    StepChecker(
            String source,
            StepRegistry registry,
            Templates templates,
            Path fileDir,
            Path workDir,
            List<Problem> problems) {
        this.source = source;
        this.registry = registry;
        this.templates = templates;
        this.fileDir = fileDir;
        this.workDir = workDir;
        this.problems = problems;
    }

    /** The step type of a step, reporting an unknown one. */
    Optional<StepType> type(StepSpec step) {
        if (step.uses() == null) {
            return Optional.empty();
        }
        Optional<StepType> type = registry.find(step.uses());
        if (type.isEmpty()) {
            report(
                    step.usesPosition(),
                    step.path() + ".uses",
                    "unknown step type '"
                            + step.uses()
                            + "'"
                            + Suggestions.didYouMean(step.uses(), registry.names())
                            + " (known: "
                            + String.join(", ", registry.names())
                            + ")");
        }
        return type;
    }

    /** The step's parameter values, checked, converted and defaulted. */
    Map<String, Object> params(StepSpec step, StepType type, List<SetOverride> overrides) {
        List<String> known = type.params().stream().map(ParamSpec::name).toList();
        Map<String, Object> given = new LinkedHashMap<>();
        for (Entry entry : step.with().entries()) {
            String path = step.path() + ".with." + entry.key();
            Optional<ParamSpec> param = param(type, entry.key());
            if (param.isEmpty()) {
                report(entry.keyPosition(), path, unknownParam(entry.key(), type, known));
            } else {
                given.put(entry.key(), fromFile(entry.value(), param.get(), path));
            }
        }
        for (SetOverride o : overrides) {
            Optional<ParamSpec> param = param(type, o.name());
            if (param.isEmpty()) {
                problems.add(
                        new Problem(o.source(), null, "", unknownParam(o.name(), type, known)));
            } else {
                given.put(o.name(), fromText(o, param.get()));
            }
        }
        return complete(step, type, given);
    }

    private Map<String, Object> complete(StepSpec step, StepType type, Map<String, Object> given) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec param : type.params()) {
            Object value = given.get(param.name());
            if (value == Templates.UNRESOLVED) {
                continue;
            } else if (value == null && param.required()) {
                report(
                        step.with().entries().isEmpty() ? step.position() : step.with().position(),
                        step.path() + ".with." + param.name(),
                        "missing required parameter '"
                                + param.name()
                                + "' ("
                                + param.type().displayName()
                                + ": "
                                + param.description()
                                + ") for step type "
                                + type.name());
            } else if (value == null && param.defaultValue() != null) {
                params.put(param.name(), defaultValue(param, type));
            } else if (value != null) {
                params.put(param.name(), value);
            }
        }
        return params;
    }

    private Object defaultValue(ParamSpec param, StepType type) {
        try {
            return ValueConverter.convert(param.defaultValue(), param.type(), fileDir);
        } catch (ConversionException e) {
            throw new IllegalStateException(
                    "step type "
                            + type.name()
                            + " declares a bad default"
                            + " for parameter '"
                            + param.name()
                            + "': "
                            + e.getMessage(),
                    e);
        }
    }

    private Object fromFile(Node node, ParamSpec param, String path) {
        Object value = templates.substitute(node, path);
        if (value == null || value == Templates.UNRESOLVED) {
            return value;
        }
        try {
            return ValueConverter.convert(value, param.type(), fileDir);
        } catch (ConversionException e) {
            report(node.position(), path, e.getMessage());
            return Templates.UNRESOLVED;
        }
    }

    private Object fromText(SetOverride o, ParamSpec param) {
        try {
            return ValueConverter.parse(o.value(), param.type(), workDir);
        } catch (ConversionException e) {
            problems.add(new Problem(o.source(), null, "", e.getMessage()));
            return Templates.UNRESOLVED;
        }
    }

    /** The step's input wiring, checked against the ports of its type and of the steps it names. */
    Map<String, Reference> wiring(StepSpec step, StepType type) {
        Map<String, Reference> wiring = new LinkedHashMap<>();
        List<String> known = type.inputs().stream().map(Port::name).toList();
        for (PipelineSpec.Wiring w : step.inputs()) {
            String path = step.path() + ".inputs." + w.port();
            Optional<Port> port =
                    type.inputs().stream().filter(p -> p.name().equals(w.port())).findFirst();
            if (port.isEmpty()) {
                report(
                        w.position(),
                        path,
                        "unknown input '"
                                + w.port()
                                + "' for step type "
                                + type.name()
                                + Suggestions.didYouMean(w.port(), known)
                                + " ("
                                + (known.isEmpty()
                                        ? "it takes no inputs"
                                        : "known: " + String.join(", ", known))
                                + ")");
                continue;
            }
            templates
                    .reference(w.value(), path)
                    .filter(r -> compatible(r, port.get(), type, w.value(), path))
                    .ifPresent(r -> wiring.put(w.port(), r.reference()));
        }
        for (Port port : type.inputs()) {
            if (port.required()
                    && step.inputs().stream().noneMatch(w -> w.port().equals(port.name()))) {
                report(
                        step.position(),
                        step.path() + ".inputs." + port.name(),
                        "missing required input '"
                                + port.name()
                                + "' ("
                                + port.type()
                                + ": "
                                + port.description()
                                + ") for step type "
                                + type.name());
            }
        }
        return wiring;
    }

    private boolean compatible(
            Templates.Resolved r, Port port, StepType type, Node at, String path) {
        if (r.type() != null && !port.type().accepts(r.type())) {
            report(
                    at.position(),
                    path,
                    "input '"
                            + port.name()
                            + "' of "
                            + type.name()
                            + " expects "
                            + port.type()
                            + ", but "
                            + r.reference()
                            + " is "
                            + r.type());
            return false;
        }
        return true;
    }

    private Optional<ParamSpec> param(StepType type, String name) {
        return type.params().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static String unknownParam(String name, StepType type, List<String> known) {
        return "unknown parameter '"
                + name
                + "' for step type "
                + type.name()
                + Suggestions.didYouMean(name, known)
                + " ("
                + (known.isEmpty()
                        ? "it takes no parameters"
                        : "known: " + String.join(", ", known))
                + ")";
    }

    private void report(Position position, String path, String message) {
        problems.add(new Problem(source, position, path, message));
    }
}
