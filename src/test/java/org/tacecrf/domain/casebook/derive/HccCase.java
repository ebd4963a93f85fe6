package org.tacecrf.domain.casebook.derive;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.VisitInstance;
import org.tacecrf.domain.casebook.derive.SubjectBuilder.FormBuilder;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * A subject of the shipped study {@code hcc-deb-sorafenib} (primary criteria mRECIST), as a test
 * may change it before building:
 * <ul>
 *   <li>baseline 2024-01-10: HCC, two nodules (largest 60 mm), ECOG 0, Child-Pugh A5, AFP 400;
 *       baseline imaging 2024-01-09 with targets T01 (LD 60, viable 50) and T02 (LD 40, viable 30)
 *       and non-target NT01;</li>
 *   <li>TACE 2024-01-15 and 2024-03-20 (epirubicin 60 mg in 20 mL, then 50 mg), post-procedure labs
 *       two days after each;</li>
 *   <li>imaging 2024-02-14 (mRECIST PR, RECIST SD), 2024-04-15 (PR/SD), 2024-05-20 with a new
 *       typical 15 mm nodule (PD);</li>
 *   <li>survival contact 2024-07-01, alive.</li>
 * </ul>
 */
final class HccCase {

    final SubjectBuilder b;
    final VisitInstance screening;
    final VisitInstance baselineVisit;
    final VisitInstance taceVisit1;
    final VisitInstance taceVisit2;
    final VisitInstance month1;
    final VisitInstance month3;
    final VisitInstance periodic1;
    final VisitInstance survivalVisit;
    final VisitInstance logs;
    final FormBuilder enrolment;
    final FormBuilder baseline;
    final FormBuilder baselineImaging;
    final FormBuilder tace1;
    final FormBuilder post1;
    final FormBuilder tace2;
    final FormBuilder post2;
    final FormBuilder labs1m;
    final FormBuilder markers1m;
    final FormBuilder imaging1m;
    final FormBuilder imaging3m;
    final FormBuilder imaging5m;
    final FormBuilder survival;

    HccCase() {
        this(SubjectBuilder.CATALOG.get("hcc-deb-sorafenib"));
    }

