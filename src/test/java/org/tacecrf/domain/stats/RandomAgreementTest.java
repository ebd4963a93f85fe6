package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/**
 * Agreement with R on many random small data sets, where the special cases (flat stretches of a
 * survival curve at exactly 0.5, limits not reached, ties among tables of equal probability) occur
 * by themselves. The R output is stored in the fixtures; see their headers.
 */
class RandomAgreementTest {

    private static List<String[]> records(String name) throws IOException {
        try (InputStream in = RandomAgreementTest.class.getResourceAsStream(name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.trim().split(" ")).toList();
        }
    }

    @Test
    void kaplanMeierMediansAndLimitsOnTiedData() throws IOException {
        SurvivalQuantileMethod[] methods = {SurvivalQuantileMethod.R_LOG, SurvivalQuantileMethod.R_PLAIN,
                SurvivalQuantileMethod.R_LOG_LOG};
        List<String[]> records = records("km-random-medians.txt");
        assertThat(records).hasSize(300);
        for (String[] f : records) {
            int n = Integer.parseInt(f[0]);
            double[] time = new double[n];
            boolean[] event = new boolean[n];
            for (int i = 0; i < n; i++) {
                time[i] = Double.parseDouble(f[1 + i]);
                event[i] = f[1 + n + i].equals("1");
            }
            KaplanMeierFit fit = KaplanMeier.fit(time, event);
            for (int m = 0; m < methods.length; m++) {
                SurvivalQuantile q = fit.median(methods[m]);
                OptionalDouble[] actual = {q.time(), q.lower(), q.upper()};
                for (int j = 0; j < 3; j++) {
                    String expected = f[1 + 2 * n + 3 * m + j];
                    String where = methods[m] + " " + Arrays.toString(f);
                    if (expected.equals("NA")) {
                        assertThat(actual[j]).as(where).isEmpty();
                    } else {
                        assertThat(actual[j]).as(where).hasValue(Double.parseDouble(expected));
                    }
                }
            }
        }
    }

    @Test
    void fisherExactOnRandomTables() throws IOException {
        List<String[]> records = records("fisher-random-tables.txt");
        assertThat(records).hasSize(39);
        for (String[] f : records) {
            int r = Integer.parseInt(f[0]);
            int c = Integer.parseInt(f[1]);
            int[][] counts = new int[r][c];
            for (int j = 0; j < c; j++) {
                for (int i = 0; i < r; i++) {
                    counts[i][j] = Integer.parseInt(f[2 + j * r + i]);
                }
            }
            double expected = Double.parseDouble(f[2 + r * c]);
            double actual = ContingencyTable.of(counts).fisherExact().pValue();
            assertThat(actual).as(Arrays.toString(f)).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
    }
}
