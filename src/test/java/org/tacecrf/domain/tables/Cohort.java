package org.tacecrf.domain.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.casebook.ParsedValue;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.SubjectData.VisitInstance;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyDefinitionLoader;

/**
 * Hand-made patients for the table tests, entered as a nurse would type them (values go through
 * {@link ItemValueParser} against the study's items), so the summaries are derived by the real
 * derivations. Tumour response is written as one target lesion of 50 mm at baseline measured at
 * 0 (CR), 30 (PR), 45 (SD) or 70 mm (PD), under both criteria.
 */
final class Cohort {

    /** Two arms (deb, ctace), one site, a schedule with one- and three-month response visits. */
    static final String TWO_ARMS = """
            id: tables
            title: Tables study
            version: "1"
            design: {timing: retrospective, structure: two_arm}
            sites: [{id: S1, name: Site one}, {id: S2, name: Site two}]
            arms: [{id: deb, label: DEB-TACE}, {id: ctace, label: cTACE}]
            eligibility:
              inclusion: [{id: in01, text: Unresectable liver cancer}]
              exclusion: [{id: ex01, text: Child-Pugh class C}]
            schedule:
              - {id: screening, label: Screening, type: screening, forms: [eligibility, enrolment]}
              - {id: baseline, label: Baseline, type: baseline, forms: [baseline, baseline_imaging, qlq_c30]}
              - {id: tace, label: TACE, type: treatment, forms: [tace_session, post_labs]}
              - id: fu_1m
                label: One month
                type: follow_up
                timing: {anchor: first_tace, day: 30, windowBefore: 7, windowAfter: 7}
                forms: [imaging_assessment, tumour_markers, qlq_c30]
              - id: fu_3m
                label: Three months
                type: follow_up
                timing: {anchor: first_tace, day: 90, windowBefore: 14, windowAfter: 14}
                forms: [imaging_assessment, tumour_markers]
              - id: fu_q3m
                label: Every three months
                type: follow_up
                repeating: true
                timing: {anchor: previous_visit, day: 90, windowBefore: 14, windowAfter: 14}
                interval: {minDays: 76, maxDays: 104}
                forms: [imaging_assessment]
              - {id: survival, label: Survival, type: survival_contact, repeating: true, forms: [survival_contact],
                 timing: {anchor: first_tace, day: 90, windowBefore: 14, windowAfter: 14}, interval: {minDays: 76, maxDays: 104}}
              - {id: logs, label: Logs, type: log, forms: [adverse_event, other_treatment]}
            """;

    static final String SINGLE_ARM = TWO_ARMS.replace("structure: two_arm", "structure: single_arm")
            .replace("arms: [{id: deb, label: DEB-TACE}, {id: ctace, label: cTACE}]", "arms: [{id: deb, label: DEB-TACE}]");

    private static final ItemValueParser PARSER = new ItemValueParser(LocalDate.of(2030, 1, 1));

    final StudyDefinition study;
    private final List<Patient> patients = new ArrayList<>();
    private long nextId = 1;

    Cohort(StudyDefinition study) {
        this.study = study;
    }

    /** The two-arm study with this analysis section (may be empty). */
    static Cohort twoArms(String analysis) {
        return new Cohort(StudyDefinitionLoader.builtIn().loadString("tables.yaml", TWO_ARMS + analysis));
    }

    static Cohort singleArm(String analysis) {
        return new Cohort(StudyDefinitionLoader.builtIn().loadString("tables.yaml", SINGLE_ARM + analysis));
    }

    /** A patient enrolled on 2024-01-01 at site S1. */
    Patient patient(String number, String arm) {
        Patient p = new Patient(patients.size() + 1L, number, arm);
        patients.add(p);
        return p;
    }

    List<SubjectRecord> records() {
        return patients.stream().map(Patient::record).toList();
    }

    AnalysisDataset dataset() {
        return dataset(null);
    }

    AnalysisDataset dataset(LocalDate cutOff) {
        return AnalysisDataset.of(study, cutOff, false, records(), List.of());
    }

    final class Patient {
        private final long id;
        private final String number;
        private final String arm;
        private String site = "S1";
        private LocalDate enrolled = LocalDate.of(2024, 1, 1);
        private boolean locked;
        private final List<VisitInstance> visits = new ArrayList<>();
        private final List<FormInstance> forms = new ArrayList<>();
        private final Map<String, Integer> repeats = new LinkedHashMap<>();
        private VisitInstance logs;
        private boolean baselineLesion;

        private Patient(long id, String number, String arm) {
            this.id = id;
            this.number = number;
            this.arm = arm;
            form(visit("screening", "2024-01-01"), "enrolment", "consent_date", "2024-01-01", "enrolment_date",
                    "2024-01-01", "arm", arm);
        }

