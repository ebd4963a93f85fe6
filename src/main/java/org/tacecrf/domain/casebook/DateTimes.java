package org.tacecrf.domain.casebook;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date-time item values: a local date and time to the minute, written ISO 8601 {@code yyyy-MM-ddTHH:mm}
 * (as in ODM {@code datetime} without a zone). Entry and import also take any accepted date form
 * ({@link ItemValueParser#DATE_FORMATS}) followed by a space or {@code T} and a 24-hour time
 * {@code H:mm} (seconds, as some systems write them, are dropped: the form records minutes), and the
 * Chinese form {@code 2024年3月5日 14时30分}.
 */
public final class DateTimes {

    /** The stored and exported form. */
    public static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** The formats accepted everywhere, as documented in import templates. */
    public static final List<String> FORMATS = List.of("yyyy-mm-ddThh:mm", "yyyy-mm-dd hh:mm", "yyyy/m/d h:mm",
            "dd.mm.yyyy hh:mm", "yyyy年m月d日 h时m分");

    private static final Pattern DATE_AND_TIME =
            Pattern.compile("(.+?)(?:[T ]\\s*|(?<=日)\\s*)(\\d{1,2})(?::|时)(\\d{1,2})(?::(\\d{2})(?:\\.\\d+)?)?分?");

    private DateTimes() {
    }

    /** {@code yyyy-MM-ddTHH:mm}. */
    public static String iso(LocalDateTime value) {
        return ISO.format(value);
    }

    /** Parses the accepted forms; an unparseable or impossible value (30 February, 25:00) gives empty. */
    public static Optional<LocalDateTime> parse(String value) {
        Matcher m = DATE_AND_TIME.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = ItemValueParser.parseDate(m.group(1).strip());
        if (date.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Optional.of(LocalDateTime.of(date.get(), time).truncatedTo(ChronoUnit.MINUTES));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
