package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.SubjectData.VisitInstance;
import org.tacecrf.domain.casebook.derive.SubjectSummary.CriterionSummary;
import org.tacecrf.domain.casebook.derive.SubjectSummary.DrugDose;
import org.tacecrf.domain.casebook.derive.SubjectSummary.EndpointResult;
import org.tacecrf.domain.casebook.derive.SubjectSummary.OtherTreatment;
import org.tacecrf.domain.casebook.derive.SubjectSummary.ProtocolResponse;
import org.tacecrf.domain.casebook.derive.SubjectSummary.Reading;
import org.tacecrf.domain.casebook.derive.SubjectSummary.TimePoint;
import org.tacecrf.domain.endpoint.Endpoint;
import org.tacecrf.domain.endpoint.EndpointDerivation;
import org.tacecrf.domain.endpoint.EndpointInputs;
import org.tacecrf.domain.endpoint.EndpointParameters;
import org.tacecrf.domain.endpoint.Endpoints;
import org.tacecrf.domain.response.BestOverallResponse;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.DatedResponse;
import org.tacecrf.domain.response.DoubleReading;
import org.tacecrf.domain.response.ProtocolTimePoint;
import org.tacecrf.domain.response.RecordedResponse;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.response.ResponseHistory;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyParameters;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitTiming;
import org.tacecrf.domain.study.VisitType;

/** Builds a {@link SubjectSummary}; see there for what each part means. */
final class SummaryDerivation {

    private static final String SURVIVAL_FORM = "survival_contact";
    private static final String END_FORM = "end_of_study";
    private static final String OTHER_TREATMENT_FORM = "other_treatment";
    private static final String ENROLMENT_FORM = "enrolment";

    private final StudyDefinition study;
    private final SubjectData data;
    private final Casebook casebook;
    private final List<String> problems = new ArrayList<>();

    SummaryDerivation(StudyDefinition study, SubjectData data) {
        this.study = study;
        this.data = data;
        this.casebook = new Casebook(study, data);
    }

    SubjectSummary derive() {
        TaceSessions sessions = casebook.sessions();
        sessions.undated().forEach(f -> problems.add("The TACE session at " + f.key() + " has no procedure date."));
        LocalDate firstTace = sessions.first().orElse(null);
        List<OtherTreatment> treatments = casebook.filled(OTHER_TREATMENT_FORM).stream()
                .map(f -> classify(f, firstTace)).toList();
        Death death = death();
        NewTherapy therapy = newTherapy(treatments);
        LocalDate lastContact = lastContact();
        boolean lost = lostToFollowUp();

        ResponseCourse course = new ResponseCourse(casebook);
        EndpointParameters endpointParameters = StudyParameterMapping.endpoints(study);
        Criteria primary = StudyParameterMapping.criteria(study.parameters().response().primaryCriteria());
        Map<Criteria, CriterionSummary> responses = new EnumMap<>(Criteria.class);
        Map<Criteria, EndpointResult> os = new EnumMap<>(Criteria.class);
        for (Criteria criteria : Criteria.values()) {
            List<TimePoint> timePoints = timePoints(course, criteria);
            boolean targetDisease = course.baseline().usable() && !course.baseline().baseline().targets().isEmpty();
            List<DatedResponse> available = timePoints.stream().filter(TimePoint::available)
                    .<DatedResponse>map(t -> new RecordedResponse(t.date(), t.response(), t.progressionDate(),
                            targetDisease))
                    .toList();
            List<String> criteriaProblems = new ArrayList<>();
            List<TimePoint> pending = timePoints.stream().filter(t -> !t.available()).toList();
            if (!pending.isEmpty()) {
                criteriaProblems.add(pending.size() + " assessment(s) have no " + criteria.displayName()
                        + " response yet; the best response and endpoints cover the others only where that is safe.");
            }
            BestOverallResponse bor = null;
            if (firstTace == null) {
                criteriaProblems.add("The best overall response is counted from the first TACE, which has no date yet.");
            } else if (!available.isEmpty()) {
                bor = BestOverallResponse.derive(available, firstTace, therapy.date(),
                        StudyParameterMapping.response(study.parameters()));
            }
            LocalDate firstProgression = ResponseHistory.firstProgressionDate(available).orElse(null);
            List<LocalDate> adequate = ResponseHistory.adequateAssessmentDates(available);
            LocalDate lastAdequate = adequate.isEmpty() ? null : adequate.get(adequate.size() - 1);

            Map<Endpoint, EndpointResult> endpoints = endpoints(criteria, available, pending, course, firstTace, death,
                    therapy, lastContact, lost, endpointParameters);
            os.put(criteria, endpoints.get(Endpoint.OS));
            responses.put(criteria, new CriterionSummary(criteria, timePoints, bor, firstProgression, lastAdequate,
                    protocolTimePoints(timePoints, sessions), endpoints.get(Endpoint.PFS), endpoints.get(Endpoint.TTP),
                    criteriaProblems));
        }
        return new SubjectSummary(data.subjectId(), firstTace, sessions.dated().stream().map(TaceSessions.Session::date)
                .toList(), doses(sessions), primary, responses, death.date(), lastContact, therapy.date(), lost,
                os.get(primary), treatments, problems);
    }

