package io.dlkit.cli.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.dlkit.cli.pipeline.Node.Entry;
import io.dlkit.cli.pipeline.Node.ListNode;
import io.dlkit.cli.pipeline.Node.MapNode;
import io.dlkit.cli.pipeline.Node.ScalarNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML or JSON text into a {@link Node} tree with Jackson's streaming parser, keeping each
 * key's and value's line and column. A syntax error becomes one {@link Problem} with the place the
 * parser stopped; a duplicate key is reported and its second value dropped.
 */
final class NodeReader {
    /** Deeper nesting than this is not a pipeline; refusing it keeps the recursion bounded. */
    static final int MAX_DEPTH = 64;

    /** Jackson's "[Source: ...; line: 1, column: 7]", shortened to "1:7". */
    private static final Pattern SOURCE_REF =
            Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");

    /** Jackson's ": enable `JsonReadFeature.X` to allow" and the like. */
    private static final Pattern LIBRARY_ADVICE =
            Pattern.compile(
                    ":? *\\(?(enable|disable|set) `?[A-Za-z]+(Feature|Constraints)\\.[A-Za-z_.]+`?[^)]*\\)?");

    /** Jackson's ", from `StreamReadConstraints.getMaxNumberLength()`" and the like. */
    private static final Pattern LIBRARY_SOURCE = Pattern.compile(",? *from `[^`]*`");

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = yamlFactory();

    private final String source;
    private final String kind;
    private final List<Problem> problems = new ArrayList<>();
    private JsonParser parser;

    private NodeReader(String source, String kind) {
        this.source = source;
        this.kind = kind;
    }

    /**
     * Reads one document.
     *
     * @param source the file as the user named it, for messages
     * @param content the file's bytes (UTF-8)
     * @param yaml YAML when true, JSON otherwise
     * @param problems receives duplicate-key problems
     * @return the root node
     * @throws PipelineException on a syntax error or an empty document
     */
    static Node read(String source, byte[] content, boolean yaml, List<Problem> problems) {
        return read(source, content, yaml, problems, "pipeline");
    }

    /** Reads one document of {@code kind} ({@code pipeline}, {@code model file}). */
    static Node read(
            String source, byte[] content, boolean yaml, List<Problem> problems, String kind) {
        NodeReader reader = new NodeReader(source, kind);
        Node root = reader.parse(content, yaml);
        problems.addAll(reader.problems);
        return root;
    }

