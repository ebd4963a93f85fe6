package org.tacecrf.domain.qol;

import java.util.List;

/**
 * The 15 scores of the EORTC QLQ-C30 version 3.0 (Scoring Manual, 3rd edition, 2001) with the
 * items (1-30) of each scale. Items 1-28 are scored 1-4 (range 3), items 29-30 1-7 (range 6).
 */
public enum QlqC30Scale {
    GLOBAL_HEALTH_STATUS("QL2", "Global health status / QoL", Type.GLOBAL_HEALTH_STATUS, 29, 30),
    PHYSICAL_FUNCTIONING("PF2", "Physical functioning", Type.FUNCTIONAL, 1, 2, 3, 4, 5),
    ROLE_FUNCTIONING("RF2", "Role functioning", Type.FUNCTIONAL, 6, 7),
    EMOTIONAL_FUNCTIONING("EF", "Emotional functioning", Type.FUNCTIONAL, 21, 22, 23, 24),
    COGNITIVE_FUNCTIONING("CF", "Cognitive functioning", Type.FUNCTIONAL, 20, 25),
    SOCIAL_FUNCTIONING("SF", "Social functioning", Type.FUNCTIONAL, 26, 27),
    FATIGUE("FA", "Fatigue", Type.SYMPTOM, 10, 12, 18),
    NAUSEA_AND_VOMITING("NV", "Nausea and vomiting", Type.SYMPTOM, 14, 15),
    PAIN("PA", "Pain", Type.SYMPTOM, 9, 19),
    DYSPNOEA("DY", "Dyspnoea", Type.SINGLE_ITEM, 8),
    INSOMNIA("SL", "Insomnia", Type.SINGLE_ITEM, 11),
    APPETITE_LOSS("AP", "Appetite loss", Type.SINGLE_ITEM, 13),
    CONSTIPATION("CO", "Constipation", Type.SINGLE_ITEM, 16),
    DIARRHOEA("DI", "Diarrhoea", Type.SINGLE_ITEM, 17),
    FINANCIAL_DIFFICULTIES("FI", "Financial difficulties", Type.SINGLE_ITEM, 28);

    /** Kind of scale, which decides the direction of the linear transformation. */
    public enum Type {
        /** Higher score = better quality of life; {@code S = (RS - 1) / range × 100}. */
        GLOBAL_HEALTH_STATUS,
        /** Higher score = better functioning; {@code S = (1 - (RS - 1) / range) × 100}. */
        FUNCTIONAL,
        /** Higher score = more symptoms; {@code S = (RS - 1) / range × 100}. */
        SYMPTOM,
        /** A one-item symptom scale, transformed like {@link #SYMPTOM}. */
        SINGLE_ITEM
    }

    private final String code;
    private final String label;
    private final Type type;
    private final List<Integer> items;

    QlqC30Scale(String code, String label, Type type, Integer... items) {
        this.code = code;
        this.label = label;
        this.type = type;
        this.items = List.of(items);
    }

    /** Scale code of the scoring manual, e.g. "PF2". */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    /** Item numbers (1-30) of the scale. */
    public List<Integer> items() {
        return items;
    }

    /** Highest minus lowest possible response of the scale's items: 3, or 6 for global health. */
    public int range() {
        return type == Type.GLOBAL_HEALTH_STATUS ? 6 : 3;
    }

    /** Answered items needed: at least half of the scale's items. */
    public int minimumAnswered() {
        return (items.size() + 1) / 2;
    }
}
