package io.dlkit.plugins.detector.labels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small XML element tree that remembers the line of each element, for label errors. External
 * entities and DTDs are refused.
 */
final class XmlTree {
    /** An element: its name, its own text (trimmed), its line and its child elements. */
    record Node(String name, String text, int line, List<Node> children) {
        /** The first child with this name, or null. */
        Node child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
        }

        /** All children with this name. */
        List<Node> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }
    }

    private XmlTree() {}

    /** The root element of {@code file}. */
    static Node parse(Path file) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                return read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
            throw LabelErrors.at(
                    file,
                    line,
                    "malformed XML: " + firstLine(e.getMessage()),
                    "fix the XML syntax");
        }
    }

    private static Node read(XMLStreamReader r) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        Node root = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open.push(new Builder(r.getLocalName(), r.getLocation().getLineNumber()));
            } else if (event == XMLStreamConstants.CHARACTERS && !open.isEmpty()) {
                open.peek().text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                Node done = open.pop().build();
                if (open.isEmpty()) {
                    root = done;
                } else {
                    open.peek().children.add(done);
                }
            }
        }
        return root;
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.lastIndexOf('\n');
        return nl < 0 ? m : m.substring(nl + 1).strip();
    }

    private static final class Builder {
        final String name;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Node build() {
            return new Node(name, text.toString().strip(), line, List.copyOf(children));
        }
    }
}
