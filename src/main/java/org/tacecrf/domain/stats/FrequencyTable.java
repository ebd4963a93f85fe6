package org.tacecrf.domain.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Counts and percentages of a categorical variable, as SPSS FREQUENCIES prints them: "Percent" is
 * relative to all cases including missing ones, "Valid Percent" to the non-missing cases, and the
 * cumulative percent accumulates valid percents in the order of the categories.
 *
 * @param rows    one row per category, in the requested order (categories without cases included)
 * @param valid   number of non-missing values
 * @param missing number of missing ({@code null}) values
 * @param <T>     type of the category values
 */
public record FrequencyTable<T>(List<Row<T>> rows, int valid, int missing) {

    /**
     * One category.
     *
     * @param value             the category
     * @param count             number of cases
     * @param percent           100 * count / (valid + missing)
     * @param validPercent      100 * count / valid
     * @param cumulativePercent running sum of valid percents up to this row
     */
    public record Row<T>(T value, int count, double percent, double validPercent, double cumulativePercent) {
    }

    public FrequencyTable {
        rows = List.copyOf(rows);
    }

    /** Total number of cases, missing included. */
    public int total() {
        return valid + missing;
    }

    /**
     * Counts the values in the given category order. Values not listed in {@code categories} are
     * appended after them in order of first appearance; {@code null} values are missing.
     */
    public static <T> FrequencyTable<T> of(Collection<? extends T> values, List<? extends T> categories) {
        Map<T, Integer> counts = new LinkedHashMap<>();
        for (T category : categories) {
            counts.put(Objects.requireNonNull(category, "A category cannot be null."), 0);
        }
        int missing = 0;
        for (T value : values) {
            if (value == null) {
                missing++;
            } else {
                counts.merge(value, 1, Integer::sum);
            }
        }
        int valid = values.size() - missing;
        int total = values.size();
        List<Row<T>> rows = new ArrayList<>();
        int cumulative = 0;
        for (Map.Entry<T, Integer> e : counts.entrySet()) {
            int count = e.getValue();
            cumulative += count;
            rows.add(new Row<>(e.getKey(), count, percent(count, total), percent(count, valid), percent(cumulative, valid)));
        }
        return new FrequencyTable<>(rows, valid, missing);
    }

    /** Counts the values with categories in their natural order. */
    public static <T extends Comparable<? super T>> FrequencyTable<T> of(Collection<? extends T> values) {
        TreeSet<T> categories = new TreeSet<>();
        for (T value : values) {
            if (value != null) {
                categories.add(value);
            }
        }
        return of(values, new ArrayList<>(categories));
    }

    private static double percent(int count, int of) {
        return of == 0 ? Double.NaN : 100.0 * count / of;
    }
}
