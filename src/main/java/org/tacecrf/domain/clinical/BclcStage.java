package org.tacecrf.domain.clinical;

import java.util.Optional;

/** Barcelona Clinic Liver Cancer stage. */
public enum BclcStage {
    /** Very early. */
    STAGE_0("0"),
    /** Early. */
    A("A"),
    /** Intermediate. */
    B("B"),
    /** Advanced. */
    C("C"),
    /** Terminal. */
    D("D");

    private final String label;

    BclcStage(String label) {
        this.label = label;
    }

    /** As written on forms: "0", "A", "B", "C", "D". */
    public String label() {
        return label;
    }

    public static Optional<BclcStage> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        for (BclcStage s : values()) {
            if (s.label.equalsIgnoreCase(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
