package org.tacecrf.domain.exchange;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;

/**
 * Reads the ClinicalData of a CDISC ODM 1.3.2 file (snapshot or transactional) into form records:
 * {@code SubjectData/@SubjectKey} is the subject number, {@code SiteRef} its site, and each
 * {@code FormData} under a {@code StudyEventData} one record with the values of its
 * {@code ItemData} (untyped {@code Value} or typed {@code ItemData[TYPE]} elements, with an
 * optional {@code MeasurementUnitRef}). {@code IsNull="Yes"} and {@code TransactionType="Remove"}
 * on an item or item group clear the values; removing forms, visits or subjects is refused. Several
 * transactions on one form instance are merged in document order. OIDs are those of
 * {@link OdmOids}; metadata, admin data, audit records and signatures in the file are not imported
 * (the system records its own). DTDs and external entities are refused.
 */
public final class OdmReader {

    private final StudyDefinition study;
    private final LocalDate today;

    public OdmReader(StudyDefinition study, LocalDate today) {
        this.study = study;
        this.today = today;
    }

    public MappedImport read(byte[] content, ImportLimits limits) {
        List<ExchangeProblem> problems = new ArrayList<>();
        Map<String, ImportRecord> records = new LinkedHashMap<>();
        State state = new State();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = null;
        boolean clinicalData = false;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    int line = xml.getLocation().getLineNumber();
                    String name = xml.getLocalName();
                    if (name.equals("ODM") && !OdmOids.NAMESPACE.equals(xml.getNamespaceURI())) {
                        problems.add(ExchangeProblem.error(line, null, xml.getNamespaceURI(), "exchange.odm.namespace", OdmOids.NAMESPACE));
                        break;
                    }
                    if (name.equals("ClinicalData")) {
                        clinicalData = true;
                        String oid = xml.getAttributeValue(null, "StudyOID");
                        if (!OdmOids.study(study).equals(oid)) {
                            problems.add(ExchangeProblem.error(line, "StudyOID", oid, "exchange.odm.otherStudy", OdmOids.study(study)));
                            break;
                        }
                    } else if (clinicalData) {
                        start(name, xml, line, state, problems);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && clinicalData) {
                    end(xml.getLocalName(), state, records, problems);
                    if (records.size() > limits.maxRows()) {
                        return new MappedImport(FileFormat.ODM, null, List.of(),
                                List.of(ExchangeProblem.file("exchange.file.tooManyRows", limits.maxRows())));
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && state.typedValue != null) {
                    state.typedValue.append(xml.getText());
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            problems.add(ExchangeProblem.error(line, null, null, "exchange.odm.malformed", e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing was written; the problems already say what happened
                }
            }
        }
        if (!clinicalData && problems.isEmpty()) {
            problems.add(ExchangeProblem.file("exchange.odm.noClinicalData"));
        }
        for (ImportRecord record : records.values()) {
            problems.addAll(RecordCheck.check(study, record, today));
        }
        if (records.isEmpty() && problems.stream().noneMatch(ExchangeProblem::error)) {
            problems.add(ExchangeProblem.file("exchange.file.noRows"));
        }
        return new MappedImport(FileFormat.ODM, null, new ArrayList<>(records.values()), problems);
    }

    /** Where the reader is in the ClinicalData tree. */
    private static final class State {
        String subject;
        String site;
        VisitDef visit;
        int visitRepeat;
        FormDef form;
        int formRepeat;
        int formLine;
        boolean formBroken;
        Map<ItemKey, ImportRecord.Cell> values;
        ItemGroupDef group;
        int groupRepeat;
        ItemDef item;
        String itemText;
        String itemUnit;
        StringBuilder typedValue;
    }

    private void start(String name, XMLStreamReader xml, int line, State s, List<ExchangeProblem> problems) {
        switch (name) {
            case "SubjectData" -> {
                s.subject = xml.getAttributeValue(null, "SubjectKey");
                s.site = null;
                if ("Remove".equals(xml.getAttributeValue(null, "TransactionType"))) {
                    problems.add(ExchangeProblem.error(line, "SubjectData", s.subject, "exchange.odm.removeRefused", "SubjectData"));
                }
            }
            case "SiteRef" -> s.site = OdmOids.strip(xml.getAttributeValue(null, "LocationOID"), "LOC.").orElse(null);
            case "StudyEventData" -> {
                String oid = xml.getAttributeValue(null, "StudyEventOID");
                s.visit = OdmOids.strip(oid, "SE.").flatMap(study::visit).orElse(null);
                if (s.visit == null) {
                    problems.add(ExchangeProblem.error(line, "StudyEventOID", oid, "exchange.odm.unknownOid", oid));
                }
                s.visitRepeat = repeatKey(xml.getAttributeValue(null, "StudyEventRepeatKey"), line, "StudyEventRepeatKey", problems);
                if ("Remove".equals(xml.getAttributeValue(null, "TransactionType"))) {
                    problems.add(ExchangeProblem.error(line, "StudyEventData", oid, "exchange.odm.removeRefused", "StudyEventData"));
                }
            }
            case "FormData" -> {
                String oid = xml.getAttributeValue(null, "FormOID");
                s.form = OdmOids.strip(oid, "F.").flatMap(study::form).orElse(null);
                s.formLine = line;
                s.formBroken = s.visit == null || s.form == null;
                s.values = new LinkedHashMap<>();
                if (s.form == null) {
                    problems.add(ExchangeProblem.error(line, "FormOID", oid, "exchange.odm.unknownOid", oid));
                } else if (s.visit != null && !s.visit.collects(s.form.id())) {
                    problems.add(ExchangeProblem.error(line, "FormOID", oid, "exchange.odm.formNotAtVisit", s.form.id(), s.visit.id()));
                    s.formBroken = true;
                }
                s.formRepeat = repeatKey(xml.getAttributeValue(null, "FormRepeatKey"), line, "FormRepeatKey", problems);
                if ("Remove".equals(xml.getAttributeValue(null, "TransactionType"))) {
                    problems.add(ExchangeProblem.error(line, "FormData", oid, "exchange.odm.removeRefused", "FormData"));
                    s.formBroken = true;
                }
            }
            case "ItemGroupData" -> {
                String oid = xml.getAttributeValue(null, "ItemGroupOID");
                s.group = s.form == null ? null : s.form.groups().stream().filter(g -> OdmOids.itemGroup(s.form, g).equals(oid))
                        .findFirst().orElse(null);
                s.groupRepeat = repeatKey(xml.getAttributeValue(null, "ItemGroupRepeatKey"), line, "ItemGroupRepeatKey", problems);
                if (s.group == null && !s.formBroken) {
                    problems.add(ExchangeProblem.error(line, "ItemGroupOID", oid, "exchange.odm.unknownOid", oid));
                    s.formBroken = true;
                } else if (s.group != null && !s.group.repeating() && s.groupRepeat != 1) {
                    problems.add(ExchangeProblem.error(line, "ItemGroupRepeatKey", String.valueOf(s.groupRepeat), "exchange.odm.notRepeating", oid));
                    s.formBroken = true;
                } else if (s.group != null && "Remove".equals(xml.getAttributeValue(null, "TransactionType"))) {
                    for (ItemDef item : s.group.items()) {
                        if (!item.calculated()) {
                            s.values.put(new ItemKey(s.group.id(), s.groupRepeat, item.id()),
                                    new ImportRecord.Cell(OdmOids.item(s.form, item), "", null));
                        }
                    }
                }
            }
            case "MeasurementUnitRef" -> {
                if (s.item != null) {
                    s.itemUnit = OdmOids.strip(xml.getAttributeValue(null, "MeasurementUnitOID"), "MU.").orElse(null);
                }
            }
            default -> {
                if (name.startsWith("ItemData") && s.group != null && s.values != null) {
                    String oid = xml.getAttributeValue(null, "ItemOID");
                    s.item = s.group.items().stream().filter(i -> OdmOids.item(s.form, i).equals(oid)).findFirst().orElse(null);
                    if (s.item == null) {
                        problems.add(ExchangeProblem.error(line, "ItemOID", oid, "exchange.odm.unknownOid", oid));
                        s.formBroken = true;
                        return;
                    }
                    boolean cleared = "Yes".equals(xml.getAttributeValue(null, "IsNull"))
                            || "Remove".equals(xml.getAttributeValue(null, "TransactionType"));
                    s.itemUnit = null;
                    if (name.equals("ItemData")) {
                        String value = xml.getAttributeValue(null, "Value");
                        s.itemText = cleared || value == null ? "" : value;
                    } else {
                        s.itemText = null;
                        s.typedValue = new StringBuilder();
                    }
                }
            }
        }
    }

    private void end(String name, State s, Map<String, ImportRecord> records, List<ExchangeProblem> problems) {
        if (name.startsWith("ItemData") && s.item != null) {
            String text = s.itemText != null ? s.itemText : s.typedValue.toString().strip();
            if (!s.item.calculated()) {
                s.values.put(new ItemKey(s.group.id(), s.groupRepeat, s.item.id()),
                        new ImportRecord.Cell(OdmOids.item(s.form, s.item), text, s.itemUnit));
            }
            s.item = null;
            s.typedValue = null;
        } else if (name.equals("ItemGroupData")) {
            s.group = null;
        } else if (name.equals("FormData")) {
            if (!s.formBroken && s.subject != null) {
                ImportRecord record = new ImportRecord(s.formLine, s.site, s.subject, s.visit.id(), s.visitRepeat, s.form.id(), s.formRepeat,
                        null, s.values);
                records.merge(record.target(), record, OdmReader::merge);
            }
            s.form = null;
            s.values = null;
        } else if (name.equals("StudyEventData")) {
            s.visit = null;
        }
    }

    /** A later transaction on the same form instance: its values win, the first line is kept. */
    private static ImportRecord merge(ImportRecord earlier, ImportRecord later) {
        Map<ItemKey, ImportRecord.Cell> values = new LinkedHashMap<>(earlier.values());
        values.putAll(later.values());
        String site = later.siteId() != null ? later.siteId() : earlier.siteId();
        return new ImportRecord(earlier.row(), site, earlier.subjectNumber(), earlier.visitId(), earlier.visitRepeat(), earlier.formId(),
                earlier.formRepeat(), null, values);
    }

    private static int repeatKey(String text, int line, String attribute, List<ExchangeProblem> problems) {
        if (text == null) {
            return 1;
        }
        Optional<Integer> value = text.matches("\\d{1,5}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
        if (value.isEmpty() || value.get() < 1) {
            problems.add(ExchangeProblem.error(line, attribute, text, "exchange.row.badRepeat"));
            return 1;
        }
        return value.get();
    }
}
