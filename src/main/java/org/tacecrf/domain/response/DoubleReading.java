package org.tacecrf.domain.response;

/**
 * Independent double reading with adjudication (seed study 003: two radiologists read every scan;
 * a third decides when they disagree).
 * <p>
 * Both readers agree: their response is the analysed result. They disagree: the adjudicator's
 * reading decides; until it is recorded, adjudication is needed and there is no result. A missing
 * reader's response means the reading is incomplete.
 */
public final class DoubleReading {

    /** Where the reading stands. */
    public enum Status {
        AWAITING_READERS, AGREED, ADJUDICATION_NEEDED, ADJUDICATED
    }

    /**
     * @param analysed           response used for analysis; null until available
     * @param status             where the reading stands
     */
    public record Outcome(Response analysed, Status status) {

        /** True when the readers disagree and no adjudicator reading is recorded yet. */
        public boolean adjudicationNeeded() {
            return status == Status.ADJUDICATION_NEEDED;
        }
    }

    private DoubleReading() {
    }

    /**
     * @param reader1     first reader's overall response; null when not yet read
     * @param reader2     second reader's overall response; null when not yet read
     * @param adjudicator adjudicator's response; used only when the readers disagree
     */
    public static Outcome resolve(Response reader1, Response reader2, Response adjudicator) {
        if (reader1 == null || reader2 == null) {
            return new Outcome(null, Status.AWAITING_READERS);
        }
        if (reader1 == reader2) {
            return new Outcome(reader1, Status.AGREED);
        }
        return adjudicator == null
                ? new Outcome(null, Status.ADJUDICATION_NEEDED)
                : new Outcome(adjudicator, Status.ADJUDICATED);
    }
}
