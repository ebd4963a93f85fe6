package org.tacecrf.domain.response;

/**
 * Which recorded value counts for a target lesion under each criteria, and when a lesion counts as
 * gone (clinical rules 1.3, 1.5).
 */
final class LesionMeasures {

    private LesionMeasures() {
    }

    /**
     * The value summed for a target: the short axis for nodes (both criteria); otherwise the LD
     * (RECIST 1.1) or the viable LD (mRECIST). A lesion recorded as gone (LD 0) has no viable tumour
     * either. Null when the needed value was not recorded.
     */
    static Diameter counted(Criteria criteria, boolean node, Diameter longest, Diameter shortAxis, Diameter viable) {
        if (node) {
            return shortAxis;
        }
        if (criteria == Criteria.RECIST_1_1) {
            return longest;
        }
        if (viable != null) {
            return viable;
        }
        return longest != null && longest.isZero() ? Diameter.ZERO : null;
    }

    static Diameter counted(Criteria criteria, BaselineLesion lesion) {
        return counted(criteria, lesion.lymphNode(), lesion.longestDiameter(), lesion.shortAxis(), lesion.viableDiameter());
    }

    static Diameter counted(Criteria criteria, BaselineLesion lesion, TargetMeasurement m) {
        if (m == null || !m.assessed()) {
            return null;
        }
        return counted(criteria, lesion.lymphNode(), m.longestDiameter(), m.shortAxis(), m.viableDiameter());
    }

    /**
     * Short axis below which a node is normal: 10 mm; under mRECIST a porta hepatis node is
     * malignant only from {@link ResponseParameters#minPortaHepatisNodeMm()}.
     */
    static double normalNodeThresholdMm(Criteria criteria, ResponseParameters p, LesionLocation location) {
        return criteria == Criteria.MRECIST && location.portaHepatisNode()
                ? p.minPortaHepatisNodeMm()
                : SelectionRules.NORMAL_NODE_SHORT_AXIS_MM;
    }

    /**
     * True when a target is compatible with complete response: a non-nodal target at 0 mm (no
     * viable tumour under mRECIST), a node below the normal threshold.
     */
    static boolean gone(Criteria criteria, ResponseParameters p, BaselineLesion lesion, Diameter value) {
        return lesion.lymphNode()
                ? value.mm() < normalNodeThresholdMm(criteria, p, lesion.location())
                : value.isZero();
    }
}
