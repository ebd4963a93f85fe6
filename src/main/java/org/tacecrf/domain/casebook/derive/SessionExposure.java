package org.tacecrf.domain.casebook.derive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * A patient's exposure as of one TACE session: its number among the subject's sessions (by
 * procedure date, as the calculated session number), the days since the previous session, and
 * the dose loaded on microspheres per drug over the sessions up to and including this one (the
 * cumulative dose of {@link SubjectSummary} restricted to those sessions).
 *
 * @param number             session number, or null while it is uncertain (see {@code problems})
 * @param date               procedure date of this session
 * @param previousDate       procedure date of the previous session, or null for the first
 * @param daysSincePrevious  days between the two procedure dates, or null for the first
 * @param cumulativeDose     per drug, this session included
 * @param problems           why the number is not known
 */
public record SessionExposure(Integer number, LocalDate date, LocalDate previousDate, Long daysSincePrevious,
                              List<SubjectSummary.DrugDose> cumulativeDose, List<String> problems) {

    public SessionExposure {
        cumulativeDose = List.copyOf(cumulativeDose);
        problems = List.copyOf(problems);
    }

    /** Exposure at {@code session}, a {@code tace_session} form as entered (unsaved values). */
    public static SessionExposure of(StudyDefinition study, SubjectData saved, FormInstance session) {
        SubjectData data = saved.withForm(session);
        TaceSessions sessions = TaceSessions.of(data);
        Optional<LocalDate> date = session.date(TaceSessions.DATE);
        if (date.isEmpty()) {
            return new SessionExposure(null, null, null, null, List.of(),
                    List.of("The procedure date of this session is missing."));
        }
        List<String> undated = sessions.undated().stream().filter(f -> f.id() != session.id())
                .map(f -> "The TACE session at " + f.key() + " has no procedure date yet.").toList();
        TaceSessions.Session self = sessions.session(session).orElseThrow();
        Optional<TaceSessions.Session> previous = sessions.previous(self);
        Set<Long> upToHere = sessions.dated().stream().filter(s -> s.number() <= self.number())
                .map(s -> s.form().id()).collect(Collectors.toSet());
        // The summary of the subject with only the sessions so far gives their cumulative dose.
        SubjectData sessionsSoFar = new SubjectData(data.subjectId(), data.visits(), data.forms().stream()
                .filter(f -> !f.formId().equals(TaceSessions.FORM) || upToHere.contains(f.id())).toList());
        List<SubjectSummary.DrugDose> dose = SubjectSummary.derive(study, sessionsSoFar).cumulativeDose();
        if (!undated.isEmpty()) {
            // An undated session could lie before this one: no number rather than a wrong one.
            return new SessionExposure(null, self.date(), null, null, dose, undated);
        }
        return new SessionExposure(self.number(), self.date(), previous.map(TaceSessions.Session::date).orElse(null),
                previous.map(p -> ChronoUnit.DAYS.between(p.date(), self.date())).orElse(null), dose, List.of());
    }
}
