package org.tacecrf.domain.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a table rests on, printed under its title: the analysis population, its size, the data cut-off
 * date and the methods. Each part may be null when it does not apply. Dates are written ISO 8601
 * (2024-03-31), which no reader misreads.
 */
public record TableNote(String population, Integer n, LocalDate dataCutOff, String methods) {

    /** "Intention-to-treat population (N = 88); data cut-off 2024-03-31. Methods ...", or "". */
    public String text() {
        List<String> parts = new ArrayList<>();
        String who = population == null || population.isBlank() ? "" : population.strip();
        if (n != null) {
            who = who.isEmpty() ? "N = " + n : who + " (N = " + n + ")";
        }
        if (!who.isEmpty()) {
            parts.add(who);
        }
        if (dataCutOff != null) {
            parts.add("data cut-off " + dataCutOff);
        }
        String text = String.join("; ", parts);
        if (!text.isEmpty()) {
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
        }
        if (methods != null && !methods.isBlank()) {
            text = text.isEmpty() ? methods.strip() : text + " " + methods.strip();
        }
        return text;
    }

    public boolean isEmpty() {
        return text().isEmpty();
    }
}
