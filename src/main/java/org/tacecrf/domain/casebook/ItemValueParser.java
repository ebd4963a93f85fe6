package org.tacecrf.domain.casebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tacecrf.domain.study.AlternativeUnit;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.CodeListItem;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.NumericRange;

/**
 * Turns what a nurse typed, an import cell or an API field into a stored value, by the item's
 * definition: type, precision, code list, unit conversion, hard range (refused) and soft range
 * (warned). The same rules for every entry path, so the form, the import and the API agree.
 * <p>
 * A decimal comma is refused with a message rather than guessed: "3,5" is 3.5 in much of Europe
 * and 35 in a thousands-grouped export, and a wrong guess would be a silent data error.
 */
public final class ItemValueParser {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    /** Year-first local forms: 2024/3/5, 2024.03.05, 2024年3月5日 (common in Chinese records). */
    private static final Pattern YEAR_FIRST_DATE = Pattern.compile("(\\d{4})\\s*[/.年]\\s*(\\d{1,2})\\s*[/.月]\\s*(\\d{1,2})\\s*日?");
    /** Day-first with dots, as in 05.03.2024 (unambiguous: dots are never month-first). */
    private static final Pattern DAY_FIRST_DOTS = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern SLASH_DAY_OR_MONTH_FIRST = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

    /** The date formats accepted everywhere, as documented in import templates. */
    public static final List<String> DATE_FORMATS = List.of("yyyy-mm-dd", "yyyy/m/d", "yyyy.m.d", "yyyy年m月d日", "dd.mm.yyyy");

    private final LocalDate today;
    private final LocalDateTime now;

    /**
     * @param today the server's date, against which future dates are refused (and date-times later
     *              than its last minute)
     */
    public ItemValueParser(LocalDate today) {
        this(today.atTime(LocalTime.MAX));
    }

    /** @param now the server's local time, against which future dates and date-times are refused */
    public ItemValueParser(LocalDateTime now) {
        this.today = now.toLocalDate();
        this.now = now;
    }

    /**
     * @param codeList the item's code list, or null when it has none
     * @param raw      the entered text; blank means empty
     * @param unit     the unit the value was entered in, or null for the canonical unit
     */
    public ParsedValue parse(ItemDef item, CodeList codeList, String raw, String unit) {
        if (raw == null || raw.isBlank()) {
            return ParsedValue.EMPTY;
        }
        String value = raw.strip();
        return switch (item.type()) {
            case INTEGER -> number(item, value, unit, true);
            case DECIMAL -> number(item, value, unit, false);
            case DATE -> date(value);
            case DATETIME -> dateTime(value);
            case TEXT -> text(item, value);
            case CHOICE, YES_NO -> choice(codeList, value);
            case MULTI_CHOICE -> multiChoice(codeList, value);
            case CALCULATED -> ParsedValue.refused(ValueProblem.error("value.error.calculated"));
        };
    }

