package io.dlkit.cli.pipeline;

import io.dlkit.backend.text.Suggestions;
import io.dlkit.cli.pipeline.Node.Entry;
import io.dlkit.cli.pipeline.Node.ListNode;
import io.dlkit.cli.pipeline.Node.MapNode;
import io.dlkit.cli.pipeline.Node.ScalarNode;
import io.dlkit.cli.pipeline.PipelineSpec.InputDecl;
import io.dlkit.cli.pipeline.PipelineSpec.InputType;
import io.dlkit.cli.pipeline.PipelineSpec.StepSpec;
import io.dlkit.cli.pipeline.PipelineSpec.Wiring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds a node tree to a {@link PipelineSpec} strictly: unknown keys, missing keys, wrong shapes
 * and duplicate step ids are problems (with "did you mean"), collected rather than thrown.
 */
final class PipelineBinder {
    static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_-]*");
    static final String IDENTIFIER_RULE =
            "use lower-case letters, digits, '_' or '-', starting with a letter";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final List<String> TOP_KEYS = List.of("name", "description", "inputs", "steps");
    private static final List<String> STEP_KEYS =
            List.of("id", "uses", "with", "inputs", "description");
    private static final List<String> INPUT_KEYS = List.of("type", "default", "description");

    private final PipelineFile file;
    private final List<Problem> problems;

    private PipelineBinder(PipelineFile file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Binds the file; returns empty when its root is not a mapping. */
    static Optional<PipelineSpec> bind(PipelineFile file, List<Problem> problems) {
        return new PipelineBinder(file, problems).bindRoot();
    }

    private Optional<PipelineSpec> bindRoot() {
        if (!(file.root() instanceof MapNode root)) {
            report(
                    file.root(),
                    "",
                    "a pipeline file must be a mapping with a 'steps' list, got "
                            + file.root().describe());
            return Optional.empty();
        }
        checkKeys(root, "", TOP_KEYS, "key");
        String name = root.get("name").flatMap(n -> string(n, "name")).orElse(file.baseName());
        root.get("name").ifPresent(n -> checkName(n, name));
        String description =
                root.get("description").flatMap(n -> string(n, "description")).orElse("");
        List<InputDecl> inputs = root.get("inputs").map(this::inputs).orElse(List.of());
        List<StepSpec> steps = steps(root);
        return Optional.of(new PipelineSpec(name, description, inputs, steps));
    }

    private void checkName(Node node, String name) {
        if (node instanceof ScalarNode s
                && s.value() instanceof String
                && !NAME.matcher(name).matches()) {
            report(
                    node,
                    "name",
                    "invalid name "
                            + Values.quote(name)
                            + ": use letters, digits, '.', '_' or '-' (it names the run directory)");
        }
    }

    private List<InputDecl> inputs(Node node) {
        List<InputDecl> inputs = new ArrayList<>();
        if (isNull(node)) {
            return inputs;
        }
        if (!(node instanceof MapNode map)) {
            report(
                    node,
                    "inputs",
                    "expected a mapping of input names to declarations, got " + node.describe());
            return inputs;
        }
        for (Entry entry : map.entries()) {
            String path = "inputs." + entry.key();
            if (!IDENTIFIER.matcher(entry.key()).matches()) {
                report(
                        entry.keyPosition(),
                        path,
                        "invalid input name '" + entry.key() + "': " + IDENTIFIER_RULE);
                continue;
            }
            input(entry, path).ifPresent(inputs::add);
        }
        return inputs;
    }

    private Optional<InputDecl> input(Entry entry, String path) {
        Node node = entry.value();
        MapNode decl = isNull(node) ? new MapNode(List.of(), node.position()) : null;
        if (node instanceof MapNode m) {
            decl = m;
        } else if (decl == null) {
            report(
                    node,
                    path,
                    "expected a mapping with 'type', 'default' and 'description', got "
                            + node.describe());
            return Optional.empty();
        }
        checkKeys(decl, path, INPUT_KEYS, "key");
        Node defaultValue = decl.get("default").filter(n -> !isNull(n)).orElse(null);
        Optional<InputType> type =
                decl.get("type").isPresent()
                        ? decl.get("type").flatMap(n -> inputType(n, path + ".type"))
                        : Optional.of(inferType(defaultValue));
        String description =
                decl.get("description").flatMap(n -> string(n, path + ".description")).orElse("");
        return type.map(
                t -> new InputDecl(entry.key(), entry.keyPosition(), t, defaultValue, description));
    }

    private static InputType inferType(Node defaultValue) {
        Object value = defaultValue == null ? null : defaultValue.toPlain();
        if (Values.isInteger(value)) {
            return InputType.INT;
        } else if (Values.isFloat(value)) {
            return InputType.FLOAT;
        } else if (value instanceof Boolean) {
            return InputType.BOOL;
        }
        return InputType.STRING;
    }

    private Optional<InputType> inputType(Node node, String path) {
        Optional<String> text = string(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String name = text.get();
        if (!InputType.names().contains(name)) {
            report(
                    node,
                    path,
                    "unknown input type '"
                            + name
                            + "'"
                            + Suggestions.didYouMean(name, InputType.names())
                            + " (known: "
                            + String.join(", ", InputType.names())
                            + ")");
            return Optional.empty();
        }
        return Optional.of(InputType.valueOf(name.toUpperCase(Locale.ROOT)));
    }

    private List<StepSpec> steps(MapNode root) {
        List<StepSpec> steps = new ArrayList<>();
        Optional<Node> node = root.get("steps");
        if (node.isEmpty()) {
            report(root, "steps", "missing required key 'steps' (the list of steps to run)");
            return steps;
        }
        if (!(node.get() instanceof ListNode list)) {
            report(node.get(), "steps", "expected a list of steps, got " + node.get().describe());
            return steps;
        }
        if (list.items().isEmpty()) {
            report(list, "steps", "the pipeline has no steps; list at least one");
        }
        Map<String, Position> ids = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            step(list.items().get(i), i, ids).ifPresent(steps::add);
        }
        return steps;
    }

    private Optional<StepSpec> step(Node node, int index, Map<String, Position> ids) {
        String path = "steps[" + index + "]";
        if (!(node instanceof MapNode step)) {
            report(node, path, "expected a mapping with 'id' and 'uses', got " + node.describe());
            return Optional.empty();
        }
        checkKeys(step, path, STEP_KEYS, "key");
        Optional<String> uses = required(step, "uses", path);
        String description =
                step.get("description").flatMap(n -> string(n, path + ".description")).orElse("");
        MapNode with =
                step.get("with")
                        .flatMap(n -> mapping(n, path + ".with", "parameters"))
                        .orElse(new MapNode(List.of(), step.position()));
        List<Wiring> inputs =
                step.get("inputs")
                        .flatMap(n -> mapping(n, path + ".inputs", "input ports to references"))
                        .map(
                                m ->
                                        m.entries().stream()
                                                .map(
                                                        e ->
                                                                new Wiring(
                                                                        e.key(),
                                                                        e.keyPosition(),
                                                                        e.value()))
                                                .toList())
                        .orElse(List.of());
        return required(step, "id", path)
                .filter(id -> checkId(step.get("id").orElseThrow(), id, path, ids))
                .map(
                        id ->
                                new StepSpec(
                                        index,
                                        id,
                                        step.position(),
                                        uses.orElse(null),
                                        step.get("uses")
                                                .map(Node::position)
                                                .orElse(step.position()),
                                        with,
                                        inputs,
                                        description));
    }

    private boolean checkId(Node node, String id, String path, Map<String, Position> ids) {
        if (!IDENTIFIER.matcher(id).matches()) {
            report(node, path + ".id", "invalid step id '" + id + "': " + IDENTIFIER_RULE);
            return false;
        }
        if (id.equals("inputs")) {
            report(
                    node,
                    path + ".id",
                    "step id 'inputs' is reserved for ${inputs.NAME}; rename the step");
            return false;
        }
        Position first = ids.putIfAbsent(id, node.position());
        if (first != null) {
            report(node, path + ".id", "duplicate step id '" + id + "' (first at " + first + ")");
            return false;
        }
        return true;
    }

    private Optional<String> required(MapNode map, String key, String path) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            report(map, path, "missing required key '" + key + "'");
            return Optional.empty();
        }
        return string(node.get(), path + "." + key);
    }

    private Optional<MapNode> mapping(Node node, String path, String what) {
        if (node instanceof MapNode m) {
            return Optional.of(m);
        } else if (!isNull(node)) {
            report(node, path, "expected a mapping of " + what + ", got " + node.describe());
        }
        return Optional.empty();
    }

    private Optional<String> string(Node node, String path) {
        if (node instanceof ScalarNode s && s.value() instanceof String text) {
            return Optional.of(text);
        }
        report(node, path, "expected a string, got " + node.describe());
        return Optional.empty();
    }

    private void checkKeys(MapNode map, String path, List<String> known, String what) {
        for (Entry entry : map.entries()) {
            if (!known.contains(entry.key())) {
                String keyPath = path.isEmpty() ? entry.key() : path + "." + entry.key();
                report(
                        entry.keyPosition(),
                        keyPath,
                        "unknown "
                                + what
                                + " '"
                                + entry.key()
                                + "'"
                                + Suggestions.didYouMean(entry.key(), known)
                                + " (known: "
                                + String.join(", ", known)
                                + ")");
            }
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.value() == null;
    }

    private void report(Node node, String path, String message) {
        report(node.position(), path, message);
    }

    private void report(Position position, String path, String message) {
        problems.add(new Problem(file.source(), position, path, message));
    }
}
