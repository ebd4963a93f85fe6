package org.tacecrf.domain.ctcae;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The codes of the form library's {@code ctcae_term} code list (what the adverse-event form stores)
 * and the CTCAE v5.0 catalogue terms they stand for, so that the form can show a term's grade
 * definitions and accept only the grades the term defines.
 * <p>
 * {@code OTHER} ("other term, specify") and codes a study adds to the list have no catalogue term:
 * any grade 1-5 is accepted for them, with the CTCAE general grade definitions.
 */
public final class CtcaeCodeList {

    /** Id of the code list in the form library. */
    public static final String LIST_ID = "ctcae_term";

    private static final Map<String, CtcaeTerm> TERMS = build();

    private CtcaeCodeList() {
    }

    private static Map<String, CtcaeTerm> build() {
        Map<String, CtcaeTerm> m = new LinkedHashMap<>();
        m.put("ALT_INCREASED", CtcaeV5.ALT_INCREASED);
        m.put("AST_INCREASED", CtcaeV5.AST_INCREASED);
        m.put("BILIRUBIN_INCREASED", CtcaeV5.BLOOD_BILIRUBIN_INCREASED);
        m.put("ALP_INCREASED", CtcaeV5.ALKALINE_PHOSPHATASE_INCREASED);
        m.put("GGT_INCREASED", CtcaeV5.GGT_INCREASED);
        m.put("HYPOALBUMINEMIA", CtcaeV5.HYPOALBUMINEMIA);
        m.put("WBC_DECREASED", CtcaeV5.WHITE_BLOOD_CELL_DECREASED);
        m.put("NEUTROPHIL_DECREASED", CtcaeV5.NEUTROPHIL_COUNT_DECREASED);
        m.put("PLATELET_DECREASED", CtcaeV5.PLATELET_COUNT_DECREASED);
        m.put("ANEMIA", CtcaeV5.ANEMIA);
        m.put("CREATININE_INCREASED", CtcaeV5.CREATININE_INCREASED);
        m.put("INR_INCREASED", CtcaeV5.INR_INCREASED);
        m.put("FEVER", CtcaeV5.FEVER);
        m.put("ABDOMINAL_PAIN", CtcaeV5.ABDOMINAL_PAIN);
        m.put("NAUSEA", CtcaeV5.NAUSEA);
        m.put("VOMITING", CtcaeV5.VOMITING);
        m.put("FATIGUE", CtcaeV5.FATIGUE);
        m.put("ANOREXIA", CtcaeV5.ANOREXIA);
        m.put("DIARRHEA", CtcaeV5.DIARRHEA);
        m.put("CONSTIPATION", CtcaeV5.CONSTIPATION);
        m.put("HYPERTENSION", CtcaeV5.HYPERTENSION);
        m.put("HAND_FOOT", CtcaeV5.PALMAR_PLANTAR_ERYTHRODYSESTHESIA);
        m.put("RASH_MACULOPAPULAR", CtcaeV5.RASH_MACULO_PAPULAR);
        m.put("RASH_ACNEIFORM", CtcaeV5.RASH_ACNEIFORM);
        m.put("HEPATIC_FAILURE", CtcaeV5.HEPATIC_FAILURE);
        m.put("HEPATIC_INFECTION", CtcaeV5.HEPATIC_INFECTION);
        m.put("BILIARY_FISTULA", CtcaeV5.BILIARY_FISTULA);
        m.put("PNEUMOTHORAX", CtcaeV5.PNEUMOTHORAX);
        m.put("ALLERGIC_REACTION", CtcaeV5.ALLERGIC_REACTION);
        m.put("VASOVAGAL_REACTION", CtcaeV5.VASOVAGAL_REACTION);
        m.put("HEMATOMA", CtcaeV5.HEMATOMA);
        m.put("THROMBOEMBOLIC_EVENT", CtcaeV5.THROMBOEMBOLIC_EVENT);
        m.put("STROKE", CtcaeV5.STROKE);
        m.put("HEPATOBILIARY_OTHER", CtcaeV5.otherSpecify(Soc.HEPATOBILIARY));
        m.put("GENERAL_OTHER", CtcaeV5.otherSpecify(Soc.GENERAL));
        return Collections.unmodifiableMap(m);
    }

    /** The catalogue term of a stored code; empty for {@code OTHER} and codes outside the library. */
    public static Optional<CtcaeTerm> term(String code) {
        return Optional.ofNullable(code == null ? null : TERMS.get(code));
    }

    /** The stored code of a catalogue term, when the library's list offers it. */
    public static Optional<String> code(CtcaeTerm term) {
        return TERMS.entrySet().stream().filter(e -> e.getValue().equals(term)).map(Map.Entry::getKey).findFirst();
    }

    /** Whether a grade may be recorded for a stored term code (any grade 1-5 for a code without catalogue term). */
    public static boolean allows(String code, int grade) {
        return term(code).map(t -> t.allows(grade)).orElse(grade >= 1 && grade <= 5);
    }

    /** The definition shown for a grade of a stored term code: the term's own, or the general one. */
    public static Optional<GradeDefinition> definition(String code, int grade) {
        Optional<CtcaeTerm> term = term(code);
        if (term.isPresent()) {
            return term.get().definition(grade);
        }
        return grade >= 1 && grade <= 5 ? Optional.of(CtcaeV5.generalDefinition(grade)) : Optional.empty();
    }
}