    private ParsedValue number(ItemDef item, String value, String unit, boolean integer) {
        if (DECIMAL_COMMA.matcher(value).matches()) {
            return ParsedValue.refused(ValueProblem.error("value.error.decimalComma", value));
        }
        if (integer ? !INTEGER.matcher(value).matches() : !DECIMAL.matcher(value).matches()) {
            return ParsedValue.refused(ValueProblem.error(integer ? "value.error.integer" : "value.error.decimal", value));
        }
        BigDecimal entered = new BigDecimal(value);
        if (!integer && item.precision() != null && entered.stripTrailingZeros().scale() > item.precision()) {
            return ParsedValue.refused(ValueProblem.error("value.error.precision", item.precision()));
        }
        BigDecimal canonical = entered;
        String enteredValue = null;
        String enteredUnit = null;
        if (unit != null && !unit.isBlank() && item.unit() != null && !unit.equals(item.unit())) {
            Optional<AlternativeUnit> alternative = item.alternativeUnit(unit);
            if (alternative.isEmpty()) {
                return ParsedValue.refused(ValueProblem.error("value.error.unit", unit, item.unit()));
            }
            canonical = alternative.get().toCanonical(entered).round(MathContext.DECIMAL64).setScale(8, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            enteredValue = value;
            enteredUnit = unit;
        }
        List<ValueProblem> problems = new ArrayList<>();
        NumericRange hard = item.hardRange();
        if (!hard.contains(canonical)) {
            return ParsedValue.refused(ValueProblem.error("value.error.hardRange", bound(hard.min()), bound(hard.max()),
                    item.unit() == null ? "" : item.unit()));
        }
        NumericRange soft = item.softRange();
        if (!soft.contains(canonical)) {
            problems.add(ValueProblem.warning("value.warning.softRange", bound(soft.min()), bound(soft.max()),
                    item.unit() == null ? "" : item.unit()));
        }
        return new ParsedValue(null, canonical, null, enteredValue, enteredUnit, problems);
    }

    private static String bound(BigDecimal value) {
        return value == null ? "…" : value.stripTrailingZeros().toPlainString();
    }

    private ParsedValue date(String value) {
        Optional<LocalDate> date = parseDate(value);
        if (date.isEmpty()) {
            String key = SLASH_DAY_OR_MONTH_FIRST.matcher(value).matches() ? "value.error.ambiguousDate" : "value.error.date";
            return ParsedValue.refused(ValueProblem.error(key, value));
        }
        if (date.get().isAfter(today)) {
            return ParsedValue.refused(ValueProblem.error("value.error.futureDate", date.get().toString()));
        }
        if (date.get().getYear() < 1900) {
            return ParsedValue.refused(ValueProblem.error("value.error.date", value));
        }
        return new ParsedValue(null, null, date.get(), null, null, List.of());
    }

    private ParsedValue dateTime(String value) {
        Optional<LocalDateTime> parsed = DateTimes.parse(value);
        if (parsed.isEmpty()) {
            String key = SLASH_DAY_OR_MONTH_FIRST.matcher(value.split("[T ]")[0]).matches()
                    ? "value.error.ambiguousDate" : "value.error.dateTime";
            return ParsedValue.refused(ValueProblem.error(key, value));
        }
        LocalDateTime dateTime = parsed.get();
        if (dateTime.isAfter(now)) {
            return ParsedValue.refused(ValueProblem.error("value.error.futureDateTime", DateTimes.iso(dateTime)));
        }
        if (dateTime.getYear() < 1900) {
            return ParsedValue.refused(ValueProblem.error("value.error.dateTime", value));
        }
        return new ParsedValue(null, null, null, null, null, List.of(), dateTime);
    }

    /** Parses the accepted date formats; an unparseable or impossible date (30 February) gives empty. */
    public static Optional<LocalDate> parseDate(String value) {
        for (Pattern pattern : List.of(ISO_DATE, YEAR_FIRST_DATE)) {
            Matcher m = pattern.matcher(value.strip());
            if (m.matches()) {
                return of(m.group(1), m.group(2), m.group(3));
            }
        }
        Matcher m = DAY_FIRST_DOTS.matcher(value.strip());
        if (m.matches()) {
            return of(m.group(3), m.group(2), m.group(1));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> of(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ParsedValue text(ItemDef item, String value) {
        int max = item.maxLength() == null ? 4000 : Math.min(item.maxLength(), 4000);
        if (value.length() > max) {
            return ParsedValue.refused(ValueProblem.error("value.error.tooLong", max));
        }
        return new ParsedValue(value, null, null, null, null, List.of());
    }

    private static ParsedValue choice(CodeList codeList, String value) {
        Optional<String> code = resolveCode(codeList, value);
        if (code.isEmpty()) {
            return ParsedValue.refused(ValueProblem.error("value.error.code", value, codeList == null ? "" : String.join(", ", codeList.codes())));
        }
        return new ParsedValue(code.get(), null, null, null, null, List.of());
    }

    private static ParsedValue multiChoice(CodeList codeList, String value) {
        Set<String> codes = new LinkedHashSet<>();
        for (String part : value.split("[|;,]")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<String> code = resolveCode(codeList, part.strip());
            if (code.isEmpty()) {
                return ParsedValue.refused(ValueProblem.error("value.error.code", part.strip(),
                        codeList == null ? "" : String.join(", ", codeList.codes())));
            }
            codes.add(code.get());
        }
        if (codes.isEmpty()) {
            return ParsedValue.EMPTY;
        }
        // Stored in code-list order, so the same selection always has the same stored text.
        List<String> ordered = codeList.codes().stream().filter(codes::contains).toList();
        return new ParsedValue(String.join("|", ordered), null, null, null, null, List.of());
    }

    /** A code, or (for imports from spreadsheets) its exact English or Chinese label. */
    private static Optional<String> resolveCode(CodeList codeList, String value) {
        if (codeList == null) {
            return Optional.empty();
        }
        if (codeList.contains(value)) {
            return Optional.of(value);
        }
        for (CodeListItem item : codeList.items()) {
            if (item.label().en().equalsIgnoreCase(value) || item.label().chinese().map(value::equals).orElse(false)) {
                return Optional.of(item.code());
            }
        }
        return Optional.empty();
    }
}
