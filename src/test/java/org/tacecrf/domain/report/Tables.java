package org.tacecrf.domain.report;

import java.time.LocalDate;

/** Small tables shaped like the seed papers' Table 1, shared by the renderer tests. */
final class Tables {

    private Tables() {
    }

    /** Two header rows with spans, a variable with levels, a p-value with a footnote. */
    static StudyTable baseline() {
        return StudyTable.builder("T1", "Baseline characteristics")
                .subtitle("By treatment arm")
                .population("Intention-to-treat population", 90)
                .dataCutOff(LocalDate.of(2024, 3, 31))
                .header(HeaderCell.tall("Characteristic", 2), HeaderCell.span("DEB-TACE (n=45)", 2),
                        HeaderCell.span("cTACE (n=45)", 2), HeaderCell.tall("P value", 2))
                .columns("n", "%", "n", "%")
                .row("Age, years", Cell.text("60.3 ± 14.0").withText("60.3 ± 14.0"), Cell.empty(),
                        Cell.meanSd(59.7, 13.2), Cell.empty(), Cell.p(0.417).marked("b"))
                .row("ECOG PS", Cell.empty(), Cell.empty(), Cell.empty(), Cell.empty(), Cell.p(0.0005).marked("a"))
                .row(1, "0", Cell.count(29), Cell.percent(64.444), Cell.count(20), Cell.percent(44.444), Cell.empty())
                .row(1, "1", Cell.count(16), Cell.percent(35.556), Cell.count(25), Cell.percent(55.556), Cell.empty())
                .footnote("a", "Pearson chi-square without continuity correction")
                .footnote("b", "Student t-test")
                .footnote("ECOG PS, Eastern Cooperative Oncology Group performance status.")
                .source("TACE-2 eCRF, locked database")
                .build();
    }

    /** One header row, counts with percent, an estimate, a section, Chinese text. */
    static StudyTable cox() {
        return StudyTable.builder("T3", "Cox regression for overall survival")
                .columns("Variable", "Patients", "HR (95% CI)", "P value")
                .section("Univariate analysis")
                .row("Subsequent treatment 后续治疗", Cell.countPercent(58, 88), Cell.estimate(0.408, 0.237, 0.703),
                        Cell.p(0.001))
                .row("No subsequent treatment", Cell.countPercent(30, 88), Cell.reference(), Cell.empty())
                .build();
    }
}
