package org.tacecrf.domain.ctcae;

/**
 * MedDRA system organ classes used by the CTCAE terms of TACE studies, with the English name
 * and the Chinese name of the MedDRA Chinese translation.
 */
public enum Soc {
    BLOOD("Blood and lymphatic system disorders", "血液及淋巴系统疾病"),
    GASTROINTESTINAL("Gastrointestinal disorders", "胃肠系统疾病"),
    GENERAL("General disorders and administration site conditions", "全身性疾病及给药部位各种反应"),
    HEPATOBILIARY("Hepatobiliary disorders", "肝胆系统疾病"),
    IMMUNE_SYSTEM("Immune system disorders", "免疫系统疾病"),
    INFECTIONS("Infections and infestations", "感染及侵染类疾病"),
    INVESTIGATIONS("Investigations", "各类检查"),
    METABOLISM("Metabolism and nutrition disorders", "代谢及营养类疾病"),
    NERVOUS_SYSTEM("Nervous system disorders", "各类神经系统疾病"),
    PSYCHIATRIC("Psychiatric disorders", "精神病类"),
    RESPIRATORY("Respiratory, thoracic and mediastinal disorders", "呼吸系统、胸及纵隔疾病"),
    SKIN("Skin and subcutaneous tissue disorders", "皮肤及皮下组织类疾病"),
    VASCULAR("Vascular disorders", "血管与淋巴管类疾病");

    private final String englishName;
    private final String chineseName;

    Soc(String englishName, String chineseName) {
        this.englishName = englishName;
        this.chineseName = chineseName;
    }

    public String englishName() {
        return englishName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Stable slug used in term codes, e.g. "hepatobiliary". */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
