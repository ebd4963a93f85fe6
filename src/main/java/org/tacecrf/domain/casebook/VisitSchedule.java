package org.tacecrf.domain.casebook;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tacecrf.domain.study.RepeatInterval;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitTiming;
import org.tacecrf.domain.study.VisitType;

/**
 * When a subject's visits are due: the target date and window of each occurrence, from the
 * visit's anchor (enrolment, first/each/last TACE, the previous visit or a named visit) as the
 * protocol defines it, and whether an occurrence was on time, out of window, pending or overdue.
 * <p>
 * A further occurrence of a repeating visit with an interval ("every 4-6 weeks") is due the
 * interval after the occurrence before it: its actual date when it took place, else its target.
 */
public final class VisitSchedule {

    /** The expected date of one occurrence. */
    public record Expected(String visitId, int repeatKey, LocalDate target, LocalDate earliest, LocalDate latest) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(earliest) && !date.isAfter(latest);
        }
    }

    /** How an occurrence stands against its window. */
    public enum WindowStatus {
        /** Done within the window. */
        IN_WINDOW,
        /** Done, but outside the window: a protocol deviation. */
        OUT_OF_WINDOW,
        /** Not done and the window has not closed. */
        PENDING,
        /** Not done and the window has closed. */
        OVERDUE,
        /** The visit has no timing, or its anchor has not happened yet. */
        UNSCHEDULED
    }

    private final StudyDefinition study;
    private final SubjectData data;
    private final LocalDate enrolmentDate;
    private List<LocalDate> treatmentDates;

    public VisitSchedule(StudyDefinition study, SubjectData data, LocalDate enrolmentDate) {
        this.study = study;
        this.data = data;
        this.enrolmentDate = enrolmentDate;
    }

    public Optional<Expected> expected(VisitDef visit, int repeatKey) {
        VisitTiming timing = visit.timing();
        if (timing == null) {
            return Optional.empty();
        }
        RepeatInterval interval = visit.interval();
        if (repeatKey > 1 && interval != null) {
            Optional<LocalDate> previous = occurrenceDate(visit, repeatKey - 1)
                    .or(() -> expected(visit, repeatKey - 1).map(Expected::target));
            return previous.map(base -> new Expected(visit.id(), repeatKey, base.plusDays((interval.minDays() + interval.maxDays()) / 2),
                    base.plusDays(interval.minDays()), base.plusDays(interval.maxDays())));
        }
        return anchorDate(visit, timing, repeatKey).map(anchor -> {
            LocalDate target = anchor.plusDays(timing.day());
            return new Expected(visit.id(), repeatKey, target, target.minusDays(timing.windowBefore()), target.plusDays(timing.windowAfter()));
        });
    }

    public WindowStatus status(VisitDef visit, int repeatKey, LocalDate today) {
        return status(expected(visit, repeatKey).orElse(null), occurrenceDate(visit, repeatKey).orElse(null), today);
    }

    /**
     * How an occurrence stands: unscheduled without an expected window, else in or out of it when it
     * took place on {@code actual}, else overdue once {@code today} is past the window, else pending.
     */
    public static WindowStatus status(Expected expected, LocalDate actual, LocalDate today) {
        if (expected == null) {
            return WindowStatus.UNSCHEDULED;
        }
        if (actual != null) {
            return expected.contains(actual) ? WindowStatus.IN_WINDOW : WindowStatus.OUT_OF_WINDOW;
        }
        return today.isAfter(expected.latest()) ? WindowStatus.OVERDUE : WindowStatus.PENDING;
    }

    private Optional<LocalDate> anchorDate(VisitDef visit, VisitTiming timing, int repeatKey) {
        List<LocalDate> tace = treatmentDates();
        return switch (timing.anchor()) {
            case ENROLMENT -> Optional.ofNullable(enrolmentDate);
            case FIRST_TACE -> tace.stream().findFirst();
            case LAST_TACE -> tace.isEmpty() ? Optional.empty() : Optional.of(tace.get(tace.size() - 1));
            case EACH_TACE -> repeatKey <= tace.size() ? Optional.of(tace.get(repeatKey - 1)) : Optional.empty();
            case VISIT -> study.visit(timing.anchorVisitId()).flatMap(v -> occurrenceDate(v, 1));
            case PREVIOUS_VISIT -> repeatKey > 1 ? occurrenceDate(visit, repeatKey - 1) : previousVisitDate(visit);
        };
    }

    /** The nearest earlier visit of the schedule that has a date (its latest occurrence). */
    private Optional<LocalDate> previousVisitDate(VisitDef visit) {
        List<VisitDef> schedule = study.schedule();
        for (int i = schedule.indexOf(visit) - 1; i >= 0; i--) {
            VisitDef earlier = schedule.get(i);
            Optional<LocalDate> date = data.visits().stream().filter(v -> v.visitId().equals(earlier.id()))
                    .map(SubjectData.VisitInstance::date).filter(Objects::nonNull).max(Comparator.naturalOrder());
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.ofNullable(enrolmentDate);
    }

    /** Dates of the TACE sessions that took place, in order. */
    public List<LocalDate> treatmentDates() {
        // Read once: every expected date anchored on a TACE asks for them, and reports ask for every visit of every subject.
        if (treatmentDates == null) {
            treatmentDates = data.visits().stream()
                    .filter(v -> study.visit(v.visitId()).map(d -> d.type() == VisitType.TREATMENT).orElse(false))
                    .map(SubjectData.VisitInstance::date).filter(Objects::nonNull).sorted().toList();
        }
        return treatmentDates;
    }

    public Optional<LocalDate> occurrenceDate(VisitDef visit, int repeatKey) {
        return data.visits().stream().filter(v -> v.visitId().equals(visit.id()) && v.repeatKey() == repeatKey)
                .map(SubjectData.VisitInstance::date).filter(Objects::nonNull).findFirst();
    }
}
