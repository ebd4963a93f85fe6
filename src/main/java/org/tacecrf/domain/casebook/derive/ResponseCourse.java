package org.tacecrf.domain.casebook.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.clinical.AlgorithmId;
import org.tacecrf.domain.response.Assessment;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.ResponseEngine;
import org.tacecrf.domain.response.ResponseParameters;
import org.tacecrf.domain.response.TimePointResponse;

/**
 * Time-point response of one {@code imaging_assessment} under one criteria, through the response
 * engine: the baseline from {@code baseline_imaging}, and as history the earlier assessments of
 * the same reading course.
 * <p>
 * The course is every assessment of the subject, unless the study reads each scan twice
 * ({@code response.doubleReading}): then each reader (R1, R2) is followed on their own, since the
 * nadir and earlier CR belong to one reader's measurements. An adjudicator's reading is evaluated
 * against the first reader's earlier readings, replaced by the adjudicator's own at the time
 * points the adjudicator also read.
 * <p>
 * Every assessment of the course up to this one must be complete (see {@link ImagingData}): a
 * response that depends on an incomplete earlier assessment is not computed.
 */
final class ResponseCourse {

    static final String READER_1 = "R1";
    static final String READER_2 = "R2";
    static final String ADJUDICATOR = "ADJ";

    /** The response, or why there is none. */
    record Outcome(TimePointResponse response, List<String> problems, List<String> missingItems) {
        boolean computed() {
            return response != null;
        }
    }

    private final Casebook casebook;
    private final ResponseParameters parameters;
    private final boolean doubleReading;
    private ImagingData.BaselineData baseline;

    ResponseCourse(Casebook casebook) {
        this.casebook = casebook;
        this.parameters = StudyParameterMapping.response(casebook.study().parameters());
        this.doubleReading = casebook.study().parameters().response().doubleReading();
    }

    static String algorithm(Criteria criteria) {
        return new AlgorithmId(criteria.version() + " overall time-point response (response engine)", "1").label();
    }

    boolean doubleReading() {
        return doubleReading;
    }

    ImagingData.BaselineData baseline() {
        if (baseline == null) {
            baseline = ImagingData.baseline(casebook);
        }
        return baseline;
    }

    Outcome evaluate(FormInstance form, Criteria criteria) {
        ImagingData.BaselineData base = baseline();
        if (!base.usable()) {
            return new Outcome(null, base.problems(), List.of());
        }
        List<String> incomplete = base.incompleteTargets(criteria);
        if (!incomplete.isEmpty()) {
            return new Outcome(null, incomplete, List.of());
        }
        ImagingData.Read current = ImagingData.assessment(casebook, form, base, criteria);
        if (!current.complete()) {
            return new Outcome(null, current.problems(), current.missingItems());
        }
        Optional<String> reader = reader(form);
        if (doubleReading && reader.isEmpty()) {
            return new Outcome(null, List.of("The reader is missing; with double reading each reading names its reader."),
                    List.of(ImagingData.READER));
        }
        LocalDate date = current.assessment().date();
        List<Assessment> history = new ArrayList<>();
        for (FormInstance earlier : course(form, reader.orElse(null))) {
            ImagingData.Read read = ImagingData.assessment(casebook, earlier, base, criteria);
            if (!read.complete()) {
                Optional<LocalDate> when = earlier.date(ImagingData.ASSESSMENT_DATE);
                if (when.isPresent() && !when.get().isBefore(date)) {
                    continue;
                }
                return new Outcome(null, List.of("The earlier assessment " + earlier.key()
                        + when.map(d -> " of " + d).orElse("") + " is incomplete: " + read.problems().get(0)
                        + " This response is computed once it is complete."), List.of());
            }
            if (read.assessment().date().isBefore(date)) {
                history.add(read.assessment());
            }
        }
        return new Outcome(ResponseEngine.evaluate(criteria, parameters, base.baseline(), history, current.assessment()),
                List.of(), List.of());
    }

    /** The reader code of an assessment, when the study reads twice. */
    Optional<String> reader(FormInstance form) {
        return doubleReading ? form.first(ImagingData.READER).map(v -> v.text()).filter(t -> !t.isBlank())
                : Optional.empty();
    }

    /** The other assessments of the same reading course (any date; the caller keeps the earlier ones). */
    List<FormInstance> course(FormInstance self, String reader) {
        List<FormInstance> all = casebook.filled(ImagingData.ASSESSMENT_FORM).stream()
                .filter(f -> f.id() != self.id()).toList();
        if (!doubleReading) {
            return all;
        }
        if (!ADJUDICATOR.equals(reader)) {
            return all.stream().filter(f -> reader.equals(reader(f).orElse(null))).toList();
        }
        Set<Long> adjudicatedVisits = all.stream().filter(f -> ADJUDICATOR.equals(reader(f).orElse(null)))
                .map(f -> f.visit().id()).collect(Collectors.toSet());
        adjudicatedVisits.add(self.visit().id());
        return all.stream().filter(f -> {
            String r = reader(f).orElse(null);
            return ADJUDICATOR.equals(r) || (READER_1.equals(r) && !adjudicatedVisits.contains(f.visit().id()));
        }).toList();
    }
}
