package org.tacecrf.domain.exchange;

import java.io.ByteArrayInputStream;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

/** Validates documents against the official CDISC ODM 1.3.2 schema kept in the test resources. */
public final class OdmSchema {

    private static Schema schema;

    private OdmSchema() {
    }

    public static synchronized Schema schema() throws Exception {
        if (schema == null) {
            URL xsd = OdmSchema.class.getResource("/odm/ODM1-3-2.xsd");
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // The schema imports only the files next to it; nothing is fetched from the network.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            schema = factory.newSchema(xsd);
        }
        return schema;
    }

    /** Throws with the line and message of the first violation. */
    public static void validate(byte[] document) throws Exception {
        Validator validator = schema().newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));
    }
}
