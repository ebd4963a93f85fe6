package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;

import org.tacecrf.domain.stats.KaplanMeier;
import org.tacecrf.domain.stats.KaplanMeierFit;
import org.tacecrf.domain.stats.LogRank;
import org.tacecrf.domain.stats.SurvivalCiType;
import org.tacecrf.domain.stats.SurvivalQuantileMethod;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;
import org.tacecrf.domain.study.AnalysisConfig.MedianCi;
import org.tacecrf.domain.study.StudyDefinition;

/** One endpoint's times in months and event flags for a list of subjects; those without it are left out. */
final class SurvivalData {

    final List<AnalysedSubject> subjects;
    final double[] months;
    final boolean[] events;
    final int excluded;

    private SurvivalData(List<AnalysedSubject> subjects, double[] months, boolean[] events, int excluded) {
        this.subjects = subjects;
        this.months = months;
        this.events = events;
        this.excluded = excluded;
    }

    static SurvivalData of(List<AnalysedSubject> all, Endpoint endpoint) {
        List<AnalysedSubject> used = new ArrayList<>();
        List<SurvivalTime> times = new ArrayList<>();
        for (AnalysedSubject s : all) {
            s.survival(endpoint).ifPresent(t -> {
                used.add(s);
                times.add(t);
            });
        }
        double[] months = new double[used.size()];
        boolean[] events = new boolean[used.size()];
        for (int i = 0; i < used.size(); i++) {
            months[i] = times.get(i).months();
            events[i] = times.get(i).event();
        }
        return new SurvivalData(List.copyOf(used), months, events, all.size() - used.size());
    }

    int n() {
        return months.length;
    }

    int eventCount() {
        int k = 0;
        for (boolean e : events) {
            if (e) {
                k++;
            }
        }
        return k;
    }

    KaplanMeierFit fit() {
        return KaplanMeier.fit(months, events);
    }

    /** Log-rank p across the groups the function assigns (null: left out); NaN with fewer than two groups. */
    double logRankP(java.util.function.Function<AnalysedSubject, String> group, List<String> levels) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            if (group.apply(subjects.get(i)) != null) {
                kept.add(i);
            }
        }
        double[] t = new double[kept.size()];
        boolean[] e = new boolean[kept.size()];
        String[] g = new String[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            t[k] = months[i];
            e[k] = events[i];
            g[k] = group.apply(subjects.get(i));
        }
        if (t.length == 0) {
            return Double.NaN;
        }
        return LogRank.test(t, e, g, levels).pValue();
    }

    static SurvivalQuantileMethod medianMethod(MedianCi ci) {
        return switch (ci) {
            case SPSS -> SurvivalQuantileMethod.SPSS_SYMMETRIC;
            case R_LOG -> SurvivalQuantileMethod.R_LOG;
            case R_LOG_LOG -> SurvivalQuantileMethod.R_LOG_LOG;
            case R_PLAIN -> SurvivalQuantileMethod.R_PLAIN;
        };
    }

    static SurvivalCiType landmarkType(AnalysisConfig.LandmarkCi ci) {
        return switch (ci) {
            case LOG -> SurvivalCiType.LOG;
            case LOG_LOG -> SurvivalCiType.LOG_LOG;
            case PLAIN -> SurvivalCiType.PLAIN;
        };
    }

    static String medianMethodText(MedianCi ci) {
        return switch (ci) {
            case SPSS -> "median ± 1.96 SE, SE from the Kaplan-Meier density estimate (SPSS)";
            case R_LOG -> "Brookmeyer-Crowley, log-transformed pointwise limits (R survfit default)";
            case R_LOG_LOG -> "Brookmeyer-Crowley, log-log-transformed pointwise limits";
            case R_PLAIN -> "Brookmeyer-Crowley, untransformed pointwise limits";
        };
    }

    /** "Months since the first TACE", by the study's origin. */
    static String timeAxis(StudyDefinition study) {
        return switch (study.parameters().endpoints().origin()) {
            case FIRST_TACE -> "Months since the first TACE";
            case ENROLMENT -> "Months since enrolment";
            case RANDOMISATION -> "Months since randomisation";
        };
    }
}
