package org.tacecrf.domain.report.figure;

import java.util.List;

/** Figures shaped like the seed papers' overall-survival and response figures, shared by tests. */
public final class Figures {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Figures() {
    }

    /** Two arms over 24 months with censoring, a band for one arm, medians and numbers at risk. */
    public static KmFigure overallSurvival() {
        KmCurve deb = KmCurve.builder("DEB-TACE + sorafenib")
                .step(0, 1).step(2.1, 0.95).step(4.0, 0.88).step(7.5, 0.76).step(11.0, 0.62).step(18.6, 0.49)
                .step(21.0, 0.38)
                .censor(5.0, 0.88).censor(13.2, 0.62).censor(23.5, 0.38)
                .band(0, 1, 1).band(2.1, 0.88, 1).band(4.0, 0.78, 0.98).band(7.5, 0.63, 0.89).band(11.0, 0.47, 0.77)
                .band(18.6, 0.33, 0.65).band(21.0, 0.22, 0.55)
                .atRisk(42, 38, 31, 22, 9).median(18.6)
                .build();
        KmCurve control = KmCurve.builder("DEB-TACE <alone> & 对照组")
                .step(0, 1).step(1.5, 0.92).step(3.2, 0.81).step(6.0, 0.69).step(9.4, 0.58).step(12.7, 0.47)
                .step(16.0, 0.30).step(20.0, 0.17)
                .censor(8.0, 0.69).censor(14.0, 0.47).censor(22.0, 0.17)
                .atRisk(48, 40, 27, 15, 4).median(12.7)
                .build();
        return KmFigure.builder().curve(deb).curve(control)
                .xTitle("Time since first TACE (months)").yTitle("Overall survival (%)")
                .xAxis(24, 6).annotation("Log-rank p = 0.004")
                .build();
    }

    /** mRECIST response at 1 and 3 months, stacked percentages. */
    public static BarFigure response() {
        return BarFigure.stackedPercent(List.of("1 month (n=88)", "3 months (n=85)"),
                List.of(BarFigure.Series.of("CR", 9.1, 12.9), BarFigure.Series.of("PR", 64.8, 56.5),
                        BarFigure.Series.of("SD", 21.6, 20.0), BarFigure.Series.of("PD", 4.5, 10.6)),
                "Assessment time point");
    }
}
