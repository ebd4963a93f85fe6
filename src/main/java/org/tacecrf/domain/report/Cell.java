package org.tacecrf.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One data cell: its typed value, the text it prints and the footnote markers attached to it.
 * <p>
 * Cells made with the factories carry no text yet ({@code text} is null); the {@link StudyTable} that
 * receives them formats them with its {@link Formats}, so every cell of a built table has its text. Use
 * {@link #withText(String)} only to override the printed text while keeping the numbers.
 */
public record Cell(CellValue value, String text, List<String> markers) {

    public Cell {
        Objects.requireNonNull(value, "value");
        markers = List.copyOf(markers);
        for (String m : markers) {
            if (m.isBlank()) {
                throw new IllegalArgumentException("A footnote marker must not be blank.");
            }
        }
    }

    public static Cell of(CellValue value) {
        return new Cell(value, null, List.of());
    }

    /** A count, "58". */
    public static Cell count(long n) {
        return of(new CellValue.Count(n));
    }

    /** A percentage on the 0-100 scale, "65.9". */
    public static Cell percent(double percent) {
        return of(new CellValue.Percent(percent));
    }

    /** "58 (65.9%)". */
    public static Cell countPercent(long count, long denominator) {
        return of(new CellValue.CountPercent(count, denominator));
    }

    /** "60.3 ± 14.0" with the table's default decimals. */
    public static Cell meanSd(double mean, double sd) {
        return meanSd(mean, sd, -1);
    }

    /** "5.18 ± 3.06" with the given decimals. */
    public static Cell meanSd(double mean, double sd, int decimals) {
        return of(new CellValue.MeanSd(mean, sd, decimals));
    }

    /** "12.0 (8.5-16.0)", median (IQR). */
    public static Cell medianIqr(double median, double q1, double q3, int decimals) {
        return of(new CellValue.MedianIqr(median, q1, q3, decimals));
    }

    /** "7 (3-14)", median (range). */
    public static Cell medianRange(double median, double min, double max, int decimals) {
        return of(new CellValue.MedianRange(median, min, max, decimals));
    }

    /** "0.45 (0.21-0.97)", a hazard or odds ratio with its confidence limits. */
    public static Cell estimate(double estimate, double lower, double upper) {
        return of(new CellValue.Estimate(estimate, lower, upper));
    }

    /** "9.0 (6.2-11.8)" or "not reached (14.2-NE)", a median survival time with its limits. */
    public static Cell medianSurvival(double median, double lower, double upper, int decimals) {
        return of(new CellValue.MedianSurvival(median, lower, upper, decimals));
    }

    /** A p-value, "0.012" or "&lt;0.001". */
    public static Cell p(double p) {
        return of(new CellValue.PValue(p));
    }

    /** Any other number with its decimals, e.g. a test statistic. */
    public static Cell number(double value, int decimals) {
        return of(new CellValue.Number(value, decimals));
    }

    public static Cell text(String text) {
        return of(new CellValue.Text(text));
    }

    /** The reference category of a regression variable, "Ref". */
    public static Cell reference() {
        return of(new CellValue.Reference());
    }

    public static Cell empty() {
        return of(new CellValue.Empty());
    }

    /** This cell with further footnote markers, e.g. {@code Cell.p(0.012).marked("a")}. */
    public Cell marked(String... more) {
        List<String> all = new ArrayList<>(markers);
        all.addAll(List.of(more));
        return new Cell(value, text, all);
    }

    /** This cell printing {@code override} instead of the formatted value; the numbers stay. */
    public Cell withText(String override) {
        return new Cell(value, Objects.requireNonNull(override), markers);
    }

    /** This cell with its text made by {@code formats}, unless it already has text. */
    public Cell formatted(Formats formats) {
        return text != null ? this : new Cell(value, value.format(formats), markers);
    }

    /** The text followed by Unicode superscript markers, for plain-text outputs. */
    public String textWithMarkers() {
        return Markers.append(text == null ? "" : text, markers);
    }
}
