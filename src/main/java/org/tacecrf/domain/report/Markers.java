package org.tacecrf.domain.report;

import java.util.List;

/**
 * Footnote markers written into plain text (CSV, spreadsheet cells), where no superscript markup
 * exists: as Unicode superscript letters and digits ("0.012ᵃ"), or in brackets ("[q]") when a marker
 * has a character without a superscript form. HTML and PDF use real superscripts instead.
 */
public final class Markers {

    private static final String LETTERS = "abcdefghijklmnoprstuvwxyz";
    private static final String SUPER_LETTERS = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ";
    private static final String DIGITS = "0123456789";
    private static final String SUPER_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    /** Symbols conventionally used as markers that already read as superscripts. */
    private static final String SYMBOLS = "*†‡§¶#";

    private Markers() {
    }

    /** The markers as one superscript string, e.g. [a, b] gives "ᵃᵇ"; empty list gives "". */
    public static String superscript(List<String> markers) {
        StringBuilder out = new StringBuilder();
        for (String marker : markers) {
            String sup = superscript(marker);
            out.append(sup == null ? "[" + marker + "]" : sup);
        }
        return out.toString();
    }

    /** Text followed by its markers in superscript. */
    public static String append(String text, List<String> markers) {
        return markers.isEmpty() ? text : text + superscript(markers);
    }

    private static String superscript(String marker) {
        StringBuilder out = new StringBuilder();
        for (char c : marker.toCharArray()) {
            int letter = LETTERS.indexOf(Character.toLowerCase(c));
            int digit = DIGITS.indexOf(c);
            if (letter >= 0) {
                out.append(SUPER_LETTERS.charAt(letter));
            } else if (digit >= 0) {
                out.append(SUPER_DIGITS.charAt(digit));
            } else if (SYMBOLS.indexOf(c) >= 0) {
                out.append(c);
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