        Patient site(String siteId) {
            this.site = siteId;
            return this;
        }

        Patient enrolled(String date) {
            this.enrolled = LocalDate.parse(date);
            return this;
        }

        Patient locked() {
            this.locked = true;
            return this;
        }

        /** Baseline values as item, value pairs. */
        Patient baseline(String... itemsAndValues) {
            VisitInstance v = visits.stream().filter(x -> x.visitId().equals("baseline")).findFirst()
                    .orElseGet(() -> visit("baseline", "2023-12-28"));
            form(v, "baseline", itemsAndValues);
            return this;
        }

        /** A TACE session with CalliSpheres 100-300 um loaded with epirubicin; more items as pairs. */
        Patient session(String date, String... itemsAndValues) {
            VisitInstance v = visit("tace", date);
            FormInstance f = form(v, "tace_session", "procedure_date", date, "technique", "DEB_TACE",
                    "technical_success", "Y");
            FormInstance withRow = rows(f, "microspheres", 1, "product", "CALLISPHERES", "size_range", "S100_300",
                    "drug", "EPIRUBICIN", "dose_loaded_mg", "60");
            replace(f, withRow);
            if (itemsAndValues.length > 0) {
                replace(withRow, put(withRow, itemsAndValues));
            }
            return this;
        }

        /** A row of a repeating group of the latest session, e.g. ("embolics", 1, "embolic_type", "PVA"). */
        Patient sessionRow(String groupId, int repeat, String... itemsAndValues) {
            FormInstance last = forms.stream().filter(f -> f.formId().equals("tace_session"))
                    .reduce((a, b) -> b).orElseThrow();
            replace(last, rows(last, groupId, repeat, itemsAndValues));
            return this;
        }

        /** Post-procedure labs after the latest session, with pre-procedure values on the baseline form. */
        Patient postLabs(String date, String... itemsAndValues) {
            VisitInstance v = visits.stream().filter(x -> x.visitId().equals("tace")).reduce((a, b) -> b).orElseThrow();
            List<String> values = new ArrayList<>(List.of("hours_after_procedure", "48", "lab_date", date));
            values.addAll(List.of(itemsAndValues));
            form(v, "post_labs", values.toArray(String[]::new));
            return this;
        }

        /** A tumour assessment at a follow-up visit with the given response under both criteria. */
        Patient assessment(String visitId, String date, Response response) {
            ensureBaselineLesion();
            String size = switch (response) {
                case CR -> "0";
                case PR -> "30";
                case SD -> "45";
                case PD -> "70";
                default -> throw new IllegalArgumentException("no size for " + response);
            };
            VisitInstance v = visit(visitId, date);
            FormInstance f = form(v, "imaging_assessment", "assessment_date", date, "modality", "CT",
                    "new_lesions_found", "N");
            replace(f, rows(f, "target_measurements", 1, "target_lesion_id", "T01", "target_status", "MEASURED",
                    "target_ld_mm", size, "target_viable_mm", size));
            return this;
        }

        /** Tumour markers at a visit, e.g. ("afp", "150"); the baseline value goes on the baseline form. */
        Patient markers(String visitId, String date, String... itemsAndValues) {
            VisitInstance v = visits.stream().filter(x -> x.visitId().equals(visitId)).findFirst()
                    .orElseGet(() -> visit(visitId, date));
            List<String> values = new ArrayList<>(List.of("marker_date", date));
            values.addAll(List.of(itemsAndValues));
            form(v, "tumour_markers", values.toArray(String[]::new));
            return this;
        }

        /** A QLQ-C30 form with scale scores given directly, e.g. ("pf2_score", "80"). */
        Patient qol(String visitId, String date, String... scores) {
            VisitInstance v = visits.stream().filter(x -> x.visitId().equals(visitId)).findFirst()
                    .orElseGet(() -> visit(visitId, date));
            List<String> values = new ArrayList<>(List.of("qlq_date", date));
            values.addAll(List.of(scores));
            form(v, "qlq_c30", values.toArray(String[]::new));
            return this;
        }

        Patient alive(String date) {
            form(visit("survival", date), "survival_contact", "contact_date", date, "vital_status", "ALIVE");
            return this;
        }

        Patient died(String date) {
            form(visit("survival", date), "survival_contact", "contact_date", date, "vital_status", "DEAD",
                    "death_date", date);
            return this;
        }

