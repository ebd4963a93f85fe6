package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Public reference data sets exported from R (see the header of each CSV) and the tolerance checks
 * shared by the tests.
 */
final class Fixtures {

    /** Relative tolerance for estimates compared with R output printed to 15 significant digits. */
    static final double ESTIMATE = 1e-6;
    /** Relative tolerance for p-values. */
    static final double P_VALUE = 1e-4;

    private Fixtures() {
    }

    /** A data set as named columns; "NA" becomes {@code NaN} (numbers) or {@code null} (text). */
    record Table(List<String> header, List<Map<String, String>> rows) {

        double[] numbers(String column) {
            return rows.stream().mapToDouble(r -> {
                String v = r.get(column);
                return v == null || v.equals("NA") ? Double.NaN : Double.parseDouble(v);
            }).toArray();
        }

        String[] texts(String column) {
            return rows.stream().map(r -> {
                String v = r.get(column);
                return v == null || v.equals("NA") ? null : v;
            }).toArray(String[]::new);
        }

        /** Numbers of the rows whose value in another column passes the filter. */
        double[] numbersWhere(String column, String filterColumn, Predicate<String> filter) {
            return rows.stream().filter(r -> filter.test(r.get(filterColumn))).mapToDouble(r -> {
                String v = r.get(column);
                return v.equals("NA") ? Double.NaN : Double.parseDouble(v);
            }).toArray();
        }
    }

    /** survival::lung (228 patients, status 2 = dead). */
    static Table lung() {
        return load("lung.csv");
    }

    /** survival::veteran (137 patients, status 1 = dead). */
    static Table veteran() {
        return load("veteran.csv");
    }

    static boolean[] events(double[] status, double eventCode) {
        boolean[] e = new boolean[status.length];
        for (int i = 0; i < status.length; i++) {
            e[i] = status[i] == eventCode;
        }
        return e;
    }

    /** A CSV fixture of this package by file name. */
    static Table load(String name) {
        try (Reader reader = new InputStreamReader(Fixtures.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .get();
            List<Map<String, String>> rows = new ArrayList<>();
            List<String> header;
            try (var parser = format.parse(reader)) {
                header = parser.getHeaderNames();
                for (CSVRecord record : parser) {
                    rows.add(record.toMap());
                }
            }
            return new Table(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts {@code |actual - expected| <= tolerance * |expected|} (absolute when expected is 0). */
    static void close(double actual, double expected, double tolerance) {
        double allowed = expected == 0 ? tolerance : tolerance * Math.abs(expected);
        assertThat(actual).as("expected %s", expected).isCloseTo(expected, org.assertj.core.data.Offset.offset(allowed));
    }

    static void close(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            close(actual[i], expected[i], tolerance);
        }
    }
}
