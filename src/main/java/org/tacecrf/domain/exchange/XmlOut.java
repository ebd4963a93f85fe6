package org.tacecrf.domain.exchange;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin, indenting layer over a StAX writer: elements are written as they come and nothing is kept
 * but the current depth, so a document of any size streams in constant memory.
 */
final class XmlOut implements AutoCloseable {

    private final XMLStreamWriter xml;
    private int depth;
    /** Whether the element just opened has had a child element (then its end tag goes on a new line). */
    private boolean childWritten;

    XmlOut(OutputStream out, String defaultNamespace) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.setDefaultNamespace(defaultNamespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut open(String name) {
        try {
            indent();
            xml.writeStartElement(name);
            depth++;
            childWritten = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The root element, declaring the default namespace. */
    XmlOut root(String name, String namespace) {
        try {
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
            depth++;
            childWritten = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attribute of the element just opened; a null value writes nothing. */
    XmlOut attr(String name, Object value) {
        if (value == null) {
            return this;
        }
        try {
            xml.writeAttribute(name, value.toString());
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attribute in the XML namespace ({@code xml:lang}). */
    XmlOut xmlAttr(String name, String value) {
        try {
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", name, value);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text content of the element just opened. */
    XmlOut text(String text) {
        try {
            xml.writeCharacters(text);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut end() {
        try {
            depth--;
            if (childWritten) {
                xml.writeCharacters("\n" + "  ".repeat(depth));
            }
            xml.writeEndElement();
            childWritten = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding only text: {@code <name>text</name>}. */
    XmlOut element(String name, String text) {
        open(name).text(text);
        try {
            depth--;
            xml.writeEndElement();
            childWritten = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    void flush() {
        try {
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