        /** An adverse event linked to a session number (null: by onset date); "OTHER:Hiccups" specifies the term. */
        Patient adverseEvent(String term, int grade, String onset, Integer session) {
            String[] parts = term.split(":", 2);
            List<String> values = new ArrayList<>(List.of("ae_term", parts[0], "ae_grade", String.valueOf(grade),
                    "ae_onset_date", onset, "ae_ongoing", "N", "relation_tace", "PROBABLE", "ae_serious", "N"));
            if (parts.length > 1) {
                values.addAll(List.of("ae_term_other", parts[1]));
            }
            if (session != null) {
                values.addAll(List.of("related_session", String.valueOf(session)));
            }
            form(logs(), "adverse_event", values.toArray(String[]::new));
            return this;
        }

        /** Another anticancer treatment. */
        Patient otherTreatment(String category, String start, boolean protocol) {
            form(logs(), "other_treatment", "category", category, "agent", category.toLowerCase(), "start_date", start,
                    "ongoing", "Y", "protocol_therapy", protocol ? "Y" : "N");
            return this;
        }

        private VisitInstance logs() {
            if (logs == null) {
                logs = visit("logs", null);
            }
            return logs;
        }

        private void ensureBaselineLesion() {
            if (baselineLesion) {
                return;
            }
            baselineLesion = true;
            VisitInstance v = visits.stream().filter(x -> x.visitId().equals("baseline")).findFirst()
                    .orElseGet(() -> visit("baseline", "2023-12-28"));
            FormInstance f = form(v, "baseline_imaging", "imaging_date", "2023-12-28", "modality", "CT");
            replace(f, rows(f, "lesions", 1, "lesion_id", "T01", "lesion_role", "TARGET", "organ", "LIVER",
                    "liver_segment", "S8", "longest_diameter_mm", "50", "viable_diameter_mm", "50",
                    "arterial_enhancement", "Y"));
        }

        private VisitInstance visit(String visitId, String date) {
            int repeat = repeats.merge(visitId, 1, Integer::sum);
            VisitInstance v = new VisitInstance(nextId++, visitId, repeat, date == null ? null : LocalDate.parse(date));
            visits.add(v);
            return v;
        }

        private FormInstance form(VisitInstance visit, String formId, String... itemsAndValues) {
            int repeat = (int) forms.stream().filter(f -> f.visit().id() == visit.id() && f.formId().equals(formId))
                    .count() + 1;
            FormInstance f = new FormInstance(nextId++, visit, formId, repeat, true, Map.of());
            FormInstance filled = put(f, itemsAndValues);
            forms.add(filled);
            return filled;
        }

        private FormInstance put(FormInstance f, String... itemsAndValues) {
            FormDef def = study.form(f.formId()).orElseThrow();
            Map<ItemKey, StoredValue> values = new LinkedHashMap<>(f.values());
            for (int i = 0; i < itemsAndValues.length; i += 2) {
                ItemGroupDef group = def.groupOf(itemsAndValues[i]).orElseThrow(() -> new IllegalArgumentException(
                        "no item " + f.formId() + "." + itemsAndValues[0]));
                values.put(new ItemKey(group.id(), 1, itemsAndValues[i]), parse(def, itemsAndValues[i],
                        itemsAndValues[i + 1]));
            }
            return new FormInstance(f.id(), f.visit(), f.formId(), f.repeatKey(), true, values);
        }

        private FormInstance rows(FormInstance f, String groupId, int repeat, String... itemsAndValues) {
            FormDef def = study.form(f.formId()).orElseThrow();
            Map<ItemKey, StoredValue> values = new LinkedHashMap<>(f.values());
            for (int i = 0; i < itemsAndValues.length; i += 2) {
                values.put(new ItemKey(groupId, repeat, itemsAndValues[i]), parse(def, itemsAndValues[i],
                        itemsAndValues[i + 1]));
            }
            return new FormInstance(f.id(), f.visit(), f.formId(), f.repeatKey(), true, values);
        }

        private StoredValue parse(FormDef def, String itemId, String raw) {
            ItemDef item = def.item(itemId).orElseThrow(() -> new IllegalArgumentException("no item " + def.id() + "."
                    + itemId));
            if (item.calculated()) {
                // a derived value as the casebook stores it
                return item.numeric() ? StoredValue.number(new java.math.BigDecimal(raw)) : StoredValue.text(raw);
            }
            ParsedValue parsed = PARSER.parse(item, study.codeListOf(item).orElse(null), raw, null);
            if (parsed.hasError()) {
                throw new IllegalArgumentException(def.id() + "." + itemId + " = " + raw + ": "
                        + parsed.firstError().orElseThrow().englishText());
            }
            return StoredValue.of(parsed);
        }

        private void replace(FormInstance old, FormInstance now) {
            forms.set(forms.indexOf(old), now);
        }

        SubjectRecord record() {
            SubjectData data = new SubjectData(id, visits, forms);
            return SubjectRecord.derive(study, new SubjectFacts(id, number, site, arm, "ON_STUDY", enrolled, locked),
                    data);
        }
    }
}
