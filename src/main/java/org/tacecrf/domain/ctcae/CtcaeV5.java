package org.tacecrf.domain.ctcae;

import static org.tacecrf.domain.ctcae.GradeDefinition.TextSource.GENERAL_DEFINITION;
import static org.tacecrf.domain.ctcae.GradeDefinition.TextSource.TERM_SPECIFIC;
import static org.tacecrf.domain.ctcae.GradeDefinition.TextSource.TERM_SPECIFIC_TO_VERIFY;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catalogue of the NCI CTCAE v5.0 terms (published 27 Nov 2017) that TACE studies report, with
 * the "&lt;SOC&gt; - Other, specify" entries for every system organ class listed in {@link Soc}.
 * <p>
 * Grade texts are paraphrased from the study's clinical rules (section 3). Terms whose specific
 * wording is not in those rules (e.g. stroke, cholecystitis, hiccups) carry the CTCAE general
 * grade definitions, marked {@link GradeDefinition.TextSource#GENERAL_DEFINITION}, restricted
 * to the grades the term defines in CTCAE v5.0. A study must not mix CTCAE versions; v6.0 (2025)
 * renames or removes several of these terms.
 */
public final class CtcaeV5 {

    public static final String VERSION = "5.0";

    // General disorders
    public static final CtcaeTerm FEVER = term("fever", "Fever", "发热", Soc.GENERAL,
            t(1, "38.0-39.0 °C (100.4-102.2 °F)"),
            t(2, "> 39.0-40.0 °C (102.3-104.0 °F)"),
            t(3, "> 40.0 °C for 24 hours or less"),
            t(4, "> 40.0 °C for more than 24 hours"),
            t(5, "Death"));
    public static final CtcaeTerm FATIGUE = term("fatigue", "Fatigue", "乏力", Soc.GENERAL,
            t(1, "Relieved by rest"),
            t(2, "Not relieved by rest; limits instrumental ADL"),
            t(3, "Not relieved by rest; limits self-care ADL"));
    public static final CtcaeTerm PAIN = generalTerm("pain", "Pain", "疼痛", Soc.GENERAL, 1, 3);

    // Gastrointestinal disorders
    public static final CtcaeTerm ABDOMINAL_PAIN = term("abdominal-pain", "Abdominal pain", "腹痛", Soc.GASTROINTESTINAL,
            t(1, "Mild pain"),
            t(2, "Moderate pain; limits instrumental ADL"),
            t(3, "Severe pain; limits self-care ADL"));
    public static final CtcaeTerm NAUSEA = term("nausea", "Nausea", "恶心", Soc.GASTROINTESTINAL,
            t(1, "Loss of appetite without change in eating habits"),
            t(2, "Oral intake reduced without significant weight loss, dehydration or malnutrition"),
            t(3, "Inadequate oral caloric or fluid intake; tube feeding, TPN or hospitalisation indicated"));
    public static final CtcaeTerm VOMITING = term("vomiting", "Vomiting", "呕吐", Soc.GASTROINTESTINAL,
            t(1, "No intervention indicated"),
            t(2, "Outpatient IV hydration; medical intervention indicated"),
            t(3, "Tube feeding, TPN or hospitalisation indicated"),
            t(4, "Life-threatening consequences"),
            t(5, "Death"));
    public static final CtcaeTerm DIARRHEA = term("diarrhea", "Diarrhea", "腹泻", Soc.GASTROINTESTINAL,
            t(1, "Increase of fewer than 4 stools a day over baseline; mild increase in ostomy output"),
            t(2, "Increase of 4-6 stools a day over baseline; moderate increase in ostomy output; limits instrumental ADL"),
            t(3, "Increase of 7 or more stools a day over baseline; hospitalisation indicated; severe increase in"
                    + " ostomy output; limits self-care ADL"),
            t(4, "Life-threatening consequences; urgent intervention indicated"),
            t(5, "Death"));
    public static final CtcaeTerm CONSTIPATION = generalTerm("constipation", "Constipation", "便秘",
            Soc.GASTROINTESTINAL, 1, 5);
    public static final CtcaeTerm GASTRIC_ULCER = generalTerm("gastric-ulcer", "Gastric ulcer", "胃溃疡",
            Soc.GASTROINTESTINAL, 1, 5);
    public static final CtcaeTerm UPPER_GI_HEMORRHAGE = generalTerm("upper-gi-hemorrhage",
            "Upper gastrointestinal hemorrhage", "上消化道出血", Soc.GASTROINTESTINAL, 1, 5);
    public static final CtcaeTerm ASCITES = generalTerm("ascites", "Ascites", "腹水", Soc.GASTROINTESTINAL, 1, 5);

    // Metabolism and nutrition
    public static final CtcaeTerm ANOREXIA = term("anorexia", "Anorexia", "厌食", Soc.METABOLISM,
            t(1, "Loss of appetite without change in eating habits"),
            t(2, "Oral intake altered without significant weight loss or malnutrition; oral nutritional supplements"
                    + " indicated"),
            t(3, "Significant weight loss or malnutrition (e.g. inadequate oral caloric and/or fluid intake); tube"
                    + " feeding or TPN indicated"),
            t(4, "Life-threatening consequences; urgent intervention indicated"),
            t(5, "Death"));
    public static final CtcaeTerm HYPOALBUMINEMIA = term("hypoalbuminemia", "Hypoalbuminemia", "低白蛋白血症",
            Soc.METABOLISM,
            t(1, "< LLN-30 g/L (< LLN-3 g/dL)"),
            t(2, "< 30-20 g/L (< 3-2 g/dL)"),
            t(3, "< 20 g/L (< 2 g/dL)"),
            t(4, "Life-threatening consequences; urgent intervention indicated"),
            t(5, "Death"));

    // Vascular
    public static final CtcaeTerm HYPERTENSION = term("hypertension", "Hypertension", "高血压", Soc.VASCULAR,
            t(1, "Systolic 120-139 mmHg or diastolic 80-89 mmHg"),
            t(2, "Systolic 140-159 mmHg or diastolic 90-99 mmHg if previously normal; change in baseline medical"
                    + " intervention indicated; recurrent or persistent (24 hours or more); symptomatic rise of more"
                    + " than 20 mmHg diastolic or to above 140/90; monotherapy indicated"),
            t(3, "Systolic 160 mmHg or more or diastolic 100 mmHg or more; medical intervention indicated; more than"
                    + " one drug or more intensive therapy than before indicated"),
            t(4, "Life-threatening consequences (e.g. malignant hypertension, transient or permanent neurological"
                    + " deficit, hypertensive crisis); urgent intervention indicated"),
            t(5, "Death"));

    // Skin
    public static final CtcaeTerm PALMAR_PLANTAR_ERYTHRODYSESTHESIA = term("palmar-plantar-erythrodysesthesia",
            "Palmar-plantar erythrodysesthesia syndrome", "手足综合征", Soc.SKIN,
            t(1, "Minimal skin changes or dermatitis (e.g. erythema, oedema, hyperkeratosis) without pain"),
            t(2, "Skin changes (e.g. peeling, blisters, bleeding, fissures, oedema, hyperkeratosis) with pain;"
                    + " limits instrumental ADL"),
            t(3, "Severe skin changes of that kind with pain; limits self-care ADL"));
    public static final CtcaeTerm RASH_MACULO_PAPULAR = term("rash-maculo-papular", "Rash maculo-papular", "斑丘疹",
            Soc.SKIN,
            t(1, "Macules or papules on less than 10 % of body surface area, with or without symptoms (e.g."
                    + " pruritus, burning, tightness)"),
            t(2, "Macules or papules on 10-30 % of body surface area with or without symptoms, limiting"
                    + " instrumental ADL; or on more than 30 % with no or mild symptoms"),
            t(3, "Macules or papules on more than 30 % of body surface area with moderate or severe symptoms;"
                    + " limits self-care ADL"));
    public static final CtcaeTerm RASH_ACNEIFORM = term("rash-acneiform", "Rash acneiform", "痤疮样皮疹", Soc.SKIN,
            t(1, "Papules and/or pustules on less than 10 % of body surface area"),
            t(2, "Papules and/or pustules on 10-30 % of body surface area with psychosocial impact, limiting"
                    + " instrumental ADL; or on more than 30 % with no or mild symptoms"),
            t(3, "Papules and/or pustules on more than 30 % of body surface area with moderate or severe symptoms;"
                    + " limits self-care ADL; local superinfection needing oral antibiotics"),
            t(4, "Life-threatening consequences; papules and/or pustules on any % of body surface area with"
                    + " extensive superinfection needing IV antibiotics"),
            t(5, "Death"));

    // Investigations (laboratory)
    public static final CtcaeTerm ALT_INCREASED = term("alt-increased", "Alanine aminotransferase increased",
            "丙氨酸氨基转移酶升高", Soc.INVESTIGATIONS, transaminaseGrades());
    public static final CtcaeTerm AST_INCREASED = term("ast-increased", "Aspartate aminotransferase increased",
            "天门冬氨酸氨基转移酶升高", Soc.INVESTIGATIONS, transaminaseGrades());
    public static final CtcaeTerm BLOOD_BILIRUBIN_INCREASED = term("blood-bilirubin-increased",
            "Blood bilirubin increased", "血胆红素升高", Soc.INVESTIGATIONS,
            t(1, "> ULN-1.5 x ULN if baseline was normal; > 1.0-1.5 x baseline if baseline was abnormal"),
            t(2, "> 1.5-3.0 x ULN if baseline was normal; > 1.5-3.0 x baseline if baseline was abnormal"),
            t(3, "> 3.0-10.0 x ULN if baseline was normal; > 3.0-10.0 x baseline if baseline was abnormal"),
            t(4, "> 10.0 x ULN if baseline was normal; > 10.0 x baseline if baseline was abnormal"));
    public static final CtcaeTerm ALKALINE_PHOSPHATASE_INCREASED = term("alkaline-phosphatase-increased",
            "Alkaline phosphatase increased", "碱性磷酸酶升高", Soc.INVESTIGATIONS, cholestaticEnzymeGrades());
    public static final CtcaeTerm GGT_INCREASED = term("ggt-increased", "GGT increased", "γ-谷氨酰转移酶升高",
            Soc.INVESTIGATIONS, cholestaticEnzymeGrades());
    public static final CtcaeTerm WHITE_BLOOD_CELL_DECREASED = term("wbc-decreased", "White blood cell decreased",
            "白细胞计数降低", Soc.INVESTIGATIONS,
            t(1, "< LLN-3.0 x 10^9/L (< LLN-3000/mm3)"),
            t(2, "< 3.0-2.0 x 10^9/L (< 3000-2000/mm3)"),
            t(3, "< 2.0-1.0 x 10^9/L (< 2000-1000/mm3)"),
            t(4, "< 1.0 x 10^9/L (< 1000/mm3)"));
    public static final CtcaeTerm NEUTROPHIL_COUNT_DECREASED = term("neutrophil-count-decreased",
            "Neutrophil count decreased", "中性粒细胞计数降低", Soc.INVESTIGATIONS,
            t(1, "< LLN-1.5 x 10^9/L (< LLN-1500/mm3)"),
            t(2, "< 1.5-1.0 x 10^9/L (< 1500-1000/mm3)"),
            t(3, "< 1.0-0.5 x 10^9/L (< 1000-500/mm3)"),
            t(4, "< 0.5 x 10^9/L (< 500/mm3)"));
    public static final CtcaeTerm PLATELET_COUNT_DECREASED = term("platelet-count-decreased",
            "Platelet count decreased", "血小板计数降低", Soc.INVESTIGATIONS,
            t(1, "< LLN-75 x 10^9/L (< LLN-75,000/mm3)"),
            t(2, "< 75-50 x 10^9/L (< 75,000-50,000/mm3)"),
            t(3, "< 50-25 x 10^9/L (< 50,000-25,000/mm3)"),
            t(4, "< 25 x 10^9/L (< 25,000/mm3)"));
    public static final CtcaeTerm CREATININE_INCREASED = term("creatinine-increased", "Creatinine increased",
            "肌酐升高", Soc.INVESTIGATIONS,
            t(1, "> ULN-1.5 x ULN"),
            t(2, "> 1.5-3.0 x baseline; > 1.5-3.0 x ULN"),
            t(3, "> 3.0 x baseline; > 3.0-6.0 x ULN"),
            t(4, "> 6.0 x ULN"));
    public static final CtcaeTerm INR_INCREASED = term("inr-increased", "INR increased", "国际标准化比值升高",
            Soc.INVESTIGATIONS,
            t(1, "> 1.2-1.5; > 1.0-1.5 x baseline if on anticoagulation; monitoring only indicated"),
            t(2, "> 1.5-2.5; > 1.5-2.5 x baseline if on anticoagulation; dose adjustment indicated"),
            t(3, "> 2.5; > 2.5 x baseline if on anticoagulation; bleeding"));

    // Blood
    public static final CtcaeTerm ANEMIA = term("anemia", "Anemia", "贫血", Soc.BLOOD,
            t(1, "Haemoglobin < LLN-100 g/L (< LLN-10.0 g/dL; < LLN-6.2 mmol/L)"),
            t(2, "Haemoglobin < 100-80 g/L (< 10.0-8.0 g/dL; < 6.2-4.9 mmol/L)"),
            t(3, "Haemoglobin < 80 g/L (< 8.0 g/dL; < 4.9 mmol/L); transfusion indicated"),
            t(4, "Life-threatening consequences; urgent intervention indicated"),
            t(5, "Death"));

    // Hepatobiliary
    public static final CtcaeTerm HEPATIC_FAILURE = term("hepatic-failure", "Hepatic failure", "肝衰竭",
            Soc.HEPATOBILIARY,
            t(3, "Asterixis; mild encephalopathy; drug-induced liver injury; limits self-care ADL"),
            t(4, "Life-threatening consequences; moderate to severe encephalopathy; coma"),
            t(5, "Death"));
    public static final CtcaeTerm BILIARY_FISTULA = term("biliary-fistula", "Biliary fistula", "胆瘘",
            Soc.HEPATOBILIARY,
            v(2, "Symptomatic; invasive intervention not indicated"),
            v(3, "Invasive intervention indicated"),
            v(4, "Life-threatening consequences; urgent intervention indicated"),
            v(5, "Death"));
    public static final CtcaeTerm CHOLECYSTITIS = generalTerm("cholecystitis", "Cholecystitis", "胆囊炎",
            Soc.HEPATOBILIARY, 2, 5);

    // Infections
    public static final CtcaeTerm HEPATIC_INFECTION = term("hepatic-infection", "Hepatic infection", "肝脏感染",
            Soc.INFECTIONS,
            v(3, "IV antibiotic, antifungal or antiviral intervention indicated; invasive intervention indicated"),
            v(4, "Life-threatening consequences; urgent intervention indicated"),
            v(5, "Death"));

    // Respiratory
    public static final CtcaeTerm PNEUMOTHORAX = term("pneumothorax", "Pneumothorax", "气胸", Soc.RESPIRATORY,
            v(1, "Asymptomatic; clinical or diagnostic observations only"),
            v(2, "Symptomatic; intervention indicated"),
            v(3, "Sclerosis and/or operative intervention indicated; hospitalisation indicated"),
            v(4, "Life-threatening consequences; urgent intervention indicated"),
            v(5, "Death"));
    public static final CtcaeTerm PLEURAL_EFFUSION = generalTerm("pleural-effusion", "Pleural effusion", "胸腔积液",
            Soc.RESPIRATORY, 1, 5);
    public static final CtcaeTerm HICCUPS = generalTerm("hiccups", "Hiccups", "呃逆", Soc.RESPIRATORY, 1, 3);

    // Procedure-related events the TACE form library lists (wording not in the clinical rules: verify)
    public static final CtcaeTerm ALLERGIC_REACTION = term("allergic-reaction", "Allergic reaction", "过敏反应",
            Soc.IMMUNE_SYSTEM,
            v(1, "Systemic intervention not indicated"),
            v(2, "Oral intervention indicated"),
            v(3, "Bronchospasm; hospitalisation indicated for clinical sequelae; IV intervention indicated"),
            v(4, "Life-threatening consequences; urgent intervention indicated"),
            v(5, "Death"));
    public static final CtcaeTerm VASOVAGAL_REACTION = term("vasovagal-reaction", "Vasovagal reaction",
            "血管迷走神经反应", Soc.NERVOUS_SYSTEM,
            v(3, "Present"),
            v(4, "Life-threatening consequences; urgent intervention indicated"),
            v(5, "Death"));
    public static final CtcaeTerm HEMATOMA = term("hematoma", "Hematoma", "血肿", Soc.VASCULAR,
            v(1, "Mild symptoms; intervention not indicated"),
            v(2, "Minimally invasive evacuation or aspiration indicated"),
            v(3, "Transfusion; invasive intervention indicated"),
            v(4, "Life-threatening consequences; urgent intervention indicated"),
            v(5, "Death"));
    public static final CtcaeTerm THROMBOEMBOLIC_EVENT = term("thromboembolic-event", "Thromboembolic event",
            "血栓栓塞事件", Soc.VASCULAR,
            v(1, "Medical intervention not indicated (e.g. superficial thrombosis)"),
            v(2, "Medical intervention indicated"),
            v(3, "Urgent medical intervention indicated (e.g. pulmonary embolism or intracardiac thrombus)"),
            v(4, "Life-threatening consequences with haemodynamic or neurological instability"),
            v(5, "Death"));

    // Nervous system and psychiatric
    public static final CtcaeTerm STROKE = generalTerm("stroke", "Stroke", "卒中", Soc.NERVOUS_SYSTEM, 1, 5);
    public static final CtcaeTerm DIZZINESS = generalTerm("dizziness", "Dizziness", "头晕", Soc.NERVOUS_SYSTEM, 1, 3);
    public static final CtcaeTerm INSOMNIA = generalTerm("insomnia", "Insomnia", "失眠", Soc.PSYCHIATRIC, 1, 3);

    private static final Map<Soc, CtcaeTerm> OTHER_SPECIFY = buildOtherSpecify();
    private static final Map<String, CtcaeTerm> BY_CODE = buildIndex();

    /**
     * How TACE-specific events without their own CTCAE term are reported (clinical rules 3.3).
     * The study fixes the choice in its CRF completion guidelines so that every site reports alike.
     */
    public static final List<ReportingSuggestion> TACE_EVENT_SUGGESTIONS = List.of(
            new ReportingSuggestion("Liver abscess", HEPATIC_INFECTION, null,
                    "Report liver abscess as Hepatic infection."),
            new ReportingSuggestion("Biloma", otherSpecify(Soc.HEPATOBILIARY), "Biloma",
                    "No CTCAE v5.0 term exists; the protocol may map a biloma to Biliary fistula instead."),
            new ReportingSuggestion("Biliary leak", BILIARY_FISTULA, null, "Report a biliary leak as Biliary fistula."),
            new ReportingSuggestion("Post-embolisation syndrome", otherSpecify(Soc.GENERAL), "Post-embolisation syndrome",
                    "Not a CTCAE term. Alternatively report each component (fever, abdominal pain, nausea, vomiting,"
                            + " fatigue) under its own term; the protocol fixes one choice."),
            new ReportingSuggestion("Ectopic (non-target) embolisation", otherSpecify(Soc.VASCULAR),
                    "Ectopic embolisation",
                    "No CTCAE v5.0 term exists; where the consequence has a term (e.g. gastric ulcer, cholecystitis,"
                            + " stroke) report that term."),
            new ReportingSuggestion("Hand-foot syndrome", PALMAR_PLANTAR_ERYTHRODYSESTHESIA, null,
                    "Report hand-foot syndrome as Palmar-plantar erythrodysesthesia syndrome."));

    private CtcaeV5() {
    }

    /** Every term of the catalogue, named terms first, then the "Other, specify" entries. */
    public static List<CtcaeTerm> all() {
        return List.copyOf(BY_CODE.values());
    }

    public static Optional<CtcaeTerm> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The "&lt;SOC&gt; - Other, specify" entry of a system organ class, graded 1-5 by the general definitions. */
    public static CtcaeTerm otherSpecify(Soc soc) {
        return OTHER_SPECIFY.get(soc);
    }

    /** The CTCAE v5.0 general grade definition. */
    public static GradeDefinition generalDefinition(int grade) {
        String text = switch (grade) {
            case 1 -> "Mild; no or mild symptoms; clinical or diagnostic observations only; intervention not indicated";
            case 2 -> "Moderate; minimal, local or non-invasive intervention indicated; limits age-appropriate"
                    + " instrumental ADL";
            case 3 -> "Severe or medically significant but not immediately life-threatening; hospitalisation or"
                    + " longer hospitalisation indicated; disabling; limits self-care ADL";
            case 4 -> "Life-threatening consequences; urgent intervention indicated";
            case 5 -> "Death related to the adverse event";
            default -> throw new IllegalArgumentException("CTCAE grades are 1-5");
        };
        return new GradeDefinition(grade, text, GENERAL_DEFINITION);
    }

    private static GradeDefinition[] transaminaseGrades() {
        return new GradeDefinition[] {
            t(1, "> ULN-3.0 x ULN if baseline was normal; 1.5-3.0 x baseline if baseline was abnormal"),
            t(2, "> 3.0-5.0 x ULN if baseline was normal; > 3.0-5.0 x baseline if baseline was abnormal"),
            t(3, "> 5.0-20.0 x ULN if baseline was normal; > 5.0-20.0 x baseline if baseline was abnormal"),
            t(4, "> 20.0 x ULN if baseline was normal; > 20.0 x baseline if baseline was abnormal"),
        };
    }

    private static GradeDefinition[] cholestaticEnzymeGrades() {
        return new GradeDefinition[] {
            t(1, "> ULN-2.5 x ULN if baseline was normal; 2.0-2.5 x baseline if baseline was abnormal"),
            t(2, "> 2.5-5.0 x ULN if baseline was normal; > 2.5-5.0 x baseline if baseline was abnormal"),
            t(3, "> 5.0-20.0 x ULN if baseline was normal; > 5.0-20.0 x baseline if baseline was abnormal"),
            t(4, "> 20.0 x ULN if baseline was normal; > 20.0 x baseline if baseline was abnormal"),
        };
    }

    private static GradeDefinition t(int grade, String text) {
        return new GradeDefinition(grade, text, TERM_SPECIFIC);
    }

    private static GradeDefinition v(int grade, String text) {
        return new GradeDefinition(grade, text, TERM_SPECIFIC_TO_VERIFY);
    }

    private static CtcaeTerm term(String code, String name, String nameZh, Soc soc, GradeDefinition... grades) {
        return CtcaeTerm.of(code, name, nameZh, soc, List.of(grades), false);
    }

    /** A term whose grades firstGrade..lastGrade carry the general definitions. */
    private static CtcaeTerm generalTerm(String code, String name, String nameZh, Soc soc, int firstGrade,
                                         int lastGrade) {
        return CtcaeTerm.of(code, name, nameZh, soc, generalDefinitions(firstGrade, lastGrade), false);
    }

    private static List<GradeDefinition> generalDefinitions(int firstGrade, int lastGrade) {
        List<GradeDefinition> defs = new ArrayList<>();
        for (int g = firstGrade; g <= lastGrade; g++) {
            defs.add(generalDefinition(g));
        }
        return defs;
    }

    private static Map<Soc, CtcaeTerm> buildOtherSpecify() {
        Map<Soc, CtcaeTerm> m = new EnumMap<>(Soc.class);
        for (Soc soc : Soc.values()) {
            m.put(soc, CtcaeTerm.of(soc.slug() + "-other", soc.englishName() + " - Other, specify", null, soc,
                    generalDefinitions(1, 5), true));
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, CtcaeTerm> buildIndex() {
        List<CtcaeTerm> named = List.of(
                FEVER, FATIGUE, PAIN,
                ABDOMINAL_PAIN, NAUSEA, VOMITING, DIARRHEA, CONSTIPATION, GASTRIC_ULCER, UPPER_GI_HEMORRHAGE, ASCITES,
                ANOREXIA, HYPOALBUMINEMIA, HYPERTENSION,
                PALMAR_PLANTAR_ERYTHRODYSESTHESIA, RASH_MACULO_PAPULAR, RASH_ACNEIFORM,
                ALT_INCREASED, AST_INCREASED, BLOOD_BILIRUBIN_INCREASED, ALKALINE_PHOSPHATASE_INCREASED, GGT_INCREASED,
                WHITE_BLOOD_CELL_DECREASED, NEUTROPHIL_COUNT_DECREASED, PLATELET_COUNT_DECREASED,
                CREATININE_INCREASED, INR_INCREASED, ANEMIA,
                HEPATIC_FAILURE, BILIARY_FISTULA, CHOLECYSTITIS, HEPATIC_INFECTION,
                PNEUMOTHORAX, PLEURAL_EFFUSION, HICCUPS, STROKE, DIZZINESS, INSOMNIA,
                ALLERGIC_REACTION, VASOVAGAL_REACTION, HEMATOMA, THROMBOEMBOLIC_EVENT);
        Map<String, CtcaeTerm> index = new LinkedHashMap<>();
        for (CtcaeTerm term : named) {
            put(index, term);
        }
        for (CtcaeTerm term : OTHER_SPECIFY.values()) {
            put(index, term);
        }
        return Collections.unmodifiableMap(index);
    }

    private static void put(Map<String, CtcaeTerm> index, CtcaeTerm term) {
        if (index.put(term.code(), term) != null) {
            throw new IllegalStateException("Duplicate CTCAE term code " + term.code());
        }
    }
}
