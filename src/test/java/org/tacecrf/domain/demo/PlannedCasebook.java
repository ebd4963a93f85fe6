package org.tacecrf.domain.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tacecrf.domain.casebook.FormLogic;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.casebook.ParsedValue;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.derive.DerivationEngine;
import org.tacecrf.domain.casebook.derive.DerivedValue;
import org.tacecrf.domain.casebook.derive.SubjectSummary;
import org.tacecrf.domain.demo.CohortPlan.PlannedForm;
import org.tacecrf.domain.demo.CohortPlan.PlannedSubject;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.ItemType;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitType;
import org.tacecrf.domain.validation.CheckOutcome;
import org.tacecrf.domain.validation.CheckRunner;
import org.tacecrf.domain.validation.CheckSubject;

/**
 * A planned subject's casebook as the services would store it, without the container: each entry
 * through the {@link ItemValueParser}, hidden items dropped ({@link FormLogic}), required items
 * enforced, calculated items derived by the {@link DerivationEngine}, visit dates set from each
 * form's main date, then the {@link SubjectSummary} and the study's edit checks.
 */
final class PlannedCasebook {

    static final StudyCatalog CATALOG = StudyCatalog.load(Path.of(System.getProperty("basedir", ".")).resolve("config/studies"));
    private static final ItemValueParser PARSER = new ItemValueParser(LocalDate.of(2030, 1, 1));
    private static final Map<String, CheckRunner> RUNNERS = new HashMap<>();
    private static final Map<String, DerivationEngine> ENGINES = new HashMap<>();

    final StudyDefinition study;
    final PlannedSubject subject;
    final SubjectData data;

    private PlannedCasebook(StudyDefinition study, PlannedSubject subject, SubjectData data) {
        this.study = study;
        this.subject = subject;
        this.data = data;
    }

    static List<PlannedCasebook> of(StudyDefinition study, CohortPlan plan) {
        return plan.subjects().stream().map(s -> of(study, s)).toList();
    }

    static PlannedCasebook of(StudyDefinition study, PlannedSubject s) {
        Map<String, Long> visitIds = new LinkedHashMap<>();
        Map<String, LocalDate> visitDates = new HashMap<>();
        List<Object[]> forms = new ArrayList<>();
        long[] next = {1};
        VisitDef screening = study.schedule().stream().filter(v -> v.type() == VisitType.SCREENING).findFirst().orElseThrow();
        List<PlannedForm> all = new ArrayList<>();
        Map<ItemKey, String> enrolment = new LinkedHashMap<>();
        enrolment.put(new ItemKey("enrolment", 1, "consent_date"), s.consentDate().toString());
        enrolment.put(new ItemKey("enrolment", 1, "enrolment_date"), s.enrolmentDate().toString());
        enrolment.put(new ItemKey("enrolment", 1, "arm"), s.armId());
        all.add(new PlannedForm(screening.id(), 1, "enrolment", 1, enrolment, Map.of()));
        all.addAll(s.forms());
        for (PlannedForm f : all) {
            String visitKey = f.visitId() + "#" + f.visitRepeat();
            long visitId = visitIds.computeIfAbsent(visitKey, k -> next[0]++);
            FormDef def = study.form(f.formId()).orElseThrow(() -> new AssertionError("no form " + f.formId()));
            Map<ItemKey, StoredValue> values = new LinkedHashMap<>();
            f.entries().forEach((key, raw) -> {
                ItemDef item = def.item(key.itemId()).orElseThrow(() -> new AssertionError(f.formId() + " has no " + key));
                ParsedValue parsed = PARSER.parse(item, study.codeListOf(item).orElse(null), raw, null);
                if (parsed.hasError()) {
                    throw new AssertionError("subject " + s.index() + " " + f.formId() + " " + key + " = " + raw + ": "
                            + parsed.firstError().orElseThrow().englishText());
                }
                values.put(key, StoredValue.of(parsed));
            });
            Set<ItemKey> hidden = new FormLogic(study, def).hidden(values);
            hidden.forEach(values::remove);
            requireFilled(study, s, f, def, values);
            // as the form service: the visit's own form dates it, another only while it has no date
            VisitDef visitDef = study.visit(f.visitId()).orElseThrow();
            boolean main = visitDef.forms().stream().map(vf -> study.form(vf.formId()).orElseThrow())
                    .filter(fd -> fd.items().stream().anyMatch(i -> i.type() == ItemType.DATE && i.required()))
                    .findFirst().map(fd -> fd.id().equals(def.id())).orElse(true);
            if (main || !visitDates.containsKey(visitKey)) {
                def.items().stream().filter(i -> i.type() == ItemType.DATE && i.required()).findFirst()
                        .flatMap(i -> values.entrySet().stream().filter(e -> e.getKey().itemId().equals(i.id()))
                                .map(e -> e.getValue().date()).filter(Objects::nonNull).findFirst())
                        .ifPresent(d -> visitDates.put(visitKey, d));
            }
            forms.add(new Object[]{next[0]++, visitKey, f, values});
        }
        List<SubjectData.VisitInstance> visits = new ArrayList<>();
        Map<String, SubjectData.VisitInstance> byKey = new HashMap<>();
        visitIds.forEach((key, id) -> {
            String[] parts = key.split("#");
            SubjectData.VisitInstance v = new SubjectData.VisitInstance(id, parts[0], Integer.parseInt(parts[1]), visitDates.get(key));
            visits.add(v);
            byKey.put(key, v);
        });
        List<SubjectData.FormInstance> instances = new ArrayList<>();
        for (Object[] f : forms) {
            PlannedForm pf = (PlannedForm) f[2];
            @SuppressWarnings("unchecked")
            Map<ItemKey, StoredValue> values = (Map<ItemKey, StoredValue>) f[3];
            instances.add(new SubjectData.FormInstance((Long) f[0], byKey.get((String) f[1]), pf.formId(), pf.formRepeat(), true,
                    values));
        }
        SubjectData data = new SubjectData(s.index(), visits, instances);
        DerivationEngine engine = ENGINES.computeIfAbsent(study.id(), id -> new DerivationEngine(study));
        for (int round = 0; round < 4; round++) {
            Map<Long, Map<ItemKey, DerivedValue>> derived = engine.deriveAll(data);
            List<SubjectData.FormInstance> updated = new ArrayList<>();
            boolean changed = false;
            for (SubjectData.FormInstance form : data.forms()) {
                Map<ItemKey, StoredValue> values = new LinkedHashMap<>(form.values());
                for (Map.Entry<ItemKey, DerivedValue> d : derived.getOrDefault(form.id(), Map.of()).entrySet()) {
                    StoredValue before = values.get(d.getKey());
                    if (d.getValue().isEmpty()) {
                        changed |= values.remove(d.getKey()) != null;
                    } else if (before == null || !before.sameAs(d.getValue().value())) {
                        values.put(d.getKey(), d.getValue().value());
                        changed = true;
                    }
                }
                updated.add(new SubjectData.FormInstance(form.id(), form.visit(), form.formId(), form.repeatKey(), true, values));
            }
            data = new SubjectData(data.subjectId(), data.visits(), updated);
            if (!changed) {
                break;
            }
        }
        serviceConstraints(study, s, data);
        return new PlannedCasebook(study, s, data);
    }