    private Node parse(byte[] content, boolean yaml) {
        String format = yaml ? "YAML" : "JSON";
        try (JsonParser p = (yaml ? YAML : JSON).createParser(content)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                throw fail(
                        Position.START,
                        kind.equals("pipeline")
                                ? "the file is empty; a pipeline needs at least 'steps:'"
                                : "the file is empty; expected a " + kind);
            }
            Node root = value("", 0);
            if (p.nextToken() != null) {
                throw fail(
                        here(),
                        "more than one " + format + " document; put the " + kind + " in one");
            }
            return root;
        } catch (PipelineException e) {
            throw e;
        } catch (JsonProcessingException e) {
            Position at = readerPosition(e, content);
            throw fail(at != null ? at : syntaxPosition(e), syntaxMessage(e, format));
        } catch (IOException | RuntimeException e) {
            // Undecodable bytes, limits of the YAML reader and the like: say what, not how.
            throw fail(positionOrStart(), "cannot read " + format + ": " + firstLine(e));
        }
    }

    private Node value(String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw fail(here(), "nested deeper than " + MAX_DEPTH + " levels");
        }
        Position at = here();
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yp && yp.isCurrentAlias()) {
            throw fail(
                    at,
                    "YAML aliases (*" + aliasName(yp) + ") are not supported; write the value out");
        }
        return switch (token) {
            case START_OBJECT -> mapping(path, depth, at);
            case START_ARRAY -> sequence(path, depth, at);
            case VALUE_STRING -> new ScalarNode(parser.getText(), at);
            case VALUE_NUMBER_INT -> new ScalarNode(integer(), at);
            case VALUE_NUMBER_FLOAT -> new ScalarNode(parser.getDoubleValue(), at);
            case VALUE_TRUE -> new ScalarNode(Boolean.TRUE, at);
            case VALUE_FALSE -> new ScalarNode(Boolean.FALSE, at);
            case VALUE_NULL -> new ScalarNode(null, at);
            default -> throw fail(at, "unexpected " + token);
        };
    }

    private Object integer() throws IOException {
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? parser.getBigIntegerValue()
                : (Object) parser.getLongValue();
    }

    private MapNode mapping(String path, int depth, Position at) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Position keyAt = here();
            parser.nextToken();
            String childPath = path.isEmpty() ? key : path + "." + key;
            Node child = value(childPath, depth + 1);
            Position first = seen.putIfAbsent(key, keyAt);
            if (first == null) {
                entries.add(new Entry(key, keyAt, child));
            } else {
                problems.add(
                        new Problem(
                                source,
                                keyAt,
                                childPath,
                                "duplicate key '" + key + "' (first at " + first + ")"));
            }
        }
        return new MapNode(List.copyOf(entries), at);
    }

    private ListNode sequence(String path, int depth, Position at) throws IOException {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(path + "[" + items.size() + "]", depth + 1));
        }
        return new ListNode(List.copyOf(items), at);
    }

    private Position here() {
        return position(parser.currentTokenLocation());
    }

    private Position positionOrStart() {
        return parser == null ? Position.START : here();
    }

    private PipelineException fail(Position at, String message) {
        return new PipelineException(new Problem(source, at, "", message));
    }

    private static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Position.START;
        }
        return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /** Where the YAML reader met a character it refuses: it counts characters, not lines. */
    private static Position readerPosition(Throwable e, byte[] content) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.reader.ReaderException r) {
                String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                int end = Math.min(Math.max(0, r.getPosition()), text.length());
                int line = 1;
                int column = 1;
                for (int i = 0; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                return new Position(line, column);
            }
        }
        return null;
    }

    private static Position syntaxPosition(JsonProcessingException e) {
        MarkedYAMLException marked = marked(e);
        if (marked != null && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return new Position(mark.getLine() + 1, mark.getColumn() + 1);
        }
        return position(e.getLocation());
    }

    private static String syntaxMessage(JsonProcessingException e, String format) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.reader.ReaderException r) {
                return String.format(
                        "contains the control character U+%04X, which YAML does not allow; remove it",
                        r.getCodePoint());
            }
            if (t instanceof CharConversionException || t instanceof MalformedInputException) {
                return "not UTF-8 text (" + firstLine(t) + "); save the file as UTF-8";
            }
        }
        return format + " syntax error: " + syntaxDetail(e);
    }

    /** The alias's name ({@code x} of {@code *x}); Jackson reports an alias's anchor as null. */
    private static String aliasName(YAMLParser p) {
        String name = p.getCurrentAnchor();
        if (name == null) {
            try {
                name = p.getText();
            } catch (IOException e) {
                name = null;
            }
        }
        return name == null || name.isBlank() ? "..." : Values.printable(name, 40);
    }

    private static String syntaxDetail(JsonProcessingException e) {
        MarkedYAMLException marked = marked(e);
        if (marked != null && marked.getProblem() != null) {
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return Values.printable(marked.getProblem() + context, 200);
        }
        String message = SOURCE_REF.matcher(firstLine(e.getOriginalMessage())).replaceAll("$1:$2");
        // Jackson's advice names its own switches; the user cannot turn them on
        message = LIBRARY_ADVICE.matcher(message).replaceAll("");
        message = LIBRARY_SOURCE.matcher(message).replaceAll("");
        return Values.printable(message, 200);
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Values.printable(firstLine(message), 200);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(PipelineLoader.MAX_BYTES);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        return YAMLFactory.builder().loaderOptions(options).build();
    }
}
