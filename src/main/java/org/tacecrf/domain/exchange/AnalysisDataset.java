package org.tacecrf.domain.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.derive.SubjectSummary;
import org.tacecrf.domain.casebook.derive.SubjectSummary.CriterionSummary;
import org.tacecrf.domain.casebook.derive.SubjectSummary.EndpointResult;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitType;

/**
 * The wide analysis data set: one row per subject with
 * <ol>
 *   <li>the subject: number, site, arm, consent and enrolment dates, status;</li>
 *   <li>baseline covariates: every item outside repeating groups of the forms collected at the
 *       screening and baseline visits (calculated ones included: BMI, Child-Pugh, ALBI, BCLC),
 *       named by item id ({@code <form>__<item>} when two forms share an id);</li>
 *   <li>treatment: first TACE date, number of sessions, cumulative dose loaded per drug;</li>
 *   <li>response under RECIST 1.1 and mRECIST: best overall response and its date, ORR and DCR
 *       flags, first progression date, PFS and TTP;</li>
 *   <li>the endpoints under the study's primary criteria: PFS, TTP and OS in days and months
 *       (days / 30.4375) with status 1 = event, 0 = censored, their date and the rule that decided,
 *       and the death, last contact and new-therapy dates.</li>
 * </ol>
 * Everything derived comes from {@link SubjectSummary}, the same derivation the casebook shows.
 */
public final class AnalysisDataset {

    private static final List<String> STATUSES = List.of("ON_STUDY", "COMPLETED", "WITHDRAWN", "LOST_TO_FOLLOW_UP", "DIED");
    private static final List<String> STATUS_LABELS = List.of("On study", "Completed", "Withdrawn", "Lost to follow-up", "Died");
    private static final String DRUG_LIST = "loaded_drug";

    private final StudyDefinition study;
    private final List<Variable> variables = new ArrayList<>();
    private final List<Function<Inputs, String>> values = new ArrayList<>();

    /** What one row is computed from. */
    private record Inputs(ExportSubject subject, SubjectSummary summary) {
    }

    /** @param include which items may be exported (identifying items are left out unless allowed) */
    public AnalysisDataset(StudyDefinition study, Predicate<ItemDef> include) {
        this.study = study;
        subjectColumns();
        baselineColumns(include);
        treatmentColumns();
        for (Criteria criteria : Criteria.values()) {
            responseColumns(criteria);
        }
        endpointColumns();
    }

    public List<Variable> variables() {
        return List.copyOf(variables);
    }

    /** The subject's row, in the order of {@link #variables()}. */
    public List<String> row(ExportSubject subject) {
        Inputs inputs = new Inputs(subject, SubjectSummary.derive(study, subject.data()));
        List<String> row = new ArrayList<>(values.size());
        for (Function<Inputs, String> value : values) {
            String text = value.apply(inputs);
            row.add(text == null ? "" : text);
        }
        return row;
    }

    /** Notes for the dictionary. */
    public List<String> notes() {
        return List.of("One row per subject. Baseline covariates are the values of the screening and baseline visits.",
                "Endpoints: days from the origin the study defines; months = days / 30.4375; status 1 = event, 0 = censored; the rule column says why.",
                "pfs_*, ttp_* use the study's primary response criteria (" + study.parameters().response().primaryCriteria().label() + ").");
    }

    private void add(Variable variable, Function<Inputs, String> value) {
        variables.add(variable);
        values.add(value);
    }

    private void subjectColumns() {
        add(Variable.text("subject_number", "Subject number", 64), i -> i.subject().subjectNumber());
        add(Variable.code("site", "Site", study.sites().stream().map(s -> new Variable.ValueLabel(s.id(), s.name().en())).toList()),
                i -> i.subject().siteId());
        add(Variable.code("arm", "Treatment arm", study.arms().stream().map(a -> new Variable.ValueLabel(a.id(), a.label().en())).toList()),
                i -> i.subject().armId());
        add(Variable.date("consent_date", "Date of informed consent"), i -> date(i.subject().consentDate()));
        add(Variable.date("enrolment_date", "Date of enrolment"), i -> date(i.subject().enrolmentDate()));
        List<Variable.ValueLabel> statuses = new ArrayList<>();
        for (int s = 0; s < STATUSES.size(); s++) {
            statuses.add(new Variable.ValueLabel(STATUSES.get(s), STATUS_LABELS.get(s)));
        }
        add(Variable.code("status", "Status in the study", statuses), i -> i.subject().status());
    }

    private void baselineColumns(Predicate<ItemDef> include) {
        Set<String> names = new LinkedHashSet<>(variables.stream().map(Variable::name).toList());
        Map<String, String> formVisit = new LinkedHashMap<>();
        for (VisitDef visit : study.schedule()) {
            if (visit.type() == VisitType.SCREENING || visit.type() == VisitType.BASELINE) {
                visit.forms().forEach(f -> formVisit.putIfAbsent(f.formId(), visit.id()));
            }
        }
        for (Map.Entry<String, String> entry : formVisit.entrySet()) {
            FormDef form = study.form(entry.getKey()).orElseThrow();
            String visitId = entry.getValue();
            for (ItemGroupDef group : form.groups()) {
                if (group.repeating()) {
                    continue;
                }
                for (ItemDef item : group.items()) {
                    if (!include.test(item) || form.id().equals(FormLayout.ENROLMENT_FORM) && names.contains(item.id())) {
                        continue;
                    }
                    String name = names.contains(item.id()) ? form.id() + "__" + item.id() : item.id();
                    names.add(name);
                    ItemKey key = new ItemKey(group.id(), 1, item.id());
                    String label = item.label().en() + (item.unit() == null ? "" : " (" + item.unit() + ")") + ", " + form.label().en();
                    add(FormDataset.itemVariable(study, name, label, item),
                            i -> i.subject().data().form(visitId, form.id()).map(f -> f.values().get(key)).filter(v -> !v.isEmpty())
                                    .map(StoredValue::display).orElse(null));
                }
            }
        }
    }

