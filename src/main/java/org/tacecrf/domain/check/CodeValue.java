package org.tacecrf.domain.check;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The coded value of a choice item (for example ECOG "1", Child-Pugh class "A", drug "EPI").
 * A code equals a text with the same characters. A numeric code (such as a QLQ-C30 answer 1-4)
 * also takes part in numeric comparison and arithmetic.
 */
public record CodeValue(String code) implements Value {

    public CodeValue {
        Objects.requireNonNull(code, "code");
    }

    @Override
    public ValueType type() {
        return ValueType.CODE;
    }

    @Override
    public String display() {
        return code;
    }

    /** The code as a number, or null when the code is not a plain decimal number. */
    public BigDecimal numeric() {
        return parseDecimal(code);
    }

    static BigDecimal parseDecimal(String text) {
        int n = text.length();
        if (n == 0 || n > 40) {
            return null;
        }
        int digits = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!(c == '.' || (c == '-' && i == 0))) {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "'" + code + "'";
    }
}