    // ---- treatment ----------------------------------------------------------------------------

    private List<DrugDose> doses(TaceSessions sessions) {
        record Total(BigDecimal mg, Set<Long> sessions, boolean complete) {
        }
        Map<String, Total> totals = new LinkedHashMap<>();
        List<FormInstance> forms = Stream.concat(sessions.dated().stream().map(TaceSessions.Session::form),
                sessions.undated().stream()).toList();
        for (FormInstance f : forms) {
            Row row = casebook.row(f);
            for (int repeat : row.repeats("microspheres")) {
                Row r = row.at("microspheres", repeat);
                Optional<String> drug = r.text("drug").map(d -> d.equals("OTHER")
                        ? "OTHER: " + r.text("drug_other").orElse("unnamed") : d);
                Optional<BigDecimal> dose = r.number("dose_loaded_mg");
                if (drug.isEmpty()) {
                    if (dose.isPresent()) {
                        problems.add("A dose is loaded without a drug at " + f.key() + " (row " + repeat + ").");
                    }
                    continue;
                }
                Total t = totals.getOrDefault(drug.get(), new Total(BigDecimal.ZERO, new TreeSet<>(), true));
                Set<Long> ids = new TreeSet<>(t.sessions());
                ids.add(f.id());
                totals.put(drug.get(), new Total(t.mg().add(dose.orElse(BigDecimal.ZERO)), ids,
                        t.complete() && dose.isPresent()));
            }
        }
        return totals.entrySet().stream().map(e -> new DrugDose(e.getKey(), e.getValue().mg(),
                e.getValue().sessions().size(), e.getValue().complete())).toList();
    }

    /** Previous / concomitant / subsequent relative to the day of the first TACE ({@link TreatmentTiming}). */
    OtherTreatment classify(FormInstance f, LocalDate firstTace) {
        Row r = casebook.row(f);
        LocalDate start = r.date("start_date").orElse(null);
        LocalDate stop = r.date("stop_date").orElse(null);
        boolean ongoing = r.yes("ongoing").orElse(false);
        boolean protocol = r.yes("protocol_therapy").orElse(false) || casebook.visitType(f)
                .map(t -> t == VisitType.TREATMENT || t == VisitType.PROCEDURE).orElse(false);
        TreatmentTiming.Decision d = TreatmentTiming.classify(start, stop, ongoing, firstTace);
        return new OtherTreatment(f.id(), r.text("category").orElse(null), r.text("agent").orElse(null), start, stop,
                d.timing(), protocol, d.reason());
    }

    // ---- survival facts -----------------------------------------------------------------------

    private record Death(LocalDate date, boolean undated) {
    }

    private Death death() {
        List<LocalDate> dates = new ArrayList<>();
        boolean undated = false;
        for (FormInstance f : casebook.filled(SURVIVAL_FORM)) {
            Row r = casebook.row(f);
            if (r.text("vital_status").map("DEAD"::equals).orElse(false)) {
                Optional<LocalDate> d = r.date("death_date");
                d.ifPresent(dates::add);
                undated |= d.isEmpty();
            }
        }
        for (FormInstance f : casebook.filled(END_FORM)) {
            Row r = casebook.row(f);
            if (r.text("eos_status").map("DIED"::equals).orElse(false)) {
                Optional<LocalDate> d = r.date("eos_death_date");
                d.ifPresent(dates::add);
                undated |= d.isEmpty();
            }
        }
        List<LocalDate> distinct = dates.stream().distinct().sorted().toList();
        if (distinct.size() > 1) {
            problems.add("The recorded dates of death differ: " + distinct + "; the earliest is used.");
        }
        if (distinct.isEmpty() && undated) {
            problems.add("A death is recorded without its date.");
        }
        return new Death(distinct.isEmpty() ? null : distinct.get(0), distinct.isEmpty() && undated);
    }