    /** The same subject in another definition of the study (e.g. with other parameters). */
    HccCase(StudyDefinition study) {
        b = new SubjectBuilder(study);
        screening = b.visit("screening", 1, "2024-01-05");
        baselineVisit = b.visit("baseline", 1, "2024-01-10");
        taceVisit1 = b.visit("tace", 1, "2024-01-15");
        taceVisit2 = b.visit("tace", 2, "2024-03-20");
        month1 = b.visit("fu_1m", 1, "2024-02-14");
        month3 = b.visit("fu_3m", 1, "2024-04-15");
        periodic1 = b.visit("fu_q4_6w", 1, "2024-05-20");
        survivalVisit = b.visit("survival", 1, "2024-07-01");
        logs = b.visit("logs", 1, null);
        enrolment = b.form(screening, "enrolment")
                .set("consent_date", "2024-01-05").set("enrolment_date", "2024-01-08").set("arm", "deb_tace");
        baseline = b.form(baselineVisit, "baseline")
                .set("assessment_date", "2024-01-10").set("age", "61").set("sex", "M")
                .set("height", "170").set("weight", "70")
                .set("ecog", "0").set("diagnosis", "HCC").set("diagnosis_method", "CLINICAL_IMAGING")
                .set("lesion_count", "2").set("largest_diameter_mm", "60").set("sum_diameters_mm", "100")
                .set("large_tumour_pattern", "MULTIPLE")
                .set("macrovascular_invasion", "N").set("extrahepatic_spread", "NONE")
                .set("ascites", "NONE").set("encephalopathy", "NONE")
                .set("lab_date", "2024-01-10").set("wbc", "5.2").set("haemoglobin", "130").set("platelets", "150")
                .set("alt", "40").set("ast", "45").set("albumin", "40").set("total_bilirubin", "17")
                .set("creatinine", "80").set("inr", "1.10")
                .set("marker_date", "2024-01-10").set("afp", "400");
        baselineImaging = b.form(baselineVisit, "baseline_imaging")
                .set("imaging_date", "2024-01-09").set("modality", "CT")
                .row("lesions", 1, "lesion_id", "T01", "lesion_role", "TARGET", "organ", "LIVER", "liver_segment", "S8",
                        "longest_diameter_mm", "60", "viable_diameter_mm", "50", "arterial_enhancement", "Y")
                .row("lesions", 2, "lesion_id", "T02", "lesion_role", "TARGET", "organ", "LIVER", "liver_segment", "S6",
                        "longest_diameter_mm", "40", "viable_diameter_mm", "30", "arterial_enhancement", "Y")
                .row("lesions", 3, "lesion_id", "NT01", "lesion_role", "NON_TARGET", "organ", "LIVER",
                        "liver_segment", "S2", "arterial_enhancement", "Y");
        tace1 = session(taceVisit1, "2024-01-15", "60");
        post1 = b.form(taceVisit1, "post_labs")
                .set("hours_after_procedure", "48").set("lab_date", "2024-01-17").set("alt", "120").set("ast", "130")
                .set("total_bilirubin", "25").set("albumin", "36");
        tace2 = session(taceVisit2, "2024-03-20", "50");
        post2 = b.form(taceVisit2, "post_labs")
                .set("hours_after_procedure", "24").set("lab_date", "2024-03-21").set("alt", "90");
        labs1m = b.form(month1, "labs").set("lab_date", "2024-02-14").set("alt", "50");
        markers1m = b.form(month1, "tumour_markers").set("marker_date", "2024-02-14").set("afp", "150");
        imaging1m = b.form(month1, "imaging_assessment")
                .set("assessment_date", "2024-02-14").set("modality", "CT").set("new_lesions_found", "N")
                .row("target_measurements", 1, "target_lesion_id", "T01", "target_status", "MEASURED",
                        "target_ld_mm", "55", "target_viable_mm", "20")
                .row("target_measurements", 2, "target_lesion_id", "T02", "target_status", "MEASURED",
                        "target_ld_mm", "38", "target_viable_mm", "10")
                .row("non_targets", 1, "non_target_lesion_id", "NT01", "non_target_status", "PRESENT",
                        "non_target_enhancement", "N");
        imaging3m = b.form(month3, "imaging_assessment")
                .set("assessment_date", "2024-04-15").set("modality", "CT").set("new_lesions_found", "N")
                .row("target_measurements", 1, "target_lesion_id", "T01", "target_status", "MEASURED",
                        "target_ld_mm", "54", "target_viable_mm", "25")
                .row("target_measurements", 2, "target_lesion_id", "T02", "target_status", "MEASURED",
                        "target_ld_mm", "37", "target_viable_mm", "10")
                .row("non_targets", 1, "non_target_lesion_id", "NT01", "non_target_status", "PRESENT",
                        "non_target_enhancement", "N");
        imaging5m = b.form(periodic1, "imaging_assessment")
                .set("assessment_date", "2024-05-20").set("modality", "CT").set("new_lesions_found", "Y")
                .row("target_measurements", 1, "target_lesion_id", "T01", "target_status", "MEASURED",
                        "target_ld_mm", "54", "target_viable_mm", "25")
                .row("target_measurements", 2, "target_lesion_id", "T02", "target_status", "MEASURED",
                        "target_ld_mm", "37", "target_viable_mm", "10")
                .row("non_targets", 1, "non_target_lesion_id", "NT01", "non_target_status", "PRESENT",
                        "non_target_enhancement", "N")
                .row("new_lesions", 1, "new_lesion_id", "NEW01", "new_lesion_organ", "LIVER", "new_lesion_segment", "S3",
                        "new_lesion_size_mm", "15", "typical_pattern", "Y");
        survival = b.form(survivalVisit, "survival_contact")
                .set("contact_date", "2024-07-01").set("vital_status", "ALIVE");
    }

    private FormBuilder session(VisitInstance visit, String date, String doseMg) {
        return b.form(visit, "tace_session").set("procedure_date", date).set("technique", "DEB_TACE")
                .set("technical_success", "Y")
                .row("microspheres", 1, "product", "CALLISPHERES", "size_range", "S100_300", "drug", "EPIRUBICIN",
                        "dose_loaded_mg", doseMg, "drug_volume_ml", "20");
    }

    SubjectData data() {
        return b.build();
    }
}