    private void treatmentColumns() {
        add(Variable.date("first_tace_date", "Date of the first TACE session"), i -> date(i.summary().firstTaceDate()));
        add(Variable.integer("tace_sessions", "Number of TACE sessions"), i -> String.valueOf(i.summary().sessionCount()));
        Optional<CodeList> drugs = study.codeList(DRUG_LIST);
        for (String code : drugs.map(CodeList::codes).orElse(List.of())) {
            if (code.equals("OTHER")) {
                continue;
            }
            String label = drugs.get().item(code).map(c -> c.label().en()).orElse(code);
            add(Variable.decimal("dose_" + code.toLowerCase(Locale.ROOT) + "_mg", "Cumulative dose of " + label + " loaded (mg)", null),
                    i -> dose(i.summary(), d -> d.equals(code)));
        }
        if (drugs.isPresent()) {
            add(Variable.decimal("dose_other_mg", "Cumulative dose of other drugs loaded (mg)", null),
                    i -> dose(i.summary(), d -> d.startsWith("OTHER")));
        }
    }

    private static String dose(SubjectSummary summary, Predicate<String> drug) {
        BigDecimal total = null;
        for (SubjectSummary.DrugDose dose : summary.cumulativeDose()) {
            if (drug.test(dose.drug()) && dose.loadedMg() != null) {
                total = total == null ? dose.loadedMg() : total.add(dose.loadedMg());
            }
        }
        return total == null ? null : total.stripTrailingZeros().toPlainString();
    }

    private void responseColumns(Criteria criteria) {
        String p = criteria == Criteria.RECIST_1_1 ? "recist" : "mrecist";
        String c = criteria.displayName();
        List<Variable.ValueLabel> responses = java.util.Arrays.stream(Response.values())
                .map(r -> new Variable.ValueLabel(r.code(), r.label())).toList();
        Function<Inputs, CriterionSummary> of = i -> i.summary().response(criteria);
        add(Variable.code(p + "_bor", "Best overall response, " + c, responses),
                i -> of.apply(i) == null ? null : of.apply(i).bor().map(b -> b.response().code()).orElse(null));
        add(Variable.date(p + "_bor_date", "Date the best response was first documented, " + c),
                i -> of.apply(i) == null ? null : of.apply(i).bor().map(b -> date(b.responseDate())).orElse(null));
        add(Variable.flag(p + "_orr", "Objective response (CR or PR), " + c, "No", "Yes"),
                i -> of.apply(i) == null || of.apply(i).bor().isEmpty() ? null : flag(of.apply(i).objectiveResponse()));
        add(Variable.flag(p + "_dcr", "Disease control, " + c, "No", "Yes"),
                i -> of.apply(i) == null || of.apply(i).bor().isEmpty() ? null : flag(of.apply(i).diseaseControl()));
        add(Variable.date(p + "_progression_date", "First progression, " + c),
                i -> of.apply(i) == null ? null : date(of.apply(i).firstProgressionDate()));
        endpoint(p + "_pfs", "Progression-free survival, " + c, i -> of.apply(i) == null ? null : of.apply(i).pfs(), false);
        endpoint(p + "_ttp", "Time to progression, " + c, i -> of.apply(i) == null ? null : of.apply(i).ttp(), false);
    }

    private void endpointColumns() {
        endpoint("pfs", "Progression-free survival (primary criteria)", i -> i.summary().pfs(), true);
        endpoint("ttp", "Time to progression (primary criteria)", i -> i.summary().ttp(), true);
        endpoint("os", "Overall survival", i -> i.summary().os(), true);
        add(Variable.date("death_date", "Date of death"), i -> date(i.summary().deathDate()));
        add(Variable.date("last_contact_date", "Last date known alive"), i -> date(i.summary().lastContactDate()));
        add(Variable.date("new_therapy_date", "Start of the first new anticancer therapy"), i -> date(i.summary().newAnticancerTherapyDate()));
        add(Variable.flag("lost_to_follow_up", "Lost to follow-up", "No", "Yes"), i -> flag(i.summary().lostToFollowUp()));
    }

    /** Days, status and (when full) months, date and rule of an endpoint. */
    private void endpoint(String name, String label, Function<Inputs, EndpointResult> of, boolean full) {
        Function<Inputs, Optional<org.tacecrf.domain.endpoint.TimeToEvent>> result = i -> Optional.ofNullable(of.apply(i))
                .map(EndpointResult::result);
        add(Variable.integer(name + "_days", label + ", days"), i -> result.apply(i).map(r -> String.valueOf(r.days())).orElse(null));
        if (full) {
            add(Variable.decimal(name + "_months", label + ", months", 2),
                    i -> result.apply(i).map(r -> BigDecimal.valueOf(r.months()).setScale(2, RoundingMode.HALF_UP).toPlainString()).orElse(null));
        }
        add(Variable.flag(name + "_status", label + ", status", "Censored", "Event"),
                i -> result.apply(i).map(r -> String.valueOf(r.status())).orElse(null));
        if (full) {
            add(Variable.date(name + "_date", label + ", event or censoring date"), i -> result.apply(i).map(r -> date(r.date())).orElse(null));
            add(Variable.text(name + "_rule", label + ", rule applied", 200), i -> Optional.ofNullable(of.apply(i)).map(EndpointResult::rule)
                    .filter(s -> !s.isBlank()).orElse(null));
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

}
