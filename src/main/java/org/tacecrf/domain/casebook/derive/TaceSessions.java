package org.tacecrf.domain.casebook.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;

/**
 * A subject's TACE sessions (every {@code tace_session} form) in the order of their procedure
 * dates, whatever the order they were entered in. Sessions on the same day keep visit order.
 * Instances with values but no procedure date are kept apart: until they are dated the numbering
 * of the others is uncertain.
 */
final class TaceSessions {

    static final String FORM = "tace_session";
    static final String DATE = "procedure_date";

    /** A dated session with its number (from 1). */
    record Session(FormInstance form, LocalDate date, int number) {
    }

    private final List<Session> dated;
    private final List<FormInstance> undated;

    private TaceSessions(List<Session> dated, List<FormInstance> undated) {
        this.dated = dated;
        this.undated = undated;
    }

    static TaceSessions of(SubjectData data) {
        List<FormInstance> withDate = new ArrayList<>();
        List<FormInstance> undated = new ArrayList<>();
        for (FormInstance f : data.forms(FORM)) {
            if (f.date(DATE).isPresent()) {
                withDate.add(f);
            } else if (Row.hasValues(f)) {
                undated.add(f);
            }
        }
        withDate.sort(Comparator.comparing((FormInstance f) -> f.date(DATE).orElseThrow())
                .thenComparing(f -> f.visit().repeatKey())
                .thenComparing(f -> f.visit().id())
                .thenComparing(FormInstance::repeatKey));
        List<Session> sessions = new ArrayList<>();
        for (FormInstance f : withDate) {
            sessions.add(new Session(f, f.date(DATE).orElseThrow(), sessions.size() + 1));
        }
        return new TaceSessions(List.copyOf(sessions), List.copyOf(undated));
    }

    List<Session> dated() {
        return dated;
    }

    /** Sessions that hold data but no procedure date yet. */
    List<FormInstance> undated() {
        return undated;
    }

    Optional<Session> session(FormInstance form) {
        return dated.stream().filter(s -> s.form().id() == form.id()).findFirst();
    }

    Optional<Session> previous(Session session) {
        return session.number() == 1 ? Optional.empty() : Optional.of(dated.get(session.number() - 2));
    }

    /** Date of the first TACE session. */
    Optional<LocalDate> first() {
        return dated.isEmpty() ? Optional.empty() : Optional.of(dated.get(0).date());
    }

    Optional<LocalDate> last() {
        return dated.isEmpty() ? Optional.empty() : Optional.of(dated.get(dated.size() - 1).date());
    }

    /** The session recorded at the same visit occurrence as another form (e.g. post-procedure labs). */
    Optional<FormInstance> inVisit(long visitInstanceId) {
        return Stream.concat(dated.stream().map(Session::form), undated.stream())
                .filter(f -> f.visit().id() == visitInstanceId).findFirst();
    }
}
