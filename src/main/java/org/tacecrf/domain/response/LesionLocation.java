package org.tacecrf.domain.response;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a lesion lies: an organ, the liver segment for intrahepatic lesions, the nodal station for
 * lymph nodes, and free-text detail (required to tell {@link Organ#OTHER} organs apart).
 *
 * @param organ        organ or site; {@link Organ#LYMPH_NODE} for every node
 * @param liverSegment Couinaud segment, only for {@link Organ#LIVER}; may be null
 * @param nodalStation station, only for {@link Organ#LYMPH_NODE}; may be null
 * @param detail       free text (e.g. "right lower lobe"); may be null
 */
public record LesionLocation(Organ organ, LiverSegment liverSegment, NodalStation nodalStation, String detail) {

    public LesionLocation {
        Objects.requireNonNull(organ, "organ");
        if (liverSegment != null && organ != Organ.LIVER) {
            throw new IllegalArgumentException("A liver segment is only given for liver lesions");
        }
        if (nodalStation != null && organ != Organ.LYMPH_NODE) {
            throw new IllegalArgumentException("A nodal station is only given for lymph nodes");
        }
    }

    /** An intrahepatic lesion in the given segment. */
    public static LesionLocation liver(LiverSegment segment) {
        return new LesionLocation(Organ.LIVER, segment, null, null);
    }

    /** A lymph node at the given station. */
    public static LesionLocation lymphNode(NodalStation station) {
        return new LesionLocation(Organ.LYMPH_NODE, null, station, null);
    }

    /** A lesion in another organ, with optional detail. */
    public static LesionLocation of(Organ organ, String detail) {
        return new LesionLocation(organ, null, null, detail);
    }

    /** True for lymph nodes, which are measured by their short axis. */
    public boolean lymphNode() {
        return organ == Organ.LYMPH_NODE;
    }

    /** True for lesions in the liver (not nodes at the porta hepatis). */
    public boolean intrahepatic() {
        return organ == Organ.LIVER;
    }

    /** True for a node at the porta hepatis. */
    public boolean portaHepatisNode() {
        return lymphNode() && nodalStation == NodalStation.PORTA_HEPATIS;
    }

    /**
     * Key for the per-organ target limit: all nodes share one key; {@link Organ#OTHER} organs are
     * told apart by their detail text.
     */
    public String organKey() {
        if (organ == Organ.OTHER) {
            String text = detail == null ? "" : detail.trim().toLowerCase(Locale.ROOT);
            return "OTHER:" + text;
        }
        return organ.name();
    }
}
