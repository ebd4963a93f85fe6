package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.clinical.LabUnit;
import org.tacecrf.domain.clinical.Measurement;
import org.tacecrf.domain.study.DataType;
import org.tacecrf.domain.study.ItemDef;

/** Rounding of derived numbers to the item's precision, and lab values as entered. */
final class Numbers {

    private Numbers() {
    }

    /**
     * The value rounded half-up (away from zero on a tie, as clinical rounding does) to the item's
     * decimal places; an integer item without precision is rounded to a whole number.
     */
    static BigDecimal round(BigDecimal value, ItemDef item) {
        if (item.precision() != null) {
            return value.setScale(item.precision(), RoundingMode.HALF_UP);
        }
        if (item.dataType() == DataType.INTEGER) {
            return value.setScale(0, RoundingMode.HALF_UP);
        }
        return value;
    }

    static StoredValue stored(BigDecimal value, ItemDef item) {
        return StoredValue.number(round(value, item));
    }

    /**
     * A lab value as it was entered: the entered value and unit when it was entered in an
     * alternative unit (the Child-Pugh table has cut-offs printed per unit), otherwise the stored
     * number in the item's canonical unit. Empty when the unit is not a known laboratory unit.
     */
    static Optional<Measurement> asEntered(StoredValue value, ItemDef item) {
        if (value.number() == null) {
            return Optional.empty();
        }
        if (value.enteredUnit() != null && value.enteredValue() != null) {
            Optional<LabUnit> unit = LabUnit.fromSymbol(value.enteredUnit());
            if (unit.isPresent()) {
                try {
                    return Optional.of(new Measurement(new BigDecimal(value.enteredValue().strip()), unit.get()));
                } catch (NumberFormatException e) {
                    // Fall back to the canonical value, which is always consistent with the entry.
                }
            }
        }
        return LabUnit.fromSymbol(item.unit()).map(u -> new Measurement(value.number(), u));
    }
}
