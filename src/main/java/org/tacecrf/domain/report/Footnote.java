package org.tacecrf.domain.report;

import java.util.List;
import java.util.Objects;

/**
 * A footnote under a table. With a marker ("a") it explains the cells carrying that marker, typically
 * the test behind a p-value ("Pearson chi-square without continuity correction"); with an empty marker
 * it is a general note such as the abbreviations.
 */
public record Footnote(String marker, String text) {

    public Footnote {
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(text, "text");
        marker = marker.strip();
    }

    public static Footnote note(String text) {
        return new Footnote("", text);
    }

    public boolean hasMarker() {
        return !marker.isEmpty();
    }

    /** "ᵃ Pearson chi-square ..." for plain-text outputs. */
    public String plainText() {
        return hasMarker() ? Markers.superscript(List.of(marker)) + " " + text : text;
    }
}
