package org.tacecrf.domain.casebook.reading;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seat a person holds in a study's blinded independent central review (seed 003): one of the
 * two independent readers, or the adjudicator who decides when they disagree. The codes are those of
 * the {@code reader} code list that each imaging assessment names.
 */
public enum ReaderSlot {
    READER_1("R1"),
    READER_2("R2"),
    ADJUDICATOR("ADJ");

    private final String code;

    ReaderSlot(String code) {
        this.code = code;
    }

    /** The reader code an assessment of this slot carries. */
    public String code() {
        return code;
    }

    /** An independent reader, blinded to the other reader. */
    public boolean isReader() {
        return this != ADJUDICATOR;
    }

    public static Optional<ReaderSlot> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** Resource-bundle key of the slot's display name. */
    public String messageKey() {
        return "readerSlot." + name();
    }
}
