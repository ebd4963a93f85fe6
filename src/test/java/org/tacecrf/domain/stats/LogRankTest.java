package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.stats.Fixtures.ESTIMATE;
import static org.tacecrf.domain.stats.Fixtures.P_VALUE;
import static org.tacecrf.domain.stats.Fixtures.close;

import java.util.List;

import org.junit.jupiter.api.Test;

class LogRankTest {

    @Test
    void twoGroups() {
        Fixtures.Table lung = Fixtures.lung();
        // survdiff(Surv(time, status) ~ sex, data = lung)
        LogRank.Result r = LogRank.test(lung.numbers("time"), Fixtures.events(lung.numbers("status"), 2), lung.texts("sex"));
        close(r.chiSquare(), 10.3267419548856, ESTIMATE);
        assertThat(r.df()).isEqualTo(1);
        close(r.pValue(), Distributions.chiSquareUpperTail(10.3267419548856, 1), P_VALUE);
        assertThat(r.groups()).extracting(LogRank.GroupCounts::group).containsExactly("1", "2");
        assertThat(r.groups()).extracting(LogRank.GroupCounts::n).containsExactly(138, 90);
        assertThat(r.groups()).extracting(LogRank.GroupCounts::observed).containsExactly(112.0, 53.0);
        close(r.groups().get(0).expected(), 91.5817390295728, ESTIMATE);
        close(r.groups().get(1).expected(), 73.4182609704272, ESTIMATE);
        assertThat(r.stratified()).isFalse();
    }

    @Test
    void fourGroups() {
        Fixtures.Table veteran = Fixtures.veteran();
        // survdiff(Surv(time, status) ~ celltype, data = veteran), levels in R's order
        LogRank.Result r = LogRank.test(veteran.numbers("time"), Fixtures.events(veteran.numbers("status"), 1),
                veteran.texts("celltype"), List.of("squamous", "smallcell", "adeno", "large"));
        close(r.chiSquare(), 25.4037003457854, ESTIMATE);
        assertThat(r.df()).isEqualTo(3);
        close(r.pValue(), 1.27124593900609e-05, P_VALUE);
        assertThat(r.groups()).extracting(LogRank.GroupCounts::observed).containsExactly(31.0, 45.0, 26.0, 26.0);
        double[] expected = {47.6546776724754, 30.1020793268148, 15.6937646143605, 34.5494783863493};
        close(r.groups().stream().mapToDouble(LogRank.GroupCounts::expected).toArray(), expected, ESTIMATE);
    }

    @Test
    void groupWithASingleSubjectAndMissingGroup() {
        Fixtures.Table lung = Fixtures.lung();
        // survdiff(Surv(time, status) ~ ph.ecog, data = lung): one patient with ECOG 3, one missing
        LogRank.Result r = LogRank.test(lung.numbers("time"), Fixtures.events(lung.numbers("status"), 2),
                lung.texts("ph.ecog"));
        assertThat(r.missing()).isEqualTo(1);
        close(r.chiSquare(), 21.962131682476, ESTIMATE);
        assertThat(r.df()).isEqualTo(3);
        double[] expected = {54.1526970189229, 83.5275645750819, 26.1473530653302, 0.172385340664962};
        close(r.groups().stream().mapToDouble(LogRank.GroupCounts::expected).toArray(), expected, ESTIMATE);
    }

    @Test
    void stratified() {
        Fixtures.Table veteran = Fixtures.veteran();
        // survdiff(Surv(time, status) ~ trt + strata(celltype), data = veteran)
        LogRank.Result r = LogRank.stratified(veteran.numbers("time"), Fixtures.events(veteran.numbers("status"), 1),
                veteran.texts("trt"), veteran.texts("celltype"));
        assertThat(r.stratified()).isTrue();
        close(r.chiSquare(), 0.701743346844319, ESTIMATE);
        close(r.pValue(), 0.402198523780674, P_VALUE);
        assertThat(r.groups()).extracting(LogRank.GroupCounts::observed).containsExactly(64.0, 64.0);
        close(r.groups().get(0).expected(), 68.2075529768725, ESTIMATE); // rowSums(fit$exp)
        close(r.groups().get(1).expected(), 59.7924470231275, ESTIMATE);
    }

    @Test
    void emptyGroupAndNoEventsGiveNoTest() {
        double[] time = {1, 2, 3, 4};
        boolean[] event = {true, false, true, false};
        LogRank.Result oneGroupFilled = LogRank.test(time, event, new String[] {"A", "A", "A", "A"}, List.of("A", "B"));
        assertThat(oneGroupFilled.groups().get(1).n()).isZero();
        assertThat(oneGroupFilled.df()).isZero();
        assertThat(oneGroupFilled.pValue()).isNaN();
        LogRank.Result noEvents = LogRank.test(time, new boolean[4], new String[] {"A", "B", "A", "B"});
        assertThat(noEvents.pValue()).isNaN();
        assertThat(noEvents.groups()).extracting(LogRank.GroupCounts::expected).containsExactly(0.0, 0.0);
    }
}