    /** The rules the form service refuses a save for beyond items and checks (its FormConstraints). */
    private static void serviceConstraints(StudyDefinition study, PlannedSubject s, SubjectData data) {
        for (SubjectData.FormInstance f : data.forms("baseline_imaging")) {
            var blocking = org.tacecrf.domain.casebook.derive.TargetSelection.of(study, data, f).blocking();
            if (!blocking.isEmpty()) {
                throw new AssertionError("subject " + s.index() + ": target selection refused: " + blocking);
            }
        }
        if ("5.0".equals(study.parameters().ctcae().version())) {
            for (SubjectData.FormInstance f : data.forms("adverse_event")) {
                String term = f.first("ae_term").orElseThrow().text();
                int grade = Integer.parseInt(f.first("ae_grade").orElseThrow().text());
                if (!org.tacecrf.domain.ctcae.CtcaeCodeList.allows(term, grade)) {
                    throw new AssertionError("subject " + s.index() + ": CTCAE " + term + " has no grade " + grade);
                }
            }
        }
    }

    private static void requireFilled(StudyDefinition study, PlannedSubject s, PlannedForm f, FormDef def, Map<ItemKey, StoredValue> values) {
        for (ItemGroupDef group : def.groups()) {
            List<Integer> repeats = group.repeating()
                    ? values.keySet().stream().filter(k -> k.groupId().equals(group.id())).map(ItemKey::groupRepeat).distinct().sorted().toList()
                    : List.of(1);
            for (int repeat : repeats) {
                for (ItemDef item : group.items()) {
                    ItemKey key = new ItemKey(group.id(), repeat, item.id());
                    if (item.required() && item.type() != ItemType.CALCULATED && (values.get(key) == null || values.get(key).isEmpty())) {
                        FormLogic logic = new FormLogic(study, def);
                        if (logic.visible(key, values)) {
                            throw new AssertionError("subject " + s.index() + " " + f.visitId() + "[" + f.visitRepeat() + "]."
                                    + f.formId() + ": required item " + key + " is empty");
                        }
                    }
                }
            }
        }
    }

    SubjectSummary summary() {
        return SubjectSummary.derive(study, data);
    }

    /** The failed edit checks of the subject (queries and deviations a save would raise). */
    List<CheckOutcome> failedChecks() {
        CheckRunner runner = RUNNERS.computeIfAbsent(study.id(), id -> new CheckRunner(study));
        return runner.runSubject(new CheckSubject(data, subject.enrolmentDate(), false), LocalDate.of(2026, 11, 1)).stream()
                .filter(CheckOutcome::failed).toList();
    }

    /** The baseline value of an item, as displayed. */
    String baseline(String itemId) {
        return data.forms("baseline").stream().findFirst().flatMap(f -> f.first(itemId)).map(StoredValue::display).orElse(null);
    }
}
