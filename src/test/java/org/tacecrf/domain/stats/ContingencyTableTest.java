package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tacecrf.domain.stats.Fixtures.ESTIMATE;
import static org.tacecrf.domain.stats.Fixtures.P_VALUE;
import static org.tacecrf.domain.stats.Fixtures.close;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ContingencyTableTest {

    /** t22 <- table(lung$sex, lung$status): rows sex 1/2, columns status 1 (censored) / 2 (dead). */
    private static ContingencyTable lungSexByStatus() {
        Fixtures.Table lung = Fixtures.lung();
        return ContingencyTable.crossTabulate(Arrays.asList(lung.texts("sex")), Arrays.asList(lung.texts("status")),
                List.of("1", "2"), List.of("1", "2"));
    }

    @Test
    void crossTabulationCountsPairs() {
        ContingencyTable t = lungSexByStatus();
        assertThat(new long[] {t.count(0, 0), t.count(0, 1), t.count(1, 0), t.count(1, 1)}).containsExactly(26, 112, 37, 53);
        assertThat(t.total()).isEqualTo(228);
        close(t.expected(0, 0), 38.1315789473684, ESTIMATE); // chisq.test(t22)$expected
        close(t.expected(1, 1), 65.1315789473684, ESTIMATE);
    }

    @Test
    void pearsonWithoutCorrectionAsSpssAndYatesAsRDefault() {
        ContingencyTable t = lungSexByStatus();
        TestResult pearson = t.pearsonChiSquare();      // chisq.test(t22, correct = FALSE)
        close(pearson.statistic(), 13.5111746868269, ESTIMATE);
        assertThat(pearson.df()).isEqualTo(1);
        close(pearson.pValue(), 0.000237147046203486, P_VALUE);
        TestResult yates = t.yatesChiSquare();          // chisq.test(t22)
        close(yates.statistic(), 12.4204061317105, ESTIMATE);
        close(yates.pValue(), 0.000424667876385555, P_VALUE);
        assertThat(yates.method()).contains("Yates");
        close(t.likelihoodRatioChiSquare().statistic(), 13.3205026472798, ESTIMATE); // 2*sum(O*log(O/E))
        close(t.fisherExact().pValue(), 0.000434914218803277, P_VALUE);              // fisher.test(t22)$p.value
        assertThat(t.expectedCountCheck().chiSquareQuestionable()).isFalse();
    }

    @Test
    void smallTableFlagsSparseCellsAndYatesUsesHalf() {
        ContingencyTable tea = ContingencyTable.of(new int[][] {{3, 1}, {1, 3}});
        close(tea.fisherExact().pValue(), 0.485714285714286, P_VALUE);   // fisher.test(matrix(c(3,1,1,3),2))
        close(tea.pearsonChiSquare().statistic(), 2, ESTIMATE);           // chisq.test(tea, correct = FALSE)
        close(tea.pearsonChiSquare().pValue(), 0.157299207050284, P_VALUE);
        close(tea.yatesChiSquare().statistic(), 0.5, ESTIMATE);           // chisq.test(tea)
        close(tea.yatesChiSquare().pValue(), 0.479500122186953, P_VALUE);
        ContingencyTable.ExpectedCountCheck check = tea.expectedCountCheck();
        assertThat(check.cellsBelowFive()).isEqualTo(4);
        assertThat(check.percentBelowFive()).isEqualTo(100);
        assertThat(check.minimumExpected()).isEqualTo(2);
        assertThat(check.chiSquareQuestionable()).isTrue();
    }

    @Test
    void twoByFourWithNinetyPatients() {
        // m24 <- matrix(c(8,14,15,8, 3,10,17,15), nrow = 2, byrow = TRUE)
        ContingencyTable t = ContingencyTable.of(new int[][] {{8, 14, 15, 8}, {3, 10, 17, 15}});
        TestResult chi = t.pearsonChiSquare();          // chisq.test(m24)
        close(chi.statistic(), 5.19482872200264, ESTIMATE);
        assertThat(chi.df()).isEqualTo(3);
        close(chi.pValue(), 0.158074232434334, P_VALUE);
        close(t.likelihoodRatioChiSquare().statistic(), 5.31775684951674, ESTIMATE);
        // (N - 1) * cor(row, col)^2 on the expanded data
        close(t.linearByLinear().statistic(), 5.12322151155201, ESTIMATE);
        close(t.fisherExact().pValue(), 0.17069717209913, P_VALUE);   // fisher.test(m24)$p.value
        assertThatThrownBy(t::yatesChiSquare).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void threeByThreeWithHundredPatients() {
        // m33 <- matrix(c(12,10,6, 8,15,14, 5,12,18), nrow = 3)   (filled by column)
        ContingencyTable t = ContingencyTable.of(new int[][] {{12, 8, 5}, {10, 15, 12}, {6, 14, 18}});
        close(t.pearsonChiSquare().statistic(), 9.23966234065807, ESTIMATE);
        close(t.pearsonChiSquare().pValue(), 0.0553803994849561, P_VALUE);
        close(t.likelihoodRatioChiSquare().statistic(), 9.12230288780276, ESTIMATE);
        close(t.linearByLinear().statistic(), 8.45340182530508, ESTIMATE);
        long start = System.nanoTime();
        close(t.fisherExact().pValue(), 0.0647533033025028, P_VALUE);  // fisher.test(m33)$p.value
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
    }

    @Test
    void fisherOnLargerSparseTables() {
        // vt <- table(veteran$celltype, veteran$prior); fisher.test(vt)$p.value
        ContingencyTable vt = ContingencyTable.of(new int[][] {{21, 14}, {37, 11}, {22, 5}, {17, 10}});
        close(vt.fisherExact().pValue(), 0.160785034839311, P_VALUE);
        close(vt.pearsonChiSquare().statistic(), 5.1838761216113, ESTIMATE);
        // m45 <- matrix(c(3,2,0,1,4, 2,5,3,1,0, 1,2,6,4,2, 0,1,3,5,6), nrow = 4, byrow = TRUE)
        // fisher.test(m45, workspace = 2e8)$p.value
        ContingencyTable m45 = ContingencyTable.of(new int[][] {{3, 2, 0, 1, 4}, {2, 5, 3, 1, 0}, {1, 2, 6, 4, 2},
                {0, 1, 3, 5, 6}});
        long start = System.nanoTime();
        close(m45.fisherExact().pValue(), 0.0147914390377872, P_VALUE);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
    }

    @Test
    void fiveByFiveWithSeventyNinePatients() {
        // m2 <- matrix(c(5,3,2,1,4, 2,6,3,2,3, 1,2,7,4,1, 3,1,2,6,4, 2,3,1,3,8), 5, byrow = TRUE)
        // fisher.test(m2, workspace = 2e8)$p.value   (1.5 s in R)
        ContingencyTable t = ContingencyTable.of(new int[][] {{5, 3, 2, 1, 4}, {2, 6, 3, 2, 3}, {1, 2, 7, 4, 1},
                {3, 1, 2, 6, 4}, {2, 3, 1, 3, 8}});
        close(t.fisherExact().pValue(), 0.0852362766582858, P_VALUE);
    }

    @Test
    void tablesBeyondTheExactBudgetAreRefusedNotLeftRunning() {
        // R's fisher.test needs about 12 minutes for this 4 x 6 table with 151 patients
        ContingencyTable t = ContingencyTable.of(new int[][] {{8, 5, 3, 6, 2, 1}, {4, 9, 7, 3, 8, 2},
                {2, 6, 10, 12, 9, 13}, {3, 4, 8, 9, 7, 10}});
        assertThatThrownBy(t::fisherExact).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void emptyRowsAndColumnsAreLeftOutOfTheTests() {
        // mz[c(1,3), c(1,3)] of mz <- matrix(c(5,0,3, 0,0,0, 2,0,7), 3, byrow = TRUE)
        ContingencyTable t = ContingencyTable.of(new int[][] {{5, 0, 3}, {0, 0, 0}, {2, 0, 7}});
        close(t.fisherExact().pValue(), 0.153434800493624, P_VALUE);
        TestResult chi = t.pearsonChiSquare();
        assertThat(chi.df()).isEqualTo(1);
        close(chi.statistic(), 2.83670634920635, ESTIMATE);
        close(chi.pValue(), 0.0921328887021248, P_VALUE);
        assertThat(t.expectedCountCheck().cells()).isEqualTo(4);
    }

    @Test
    void degenerateTablesHaveNoTest() {
        ContingencyTable oneColumn = ContingencyTable.of(new int[][] {{4, 0}, {6, 0}});
        assertThat(oneColumn.pearsonChiSquare().pValue()).isNaN();
        assertThat(oneColumn.fisherExact().pValue()).isEqualTo(1.0);
        assertThatThrownBy(() -> ContingencyTable.of(new int[][] {{1, -1}})).isInstanceOf(IllegalArgumentException.class);
    }
}