    /**
     * Last date known alive: survival contacts finding the subject alive, an end of study that
     * completed or withdrew, and the dates of visits the subject attended (not logs, survival
     * contacts or the end-of-study visit, whose dates need not be attended, nor screening: in a
     * retrospective study consent and enrolment follow the review of the records, possibly after
     * the patient's death).
     */
    private LocalDate lastContact() {
        List<LocalDate> dates = new ArrayList<>();
        for (FormInstance f : casebook.filled(SURVIVAL_FORM)) {
            Row r = casebook.row(f);
            if (r.text("vital_status").map("ALIVE"::equals).orElse(false)) {
                r.date("contact_date").ifPresent(dates::add);
            }
        }
        for (FormInstance f : casebook.filled(END_FORM)) {
            Row r = casebook.row(f);
            if (r.text("eos_status").map(s -> s.equals("COMPLETED") || s.equals("WITHDRAWN")).orElse(false)) {
                r.date("eos_date").ifPresent(dates::add);
            }
        }
        Set<VisitType> notAttended = Set.of(VisitType.SCREENING, VisitType.LOG, VisitType.SURVIVAL_CONTACT, VisitType.END_OF_STUDY);
        for (VisitInstance v : data.visits()) {
            boolean attended = study.visit(v.visitId()).map(d -> !notAttended.contains(d.type())).orElse(false);
            boolean filled = data.forms().stream().anyMatch(f -> f.visit().id() == v.id() && Row.hasValues(f));
            if (attended && filled && v.date() != null) {
                dates.add(v.date());
            }
        }
        casebook.sessions().dated().forEach(s -> dates.add(s.date()));
        return dates.stream().max(Comparator.naturalOrder()).orElse(null);
    }

    private boolean lostToFollowUp() {
        Optional<String> lastStatus = casebook.filled(SURVIVAL_FORM).stream()
                .filter(f -> f.date("contact_date").isPresent())
                .max(Comparator.comparing(f -> f.date("contact_date").orElseThrow()))
                .flatMap(f -> f.first("vital_status").map(v -> v.text()));
        boolean endLost = casebook.filled(END_FORM).stream()
                .anyMatch(f -> f.first("eos_status").map(v -> "LOST".equals(v.text())).orElse(false));
        return lastStatus.map("LOST"::equals).orElse(false) || endLost;
    }

    private record NewTherapy(LocalDate date, boolean undated) {
    }

    private NewTherapy newTherapy(List<OtherTreatment> treatments) {
        List<LocalDate> dates = new ArrayList<>();
        treatments.stream().filter(t -> t.timing() == TreatmentTiming.SUBSEQUENT && !t.protocolTherapy())
                .forEach(t -> dates.add(t.startDate()));
        boolean undated = false;
        for (FormInstance f : casebook.filled(SURVIVAL_FORM)) {
            Row r = casebook.row(f);
            if (r.text("new_anticancer_therapy").map("Y"::equals).orElse(false)) {
                Optional<LocalDate> start = r.date("new_therapy_start_date");
                start.ifPresent(dates::add);
                if (start.isEmpty()) {
                    undated = true;
                    problems.add("The survival contact " + f.key() + " reports a new anticancer therapy without its"
                            + " start date.");
                }
            }
        }
        return new NewTherapy(dates.stream().min(Comparator.naturalOrder()).orElse(null), undated);
    }

    // ---- response -----------------------------------------------------------------------------

