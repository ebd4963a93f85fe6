package org.tacecrf.domain.study;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One data item of a form (ODM {@code ItemDef}). Ids are stable snake_case names: calculators,
 * analysis and the REST API bind to them.
 *
 * @param id                item id, unique within its form
 * @param label             question text
 * @param type              how the value is entered
 * @param precision         decimal places: required for {@link ItemType#DECIMAL}, optional for
 *                          calculated numbers, otherwise null
 * @param maxLength         maximum length for {@link ItemType#TEXT}, otherwise null
 * @param codeListId        code list of a coded item (CHOICE, MULTI_CHOICE, YES_NO, or a calculated
 *                          item whose value is a code), otherwise null
 * @param unit              canonical unit of a numeric item, or null
 * @param alternativeUnits  other units the value may be entered in, converted to {@code unit}
 * @param hardRange         values outside are refused ({@link NumericRange#UNBOUNDED} when none)
 * @param softRange         values outside are accepted with a warning (UNBOUNDED when none)
 * @param required          whether the item must be filled for the form to be complete
 * @param help              completion guidance, or null
 * @param cdash             CDASH collection variable (e.g. {@code SEX}, {@code AETERM}), or null
 * @param testCode          test code for findings domains (e.g. {@code ALB}, {@code SYSBP}), or null
 * @param identifying       a direct identifier of the subject, left out of exports by default
 * @param calculation       how a calculated item is computed, otherwise null
 * @param visibleWhen       condition under which the item is shown and may be entered, or null
 * @param origin            library or study
 * @param location          where the item was defined
 */
public record ItemDef(String id, LocalizedText label, ItemType type, Integer precision, Integer maxLength,
                      String codeListId, String unit, List<AlternativeUnit> alternativeUnits,
                      NumericRange hardRange, NumericRange softRange, boolean required, LocalizedText help,
                      String cdash, String testCode, boolean identifying, Calculation calculation,
                      Expression visibleWhen, Origin origin, SourceLocation location) {

    public ItemDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        alternativeUnits = List.copyOf(alternativeUnits);
        Objects.requireNonNull(hardRange, "hardRange");
        Objects.requireNonNull(softRange, "softRange");
        Objects.requireNonNull(origin, "origin");
        if ((type == ItemType.CALCULATED) != (calculation != null)) {
            throw new IllegalArgumentException("item " + id + ": a calculation is given exactly for calculated items");
        }
    }

    /** Storage type of the value (ODM {@code DataType}); multiple choices are stored as text. */
    public DataType dataType() {
        return dataType(type, calculation);
    }

    /** The storage type of an item of this type; a calculated item's is its calculation's result type. */
    static DataType dataType(ItemType type, Calculation calculation) {
        return switch (type) {
            case INTEGER -> DataType.INTEGER;
            case DECIMAL -> DataType.FLOAT;
            case DATE -> DataType.DATE;
            case DATETIME -> DataType.DATETIME;
            case TEXT, CHOICE, MULTI_CHOICE, YES_NO -> DataType.TEXT;
            case CALCULATED -> calculation.resultType();
        };
    }

    /** Whether the value is a number (entered or calculated). */
    public boolean numeric() {
        return dataType().numeric();
    }

    public boolean calculated() {
        return type == ItemType.CALCULATED;
    }

    public Optional<String> codeList() {
        return Optional.ofNullable(codeListId);
    }

    public Optional<AlternativeUnit> alternativeUnit(String unitName) {
        return alternativeUnits.stream().filter(u -> u.unit().equals(unitName)).findFirst();
    }

    /**
     * A copy with the study's overrides applied; null arguments keep the current value. Used when a
     * study tightens a built-in item.
     */
    ItemDef overridden(LocalizedText newLabel, LocalizedText newHelp, Boolean newRequired,
                       NumericRange newHard, NumericRange newSoft) {
        return new ItemDef(id, newLabel != null ? newLabel : label, type, precision, maxLength, codeListId, unit,
                alternativeUnits, newHard != null ? newHard : hardRange, newSoft != null ? newSoft : softRange,
                newRequired != null ? newRequired : required, newHelp != null ? newHelp : help, cdash, testCode,
                identifying, calculation, visibleWhen, origin, location);
    }
}
