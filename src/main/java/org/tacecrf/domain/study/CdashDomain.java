package org.tacecrf.domain.study;

/**
 * CDASH/SDTM domains a form or item group maps to (CDASHIG v2.1). Exports use it for ODM
 * {@code ItemGroupDef/@Domain} and to split data into domain data sets.
 */
public enum CdashDomain implements YamlName {
    DM("Demographics"),
    DS("Disposition"),
    IE("Inclusion/Exclusion Criteria Not Met"),
    MH("Medical History"),
    VS("Vital Signs"),
    LB("Laboratory Test Results"),
    PR("Procedures"),
    EX("Exposure"),
    TU("Tumor/Lesion Identification"),
    TR("Tumor/Lesion Results"),
    RS("Disease Response and Clinical Classification"),
    AE("Adverse Events"),
    CM("Concomitant/Prior Medications"),
    QS("Questionnaires"),
    SS("Subject Status"),
    FA("Findings About"),
    DD("Death Details"),
    CO("Comments");

    private final String title;

    CdashDomain(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Domain codes are written in capitals, as in CDISC. */
    @Override
    public String yamlName() {
        return name();
    }
}
