package org.tacecrf.domain.exchange;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin, indenting layer over a StAX writer: elements are written as they come and nothing is kept
 * but the current depth and the element just opened (so one without content is written
 * {@code <name/>}), so a document of any size streams in constant memory.
 */
final class XmlOut implements AutoCloseable {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private final XMLStreamWriter xml;
    private int depth;
    /** Whether the element being closed had a child element (then its end tag goes on a new line). */
    private boolean childWritten;
    /** The element opened but not yet written, with its attributes (namespace, name, value). */
    private String pending;
    private final List<String[]> pendingAttributes = new ArrayList<>();

    XmlOut(OutputStream out, String defaultNamespace) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.setDefaultNamespace(defaultNamespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The root element, declaring the default namespace. */
    XmlOut root(String name, String namespace) {
        try {
            xml.writeCharacters("\n");
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
            depth++;
            childWritten = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut open(String name) {
        try {
            flush(false);
            xml.writeCharacters("\n" + "  ".repeat(depth));
            pending = name;
            depth++;
            childWritten = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attribute of the element just opened; a null value writes nothing. */
    XmlOut attr(String name, Object value) {
        if (value != null) {
            attribute(null, name, value.toString());
        }
        return this;
    }

    /** An attribute in the XML namespace ({@code xml:lang}). */
    XmlOut xmlAttr(String name, String value) {
        attribute(XML_NS, name, value);
        return this;
    }

    private void attribute(String namespace, String name, String value) {
        if (pending == null) {
            try {
                if (namespace == null) {
                    xml.writeAttribute(name, value);
                } else {
                    xml.writeAttribute("xml", namespace, name, value);
                }
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        pendingAttributes.add(new String[] {namespace, name, value});
    }

    /** Text content of the element just opened. */
    XmlOut text(String text) {
        try {
            flush(false);
            xml.writeCharacters(text);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut end() {
        try {
            depth--;
            if (pending != null) {
                flush(true);
            } else {
                if (childWritten) {
                    xml.writeCharacters("\n" + "  ".repeat(depth));
                }
                xml.writeEndElement();
            }
            childWritten = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding only text: {@code <name>text</name>}. */
    XmlOut element(String name, String text) {
        open(name).text(text);
        childWritten = false;
        return end();
    }

    /** Writes the pending start tag, empty when the element ends at once. */
    private void flush(boolean empty) throws XMLStreamException {
        if (pending == null) {
            return;
        }
        if (empty) {
            xml.writeEmptyElement(pending);
        } else {
            xml.writeStartElement(pending);
        }
        for (String[] a : pendingAttributes) {
            if (a[0] == null) {
                xml.writeAttribute(a[1], a[2]);
            } else {
                xml.writeAttribute("xml", a[0], a[1], a[2]);
            }
        }
        pending = null;
        pendingAttributes.clear();
    }

    void flush() {
        try {
            flush(false);
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            while (depth > 0) {
                end();
            }
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
