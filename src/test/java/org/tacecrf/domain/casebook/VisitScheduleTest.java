package org.tacecrf.domain.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.VisitSchedule.WindowStatus;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;

/**
 * Due dates on the shipped cholangiocarcinoma schedule: response at one month (day 30 ± 7 after the
 * first TACE), then every 4-6 weeks after the previous scan.
 */
class VisitScheduleTest {

    private static final StudyDefinition STUDY = StudyCatalog.load(Path.of("config/studies")).get("icc-deb-tace");
    private static final LocalDate ENROLLED = LocalDate.of(2024, 3, 1);

    private static SubjectData data(List<SubjectData.VisitInstance> visits) {
        return new SubjectData(1, visits, List.of());
    }

    private static VisitDef visit(String id) {
        return STUDY.visit(id).orElseThrow();
    }

    @Test
    void oneMonthVisitIsDueThirtyDaysAfterTheFirstTaceWithItsWindow() {
        SubjectData data = data(List.of(new SubjectData.VisitInstance(1, "tace", 1, LocalDate.of(2024, 3, 10)),
                new SubjectData.VisitInstance(2, "tace", 2, LocalDate.of(2024, 4, 20))));
        VisitSchedule.Expected expected = new VisitSchedule(STUDY, data, ENROLLED).expected(visit("fu_1m"), 1).orElseThrow();
        assertThat(expected.target()).isEqualTo(LocalDate.of(2024, 4, 9));
        assertThat(expected.earliest()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(expected.latest()).isEqualTo(LocalDate.of(2024, 4, 16));
    }

    @Test
    void windowEdgesAreInsideAndOneDayBeyondIsOutside() {
        for (int[] c : new int[][] {{16, 0}, {17, 1}, {2, 0}, {1, 1}}) {
            SubjectData data = data(List.of(new SubjectData.VisitInstance(1, "tace", 1, LocalDate.of(2024, 3, 10)),
                    new SubjectData.VisitInstance(2, "fu_1m", 1, LocalDate.of(2024, 4, c[0]))));
            WindowStatus status = new VisitSchedule(STUDY, data, ENROLLED).status(visit("fu_1m"), 1, LocalDate.of(2024, 6, 1));
            assertThat(status).as("scan on April %d", c[0]).isEqualTo(c[1] == 0 ? WindowStatus.IN_WINDOW : WindowStatus.OUT_OF_WINDOW);
        }
    }

    @Test
    void notDoneIsPendingUntilTheWindowClosesThenOverdue() {
        SubjectData data = data(List.of(new SubjectData.VisitInstance(1, "tace", 1, LocalDate.of(2024, 3, 10))));
        VisitSchedule schedule = new VisitSchedule(STUDY, data, ENROLLED);
        assertThat(schedule.status(visit("fu_1m"), 1, LocalDate.of(2024, 4, 16))).isEqualTo(WindowStatus.PENDING);
        assertThat(schedule.status(visit("fu_1m"), 1, LocalDate.of(2024, 4, 17))).isEqualTo(WindowStatus.OVERDUE);
    }

    @Test
    void withoutATaceTheTaceAnchoredVisitIsNotYetScheduled() {
        VisitSchedule schedule = new VisitSchedule(STUDY, data(List.of()), ENROLLED);
        assertThat(schedule.expected(visit("fu_1m"), 1)).isEmpty();
        assertThat(schedule.status(visit("fu_1m"), 1, LocalDate.of(2024, 6, 1))).isEqualTo(WindowStatus.UNSCHEDULED);
    }

    @Test
    void aRepeatingVisitIsDueTheIntervalAfterItsPreviousOccurrence() {
        SubjectData data = data(List.of(new SubjectData.VisitInstance(1, "tace", 1, LocalDate.of(2024, 3, 10)),
                new SubjectData.VisitInstance(2, "fu_q4_6w", 1, LocalDate.of(2024, 5, 1))));
        VisitSchedule.Expected second = new VisitSchedule(STUDY, data, ENROLLED).expected(visit("fu_q4_6w"), 2).orElseThrow();
        assertThat(second.earliest()).isEqualTo(LocalDate.of(2024, 5, 29));
        assertThat(second.latest()).isEqualTo(LocalDate.of(2024, 6, 12));
    }

    @Test
    void theStatusOfAnOccurrenceFromItsWindowAndDate() {
        VisitSchedule.Expected window = new VisitSchedule.Expected("fu_1m", 1, LocalDate.of(2024, 4, 10), LocalDate.of(2024, 4, 3),
                LocalDate.of(2024, 4, 17));
        LocalDate today = LocalDate.of(2024, 4, 18);
        assertThat(VisitSchedule.status(null, null, today)).isEqualTo(WindowStatus.UNSCHEDULED);
        assertThat(VisitSchedule.status(window, LocalDate.of(2024, 4, 17), today)).isEqualTo(WindowStatus.IN_WINDOW);
        assertThat(VisitSchedule.status(window, LocalDate.of(2024, 4, 2), today)).isEqualTo(WindowStatus.OUT_OF_WINDOW);
        assertThat(VisitSchedule.status(window, null, LocalDate.of(2024, 4, 17))).isEqualTo(WindowStatus.PENDING);
        assertThat(VisitSchedule.status(window, null, today)).isEqualTo(WindowStatus.OVERDUE);
    }
}