    private List<TimePoint> timePoints(ResponseCourse course, Criteria criteria) {
        List<FormInstance> forms = casebook.filled(ImagingData.ASSESSMENT_FORM);
        List<TimePoint> out = new ArrayList<>();
        if (!course.doubleReading()) {
            for (FormInstance f : forms) {
                Reading r = reading(course, f, criteria, null);
                out.add(new TimePoint(f.visit().visitId(), f.visit().repeatKey(), r.date(), r.response(),
                        r.progressionDate(), null, List.of(r), r.problems()));
            }
        } else {
            Map<Long, List<FormInstance>> byScan = new LinkedHashMap<>();
            forms.forEach(f -> byScan.computeIfAbsent(f.visit().id(), k -> new ArrayList<>()).add(f));
            for (List<FormInstance> scan : byScan.values()) {
                out.add(doubleRead(course, scan, criteria));
            }
        }
        out.sort(Comparator.comparing(TimePoint::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private Reading reading(ResponseCourse course, FormInstance f, Criteria criteria, String reader) {
        ResponseCourse.Outcome o = course.evaluate(f, criteria);
        LocalDate date = o.computed() ? o.response().date() : f.date(ImagingData.ASSESSMENT_DATE).orElse(null);
        return new Reading(f.id(), reader, date, o.computed() ? o.response().overall() : null,
                o.computed() ? o.response().progressionDate() : null, o.problems());
    }

    /** Readers R1 and R2 of one scan, resolved by {@link DoubleReading}, the adjudicator deciding a conflict. */
    private TimePoint doubleRead(ResponseCourse course, List<FormInstance> scan, Criteria criteria) {
        Map<String, Reading> byReader = new LinkedHashMap<>();
        List<String> scanProblems = new ArrayList<>();
        for (FormInstance f : scan) {
            String reader = course.reader(f).orElse(null);
            Reading r = reading(course, f, criteria, reader);
            if (reader == null) {
                scanProblems.add("The assessment " + f.key() + " names no reader.");
            } else if (byReader.putIfAbsent(reader, r) != null) {
                scanProblems.add("Reader " + reader + " has two assessments of the scan at " + f.key() + ".");
            }
        }
        Reading r1 = byReader.get(ResponseCourse.READER_1);
        Reading r2 = byReader.get(ResponseCourse.READER_2);
        Reading adj = byReader.get(ResponseCourse.ADJUDICATOR);
        DoubleReading.Outcome outcome = DoubleReading.resolve(response(r1), response(r2), response(adj));
        List<Reading> deciding = switch (outcome.status()) {
            case AGREED -> List.of(r1, r2);
            case ADJUDICATED -> List.of(adj);
            default -> List.of();
        };
        StudyParameters.ProgressionDateRule rule = study.parameters().endpoints().progressionDate();
        LocalDate date = combine(deciding.stream().map(Reading::date).toList(), rule);
        if (date == null) {
            date = combine(byReader.values().stream().map(Reading::date).toList(), rule);
        }
        LocalDate progression = outcome.analysed() == Response.PD
                ? combine(deciding.stream().map(Reading::progressionDate).toList(), rule) : null;
        switch (outcome.status()) {
            case AWAITING_READERS -> scanProblems.add("Both readers' responses are needed.");
            case ADJUDICATION_NEEDED -> scanProblems.add("The readers disagree (" + r1.response() + " and "
                    + r2.response() + "); the adjudicator's reading is needed.");
            default -> {
            }
        }
        byReader.values().forEach(r -> r.problems().forEach(p -> scanProblems.add(r.reader() + ": " + p)));
        FormInstance first = scan.get(0);
        return new TimePoint(first.visit().visitId(), first.visit().repeatKey(), date,
                outcome.analysed(), progression, outcome.status(), List.copyOf(byReader.values()),
                outcome.analysed() != null ? List.of() : scanProblems);
    }

    private static Response response(Reading r) {
        return r == null ? null : r.response();
    }

    private static LocalDate combine(List<LocalDate> dates, StudyParameters.ProgressionDateRule rule) {
        Stream<LocalDate> s = dates.stream().filter(Objects::nonNull);
        return rule == StudyParameters.ProgressionDateRule.LATEST_SCAN
                ? s.max(Comparator.naturalOrder()).orElse(null) : s.min(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * One protocol time point per follow-up visit with timing; a visit timed after each TACE gives
     * one per session. Anchors: first, each or last TACE, enrolment, a named visit or the previous
     * visit of the schedule (first occurrence).
     */
    private List<ProtocolResponse> protocolTimePoints(List<TimePoint> timePoints, TaceSessions sessions) {
        List<TimePoint> dated = timePoints.stream().filter(t -> t.date() != null).toList();
        List<ProtocolResponse> out = new ArrayList<>();
        List<VisitDef> schedule = study.schedule();
        for (int i = 0; i < schedule.size(); i++) {
            VisitDef v = schedule.get(i);
            if (v.type() != VisitType.FOLLOW_UP || v.timing() == null) {
                continue;
            }
            VisitTiming t = v.timing();
            String label = v.label().en();
            Map<String, Optional<LocalDate>> anchors = new LinkedHashMap<>();
            switch (t.anchor()) {
                case FIRST_TACE -> anchors.put(label, sessions.first());
                case LAST_TACE -> anchors.put(label, sessions.last());
                case EACH_TACE -> sessions.dated().forEach(s -> anchors.put(label + " (after TACE " + s.number() + ")",
                        Optional.of(s.date())));
                case ENROLMENT -> anchors.put(label, casebook.firstFilled(ENROLMENT_FORM)
                        .flatMap(f -> f.date("enrolment_date")));
                case VISIT -> anchors.put(label, firstOccurrence(t.anchorVisitId()));
                case PREVIOUS_VISIT -> anchors.put(label, i == 0 ? Optional.empty()
                        : firstOccurrence(schedule.get(i - 1).id()));
            }
            anchors.forEach((name, anchor) -> {
                if (anchor.isEmpty()) {
                    out.add(new ProtocolResponse(v.id(), name, null, null, null, null, null, null,
                            "The date the visit is timed from is not known yet."));
                    return;
                }
                ProtocolTimePoint tp = new ProtocolTimePoint(name, t.day(), t.windowBefore(), t.windowAfter());
                LocalDate target = tp.targetDate(anchor.get());
                Optional<TimePoint> chosen = tp.select(anchor.get(), dated, TimePoint::date);
                String problem = chosen.isEmpty() ? "No assessment lies in the window."
                        : chosen.get().available() ? null : "The assessment in the window has no response yet.";
                out.add(new ProtocolResponse(v.id(), name, anchor.get(), target, target.minusDays(t.windowBefore()),
                        target.plusDays(t.windowAfter()), chosen.map(TimePoint::date).orElse(null),
                        chosen.map(TimePoint::response).orElse(null), problem));
            });
        }
        return out;
    }

    private Optional<LocalDate> firstOccurrence(String visitId) {
        return data.visits().stream().filter(v -> v.visitId().equals(visitId) && v.date() != null)
                .min(Comparator.comparingInt(VisitInstance::repeatKey)).map(VisitInstance::date);
    }

    // ---- endpoints ----------------------------------------------------------------------------

    private Map<Endpoint, EndpointResult> endpoints(Criteria criteria, List<DatedResponse> available,
                                                    List<TimePoint> pending, ResponseCourse course,
                                                    LocalDate firstTace, Death death, NewTherapy therapy,
                                                    LocalDate lastContact, boolean lost, EndpointParameters p) {
        EndpointInputs.Builder b = EndpointInputs.builder()
                .enrolment(casebook.firstFilled(ENROLMENT_FORM).flatMap(f -> f.date("enrolment_date")).orElse(null))
                .firstTace(firstTace)
                .tumourAssessments(available)
                .death(death.date())
                .lastKnownAlive(lastContact)
                .newAnticancerTherapy(therapy.date());
        if (!course.baseline().usable() || course.baseline().baseline().date() == null) {
            b.noBaselineTumourAssessment();
        }
        if (lost) {
            b.lostToFollowUp();
        }
        EndpointInputs in = b.build();
        List<String> common = new ArrayList<>(in.problems(p.origin()));
        if (death.undated()) {
            common.add("A death is recorded without its date.");
        }
        List<String> progression = new ArrayList<>(common);
        if (therapy.undated() && p.censorAtNewAnticancerTherapy()) {
            progression.add("A new anticancer therapy has no start date, so censoring at it cannot be applied.");
        }
        if (!pending.isEmpty()) {
            progression.add("Assessments without a " + criteria.displayName() + " response could hold a progression: "
                    + pending.stream().map(t -> t.visitId() + "[" + t.visitRepeat() + "]").toList() + ".");
        }
        Map<Endpoint, EndpointResult> out = new EnumMap<>(Endpoint.class);
        Endpoints derived = common.isEmpty() ? EndpointDerivation.derive(in, p) : null;
        out.put(Endpoint.OS, derived == null ? new EndpointResult(Endpoint.OS, null, common)
                : new EndpointResult(Endpoint.OS, derived.os(), List.of()));
        for (Endpoint e : List.of(Endpoint.PFS, Endpoint.TTP)) {
            out.put(e, derived == null || !progression.isEmpty() ? new EndpointResult(e, null, progression)
                    : new EndpointResult(e, e == Endpoint.PFS ? derived.pfs() : derived.ttp(), List.of()));
        }
        return out;
    }
}
