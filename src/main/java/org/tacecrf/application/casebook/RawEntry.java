package org.tacecrf.application.casebook;

/** A value as entered at a form, in an import cell or an API field, with the unit chosen (or null). */
public record RawEntry(String text, String unit) {

    public static RawEntry of(String text) {
        return new RawEntry(text, null);
    }

    public boolean isBlank() {
        return text == null || text.isBlank();
    }
}
