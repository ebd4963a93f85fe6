package org.tacecrf.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.SubjectData.VisitInstance;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.ArmDef;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitType;
import org.tacecrf.domain.tables.ScreeningEntry;
import org.tacecrf.domain.tables.SubjectFacts;

/**
 * A generated cohort of any study: reproducible (seeded) casebooks with enrolment, baseline values,
 * baseline imaging with one target lesion, TACE sessions with microspheres (some with infusions and
 * supplementary embolics) and post-procedure laboratory values, tumour assessments whose size falls and
 * then rises past the progression threshold, markers, questionnaires, adverse events, other
 * treatments and a last survival contact. Only the forms and items the study collects are filled.
 * Values are stored as the casebook stores them (derived items included), without parsing, so
 * large cohorts build quickly.
 */
public final class SyntheticCohort {

    /** A generated subject: its facts and data, before the summary is derived. */
    public record Subject(SubjectFacts facts, SubjectData data) {
    }

    private static final LocalDate START = LocalDate.of(2019, 1, 1);

    private final StudyDefinition study;
    private final Random random;
    private final double meanSessions;
    private final double meanAssessments;
    private long nextId;
    private int assessments;
    private int sessions;

    /**
     * @param meanSessions    mean TACE sessions per patient (1 to 5, uniform around it)
     * @param meanAssessments mean tumour assessments per patient
     */
    public SyntheticCohort(StudyDefinition study, long seed, double meanSessions, double meanAssessments) {
        this.study = study;
        this.random = new Random(seed);
        this.meanSessions = meanSessions;
        this.meanAssessments = meanAssessments;
    }

    public int assessments() {
        return assessments;
    }

    public int sessions() {
        return sessions;
    }

