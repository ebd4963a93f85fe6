package org.tacecrf.domain.tables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.derive.SubjectSummary;
import org.tacecrf.domain.casebook.derive.SubjectSummary.CriterionSummary;
import org.tacecrf.domain.casebook.derive.SubjectSummary.OtherTreatment;
import org.tacecrf.domain.casebook.derive.SubjectSummary.ProtocolResponse;
import org.tacecrf.domain.casebook.derive.SubjectSummary.TimePoint;
import org.tacecrf.domain.endpoint.Endpoint;
import org.tacecrf.domain.response.BestOverallResponse;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.DatedResponse;
import org.tacecrf.domain.response.RecordedResponse;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.response.ResponseParameters;
import org.tacecrf.domain.study.AnalysisConfig;

/**
 * One subject of an analysis as seen at the data cut-off ({@link DataCutOff}): its TACE sessions,
 * forms, endpoints, responses and other treatments up to the cut-off. Computed parts are kept once
 * computed; an instance belongs to one analysis and one thread.
 */
public final class AnalysedSubject {

    private static final String SESSION_FORM = "tace_session";
    private static final String SESSION_DATE = "procedure_date";

    /** A TACE session on or before the cut-off, numbered from 1 in date order. */
    public record Session(FormInstance form, LocalDate date, int number) {
    }

    /**
     * A protocol time point at the cut-off.
     *
     * @param visitId        follow-up visit
     * @param label          visit label (with the session number for visits after each TACE)
     * @param due            the window had opened by the cut-off (and its anchor date is known)
     * @param assessmentDate the assessment chosen, when on or before the cut-off
     * @param response       its response; null when there is no assessment or it has no response yet
     */
    public record ProtocolPoint(String visitId, String label, boolean due, LocalDate assessmentDate, Response response) {

        public boolean assessed() {
            return assessmentDate != null;
        }
    }

    /**
     * Response under one criteria at the cut-off.
     *
     * @param best              best overall response; null when it cannot be derived (no dated TACE, or no
     *                          time point with a response)
     * @param objectiveResponse BOR is CR or PR
     * @param diseaseControl    BOR is CR, PR or SD (Non-CR/Non-PD as the study counts it)
     * @param timePoints        the time points on or before the cut-off
     * @param protocol          the protocol time points
     */
    public record ResponseView(Criteria criteria, Response best, boolean objectiveResponse, boolean diseaseControl,
                               List<TimePoint> timePoints, List<ProtocolPoint> protocol) {
    }

    private final SubjectRecord record;
    private final DataCutOff cutOff;
    private final ResponseParameters responseParameters;
    private List<Session> sessions;
    private final Map<Criteria, ResponseView> responses = new EnumMap<>(Criteria.class);
    private final Map<String, List<FormInstance>> formsById = new java.util.HashMap<>();
    private final Map<String, Object> values = new java.util.HashMap<>();

    AnalysedSubject(SubjectRecord record, DataCutOff cutOff, ResponseParameters responseParameters) {
        this.record = record;
        this.cutOff = cutOff;
        this.responseParameters = responseParameters;
    }

    public SubjectFacts facts() {
        return record.facts();
    }

    public SubjectData data() {
        return record.data();
    }

    public SubjectSummary summary() {
        return record.summary();
    }

    public long id() {
        return record.facts().id();
    }

    /** The arm, or null when none is assigned. */
    public String armId() {
        return record.facts().armId();
    }

    /** Dated TACE sessions on or before the cut-off, in date order. */
    public List<Session> sessions() {
        if (sessions == null) {
            List<FormInstance> dated = new ArrayList<>();
            for (FormInstance f : record.data().forms(SESSION_FORM)) {
                f.date(SESSION_DATE).filter(d -> cutOff.includes(d)).ifPresent(d -> dated.add(f));
            }
            dated.sort(Comparator.comparing((FormInstance f) -> f.date(SESSION_DATE).orElseThrow())
                    .thenComparing(f -> f.visit().repeatKey()).thenComparing(FormInstance::id));
            List<Session> out = new ArrayList<>();
            for (FormInstance f : dated) {
                out.add(new Session(f, f.date(SESSION_DATE).orElseThrow(), out.size() + 1));
            }
            sessions = List.copyOf(out);
        }
        return sessions;
    }

    /** Whether the subject had a TACE session by the cut-off. */
    public boolean treated() {
        return !sessions().isEmpty();
    }

    /** Instances of a form dated on or before the cut-off (or undated), in visit order. */
    public List<FormInstance> forms(String formId) {
        return formsById.computeIfAbsent(formId, id -> record.data().forms(id).stream()
                .filter(f -> cutOff.includes(FormDates.of(f))).toList());
    }

