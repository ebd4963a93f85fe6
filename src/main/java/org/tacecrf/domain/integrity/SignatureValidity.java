package org.tacecrf.domain.integrity;

import java.util.Optional;

/**
 * Whether a signature still applies, from two independent sources: its stored status (set to
 * invalidated by the application when signed data change, naming the item that broke it) and a
 * comparison of the content kept at signing with the data now. A signature marked valid whose
 * content no longer matches means data were changed around the application (e.g. directly in the
 * database): it is shown as broken too, naming the differing item.
 *
 * @param state        the outcome
 * @param breakingItem the item that broke the signature, when not valid
 */
public record SignatureValidity(State state, String breakingItem) {

    /** The outcome of a check. */
    public enum State {
        /** Marked valid and the data are exactly those signed. */
        VALID,
        /** Invalidated by a change made through the application. */
        INVALIDATED,
        /** Marked valid, but the data differ from those signed: changed outside the application. */
        CONTENT_CHANGED;

        /** Resource-bundle key of the state's display text. */
        public String messageKey() {
            return "signature.state." + name();
        }
    }

    public static SignatureValidity of(SignatureStatus stored, String invalidatedItem, SignedContent signed,
                                       SignedContent current) {
        if (stored == SignatureStatus.INVALIDATED) {
            return new SignatureValidity(State.INVALIDATED, invalidatedItem);
        }
        Optional<SignedContent.Difference> difference = signed.firstDifference(current);
        return difference.map(d -> new SignatureValidity(State.CONTENT_CHANGED, d.address()))
                .orElseGet(() -> new SignatureValidity(State.VALID, null));
    }

    public boolean valid() {
        return state == State.VALID;
    }
}