    public List<Subject> subjects(int count) {
        List<Subject> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(subject(i));
        }
        return out;
    }

    /** A screening log: every enrolled patient, plus one in five screened and not enrolled. */
    public List<ScreeningEntry> screening(int enrolled) {
        List<ScreeningEntry> log = new ArrayList<>();
        List<String> criteria = study.eligibility().stream().map(c -> c.id()).toList();
        for (int i = 0; i < enrolled * 6 / 5; i++) {
            String site = study.sites().get(i % study.sites().size()).id();
            LocalDate day = START.plusDays(i % 1000);
            if (i < enrolled) {
                log.add(new ScreeningEntry(site, day, ScreeningEntry.Outcome.ENROLLED, null, List.of()));
            } else if (i % 2 == 0 && !criteria.isEmpty()) {
                log.add(new ScreeningEntry(site, day, ScreeningEntry.Outcome.NOT_ELIGIBLE, null,
                        List.of(criteria.get(i % criteria.size()))));
            } else {
                log.add(new ScreeningEntry(site, day, ScreeningEntry.Outcome.NOT_ENROLLED, "Declined", List.of()));
            }
        }
        return log;
    }

    private Subject subject(int index) {
        long id = index + 1L;
        List<VisitInstance> visits = new ArrayList<>();
        List<FormInstance> forms = new ArrayList<>();
        List<ArmDef> arms = study.arms();
        String arm = arms.get(index % arms.size()).id();
        boolean second = arms.size() > 1 && index % arms.size() == 1;
        String site = study.sites().get(index % study.sites().size()).id();
        LocalDate enrolled = START.plusDays(index % 1000);
        LocalDate firstTace = enrolled.plusDays(7);
        Casebook c = new Casebook(forms);

        c.form(visit(visits, VisitType.SCREENING, null, 1, enrolled), "enrolment", "consent_date", enrolled,
                "enrolment_date", enrolled, "arm", arm);
        VisitInstance baseline = visit(visits, VisitType.BASELINE, null, 1, enrolled.plusDays(2));
        int age = 35 + random.nextInt(45);
        c.form(baseline, "baseline", "assessment_date", enrolled.plusDays(2), "age", age,
                "sex", random.nextDouble() < 0.75 ? "M" : "F", "ecog", String.valueOf(random.nextInt(3)),
                "diagnosis", "HCC", "diagnosis_method", "CLINICAL_IMAGING", "child_pugh_class",
                random.nextDouble() < 0.85 ? "A" : "B", "lesion_count", 1 + random.nextInt(8),
                "largest_diameter_mm", 20 + random.nextInt(120), "liver_involvement",
                pick("UPTO25", "FROM25TO50", "OVER50"), "macrovascular_invasion", yesNo(0.3),
                "extrahepatic_spread", pick("NONE", "NONE", "NODAL", "DISTANT"), "distribution",
                pick("ONE_LOBE", "BOTH_LOBES"), "cholangiectasis", yesNo(0.3), "postop_recurrence", yesNo(0.3),
                "prior_treatment", yesNo(0.3), "cirrhosis", pick("Y", "N", "U"), "aetiology", pick("HBV", "HCV|ALCOHOL",
                        "NONE"), "bclc_stage", pick("B", "C"), "histology", pick("SQUAMOUS", "ADENOCARCINOMA"),
                "systemic_lines", 2 + random.nextInt(3), "afp", decimal(Math.exp(2 + 5 * random.nextDouble()), 1),
                "ca125", decimal(5 + 60 * random.nextDouble(), 1), "ca19_9", decimal(5 + 70 * random.nextDouble(), 1),
                "pivka_ii", decimal(20 + 5000 * random.nextDouble(), 1), "haemoglobin", 90 + random.nextInt(60),
                "platelets", 80 + random.nextInt(220), "lab_date", enrolled.plusDays(2));
        FormInstance baseImaging = c.form(baseline, "baseline_imaging", "imaging_date", enrolled.plusDays(1),
                "modality", "CT");
        c.row(baseImaging, "lesions", 1, "lesion_id", "T01", "lesion_role", "TARGET", "organ", "LIVER",
                "liver_segment", "S8", "longest_diameter_mm", decimal(60, 1), "viable_diameter_mm", decimal(50, 1),
                "arterial_enhancement", "Y");

        int sessionCount = Math.max(1, (int) Math.round(meanSessions - 2 + random.nextInt(5)));
        for (int s = 0; s < sessionCount; s++) {
            LocalDate day = firstTace.plusDays(70L * s);
            VisitInstance v = visit(visits, VisitType.TREATMENT, null, s + 1, day);
            FormInstance session = c.form(v, "tace_session", "procedure_date", day, "technique", "DEB_TACE",
                    "technical_success", random.nextDouble() < 0.97 ? "Y" : "N", "embolization_endpoint",
                    pick("COMPLETE_STASIS", "NEAR_STASIS", "STAINING_GONE"));
            c.row(session, "microspheres", 1, "product", "CALLISPHERES", "size_range", pick("S100_300", "S300_500"),
                    "drug", "EPIRUBICIN", "dose_loaded_mg", decimal(40 + 10 * random.nextInt(5), 1));
            if (random.nextDouble() < 0.2) {
                c.row(session, "embolics", 1, "embolic_type", pick("PVA", "GELATIN_SPONGE"));
            }
            if (random.nextDouble() < 0.3) {
                c.row(session, "infusions", 1, "infusion_drug", "OXALIPLATIN", "infusion_dose_mg", decimal(100, 1));
            }
            if (s == 0) {
                double wbc = 5 + 3 * random.nextDouble();
                double alt = 30 + 40 * random.nextDouble();
                c.form(v, "post_labs", "hours_after_procedure", 48, "lab_date", day.plusDays(2),
                        "wbc", decimal(wbc + 3, 2), "wbc_change", decimal(3 + random.nextGaussian(), 2),
                        "alt", decimal(alt + 50, 0), "alt_change", decimal(50 + 30 * random.nextGaussian(), 0),
                        "crp", decimal(30 + 10 * random.nextDouble(), 1), "crp_change",
                        decimal(25 + 10 * random.nextGaussian(), 1));
            }
        }
        sessions += sessionCount;

        // tumour course: shrinks by a patient-specific amount, progresses after a random time
        int progressionDay = 60 + (int) (-Math.log(1 - random.nextDouble()) * (second ? 150 : 220));
        double best = 0.2 + 0.9 * random.nextDouble();
        int assessmentCount = Math.max(1, (int) Math.round(meanAssessments - 2 + random.nextInt(5)));
        List<VisitDef> timed = study.schedule().stream().filter(v -> v.type() == VisitType.FOLLOW_UP
                && v.collects("imaging_assessment")).toList();
        int lastDay = 0;
        boolean progressed = false;
        for (int a = 0; a < assessmentCount && !timed.isEmpty(); a++) {
            VisitDef def = timed.get(Math.min(a, timed.size() - 1));
            int day = def.timing() != null && a < timed.size() && def.timing().anchor().needsTreatmentVisit()
                    ? def.timing().day() : 30 + 60 * a;
            day = Math.max(day, lastDay + 28);
            lastDay = day;
            LocalDate date = firstTace.plusDays(day);
            int repeat = a < timed.size() ? 1 : a - timed.size() + 2;
            VisitInstance v = visit(visits, def.type(), def.id(), repeat, date);
            progressed |= day >= progressionDay;
            double viable = progressed ? 50 * (best + 0.5) : Math.max(0, 50 * (best - 0.1 * a));
            FormInstance f = c.form(v, "imaging_assessment", "assessment_date", date, "modality", "CT",
                    "new_lesions_found", "N");
            c.row(f, "target_measurements", 1, "target_lesion_id", "T01", "target_status", "MEASURED",
                    "target_ld_mm", decimal(Math.max(viable, 10), 1), "target_viable_mm", decimal(viable, 1));
            if (def.collects("tumour_markers") && a == 0) {
                c.form(v, "tumour_markers", "marker_date", date, "afp", decimal(100 * random.nextDouble(), 1),
                        "afp_response", pick("RESPONSE", "STABLE", "PROGRESSION"), "pivka_ii_response",
                        pick("RESPONSE", "STABLE", "PROGRESSION"));
            }
            assessments++;
        }
        AnalysisConfig.Qol qol = study.analysis().qol();
        if (qol.before() != null && qol.after() != null) {
            for (String visitId : List.of(qol.before(), qol.after())) {
                VisitInstance v = visits.stream().filter(x -> x.visitId().equals(visitId)).findFirst()
                        .orElseGet(() -> visit(visits, null, visitId, 1, firstTace.plusDays(90)));
                List<Object> scores = new ArrayList<>(List.of("qlq_date", v.date()));
                for (String scale : qol.scales()) {
                    scores.add(scale);
                    scores.add(decimal(100 * random.nextDouble(), 1));
                }
                c.form(v, "qlq_c30", scores.toArray());
            }
        }
        VisitInstance logs = visit(visits, VisitType.LOG, null, 1, null);
        int events = random.nextInt(4);
        for (int e = 0; e < events; e++) {
            int session = 1 + random.nextInt(sessionCount);
            c.form(logs, "adverse_event", "ae_term", pick("FEVER", "ABDOMINAL_PAIN", "NAUSEA", "ALT_INCREASED",
                            "VOMITING"), "ae_grade", String.valueOf(1 + (int) Math.min(4, -Math.log(1 - random.nextDouble()))),
                    "ae_onset_date", firstTace.plusDays(70L * (session - 1) + 1), "ae_ongoing", "N",
                    "related_session", session, "relation_tace", "PROBABLE", "ae_serious", "N");
        }
        if (random.nextDouble() < 0.3) {
            c.form(logs, "other_treatment", "category", "SYSTEMIC_CHEMO", "agent", "chemotherapy", "start_date",
                    firstTace.plusDays(lastDay + 20), "ongoing", "Y", "protocol_therapy", "N");
        }
        int followUp = lastDay + 30 + (int) (-Math.log(1 - random.nextDouble()) * (second ? 250 : 350));
        boolean died = random.nextDouble() < 0.7;
        LocalDate contact = firstTace.plusDays(followUp);
        VisitInstance survival = visit(visits, VisitType.SURVIVAL_CONTACT, null, 1, contact);
        if (died) {
            c.form(survival, "survival_contact", "contact_date", contact, "vital_status", "DEAD", "death_date", contact);
        } else {
            c.form(survival, "survival_contact", "contact_date", contact, "vital_status", "ALIVE");
        }
        String number = site + "-" + String.format("%05d", id);
        return new Subject(new SubjectFacts(id, number, site, arm, "ON_STUDY", enrolled, index % 3 == 0),
                new SubjectData(id, visits, forms));
    }

    /** A visit occurrence of the first visit of the type (or the named visit). */
    private VisitInstance visit(List<VisitInstance> visits, VisitType type, String visitId, int repeat, LocalDate date) {
        String id = visitId != null ? visitId : study.schedule().stream().filter(v -> v.type() == type)
                .map(VisitDef::id).findFirst().orElse(type.name().toLowerCase());
        VisitInstance v = new VisitInstance(++nextId, id, repeat, date);
        visits.add(v);
        return v;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String yesNo(double yes) {
        return random.nextDouble() < yes ? "Y" : "N";
    }

    private static BigDecimal decimal(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }

    /** Fills forms the study collects, leaving out items it does not have. */
    private final class Casebook {
        private final List<FormInstance> forms;

        Casebook(List<FormInstance> forms) {
            this.forms = forms;
        }

        FormInstance form(VisitInstance visit, String formId, Object... itemsAndValues) {
            Optional<FormDef> def = study.form(formId);
            if (def.isEmpty() || visit == null) {
                return null;
            }
            Map<ItemKey, StoredValue> values = new LinkedHashMap<>();
            put(def.get(), values, null, 1, itemsAndValues);
            int repeat = (int) forms.stream().filter(f -> f.visit().id() == visit.id() && f.formId().equals(formId))
                    .count() + 1;
            FormInstance f = new FormInstance(++nextId, visit, formId, repeat, true, values);
            forms.add(f);
            return f;
        }

        void row(FormInstance form, String groupId, int repeat, Object... itemsAndValues) {
            if (form == null) {
                return;
            }
            FormDef def = study.form(form.formId()).orElseThrow();
            if (def.group(groupId).isEmpty()) {
                return;
            }
            for (int i = 0; i < forms.size(); i++) {
                FormInstance current = forms.get(i);
                if (current.id() == form.id()) {
                    Map<ItemKey, StoredValue> values = new LinkedHashMap<>(current.values());
                    put(def, values, groupId, repeat, itemsAndValues);
                    forms.set(i, new FormInstance(current.id(), current.visit(), current.formId(), current.repeatKey(),
                            true, values));
                    return;
                }
            }
        }

        private void put(FormDef def, Map<ItemKey, StoredValue> values, String groupId, int repeat, Object[] pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                String itemId = (String) pairs[i];
                Optional<ItemDef> item = def.item(itemId);
                if (item.isEmpty()) {
                    continue;
                }
                Object v = pairs[i + 1];
                if (v instanceof String code && item.get().codeList().isPresent()) {
                    Optional<CodeList> list = study.codeListOf(item.get());
                    if (list.isPresent() && code.split("\\|").length == 1 && !list.get().contains(code)) {
                        continue;
                    }
                }
                String group = groupId != null ? groupId : def.groupOf(itemId).orElseThrow().id();
                values.put(new ItemKey(group, repeat, itemId), stored(v));
            }
        }
    }

    private static StoredValue stored(Object v) {
        if (v instanceof LocalDate d) {
            return StoredValue.date(d);
        }
        if (v instanceof BigDecimal n) {
            return StoredValue.number(n);
        }
        if (v instanceof Integer n) {
            return StoredValue.number(BigDecimal.valueOf(n));
        }
        return StoredValue.text(String.valueOf(v));
    }
}