    /** A value computed once per subject (variables read by several tables), by key. */
    @SuppressWarnings("unchecked")
    <T> T cached(String key, java.util.function.Supplier<T> compute) {
        if (values.containsKey(key)) {
            return (T) values.get(key);
        }
        T value = compute.get();
        values.put(key, value);
        return value;
    }

    /** The value of an item in the first instance of its form that holds it. */
    public Optional<StoredValue> firstValue(String formId, String itemId) {
        return cached(formId + "." + itemId, () -> {
            for (FormInstance f : forms(formId)) {
                // the value of the first repeat holding it, as FormInstance.first, without a sort per call
                ItemKey best = null;
                StoredValue value = null;
                for (Map.Entry<ItemKey, StoredValue> e : f.values().entrySet()) {
                    if (e.getKey().itemId().equals(itemId) && !e.getValue().isEmpty()
                            && (best == null || e.getKey().compareTo(best) < 0)) {
                        best = e.getKey();
                        value = e.getValue();
                    }
                }
                if (value != null) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        });
    }

    /** A number of the first instance of a form that holds it. */
    public Optional<BigDecimal> firstNumber(String formId, String itemId) {
        return firstValue(formId, itemId).map(StoredValue::number);
    }

    /** Other treatments started on or before the cut-off (or without a start date). */
    public List<OtherTreatment> otherTreatments() {
        return record.summary().otherTreatments().stream().filter(t -> cutOff.includes(t.startDate())).toList();
    }

    /** Date of death when on or before the cut-off. */
    public Optional<LocalDate> deathDate() {
        return Optional.ofNullable(record.summary().deathDate()).filter(cutOff::includes);
    }

    /** OS, or PFS/TTP under the primary criteria, at the cut-off; empty when not derivable. */
    public Optional<SurvivalTime> survival(AnalysisConfig.Endpoint endpoint) {
        SubjectSummary s = record.summary();
        CriterionSummary primary = s.primary();
        return switch (endpoint) {
            case OS -> cutOff.survival(Endpoint.OS, s.os(), List.of());
            case PFS -> cutOff.survival(Endpoint.PFS, primary.pfs(), primary.timePoints());
            case TTP -> cutOff.survival(Endpoint.TTP, primary.ttp(), primary.timePoints());
        };
    }

    /** Why an endpoint could not be derived, in English; empty when it was. */
    public List<String> survivalProblems(AnalysisConfig.Endpoint endpoint) {
        SubjectSummary s = record.summary();
        SubjectSummary.EndpointResult r = switch (endpoint) {
            case OS -> s.os();
            case PFS -> s.primary().pfs();
            case TTP -> s.primary().ttp();
        };
        return r.available() ? List.of() : r.problems();
    }

    /** Response under the criteria at the cut-off. */
    public ResponseView response(Criteria criteria) {
        return responses.computeIfAbsent(criteria, this::computeResponse);
    }

    private ResponseView computeResponse(Criteria criteria) {
        CriterionSummary c = record.summary().response(criteria);
        List<TimePoint> kept = c.timePoints().stream().filter(t -> cutOff.includes(t.date())).toList();
        BestOverallResponse bor = c.bestOverallResponse();
        if (kept.size() < c.timePoints().size()) {
            bor = bestAtCutOff(kept);
        }
        List<ProtocolPoint> protocol = new ArrayList<>();
        for (ProtocolResponse p : c.protocolTimePoints()) {
            boolean due = p.anchorDate() != null && cutOff.includes(p.earliest());
            boolean assessed = p.assessmentDate() != null && cutOff.includes(p.assessmentDate());
            protocol.add(new ProtocolPoint(p.visitId(), p.label(), due, assessed ? p.assessmentDate() : null,
                    assessed ? p.response() : null));
        }
        return new ResponseView(criteria, bor == null ? null : bor.response(), bor != null && bor.objectiveResponse(),
                bor != null && bor.diseaseControl(), kept, protocol);
    }

    private BestOverallResponse bestAtCutOff(List<TimePoint> kept) {
        LocalDate firstTace = record.summary().firstTaceDate();
        if (firstTace == null) {
            return null;
        }
        // the summary knows whether the baseline had target lesions; Non-CR/Non-PD only occurs without them
        boolean targetDisease = kept.stream().noneMatch(t -> t.response() == Response.NON_CR_NON_PD);
        List<DatedResponse> available = kept.stream().filter(TimePoint::available)
                .<DatedResponse>map(t -> new RecordedResponse(t.date(), t.response(), t.progressionDate(), targetDisease))
                .toList();
        if (available.isEmpty()) {
            return null;
        }
        LocalDate newTherapy = record.summary().newAnticancerTherapyDate();
        return BestOverallResponse.derive(available, firstTace, cutOff.includes(newTherapy) ? newTherapy : null,
                responseParameters);
    }
}
