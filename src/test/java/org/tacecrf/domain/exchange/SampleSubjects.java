package org.tacecrf.domain.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.casebook.ParsedValue;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * Subjects of the HCC study with values typed as a nurse would, parsed by the item definitions, for
 * export and round-trip tests.
 */
final class SampleSubjects {

    private static final ItemValueParser PARSER = new ItemValueParser(LocalDate.of(2030, 1, 1));

    private final StudyDefinition study;
    private final List<SubjectData.VisitInstance> visits = new ArrayList<>();
    private final List<SubjectData.FormInstance> forms = new ArrayList<>();
    private long nextId;

    SampleSubjects(StudyDefinition study, long firstId) {
        this.study = study;
        this.nextId = firstId;
    }

    SubjectData.VisitInstance visit(String visitId, int repeat, String date) {
        SubjectData.VisitInstance visit = new SubjectData.VisitInstance(nextId++, visitId, repeat, date == null ? null : LocalDate.parse(date));
        visits.add(visit);
        return visit;
    }

    /** A form with values by path ({@code group[row].item}) as typed; {@code "value unit"} enters in another unit. */
    SampleSubjects form(SubjectData.VisitInstance visit, String formId, int repeat, boolean complete, Map<String, String> typed) {
        FormDef form = study.form(formId).orElseThrow();
        Map<ItemKey, StoredValue> values = new LinkedHashMap<>();
        typed.forEach((path, text) -> {
            ItemKey key = ItemKey.parse(path);
            ItemDef item = form.group(key.groupId()).flatMap(g -> g.item(key.itemId())).orElseThrow(() -> new IllegalArgumentException(path));
            String unit = null;
            String value = text;
            if (text.contains(" ") && !item.alternativeUnits().isEmpty()) {
                value = text.substring(0, text.indexOf(' '));
                unit = text.substring(text.indexOf(' ') + 1);
            }
            ParsedValue parsed = item.calculated() ? null : PARSER.parse(item, study.codeListOf(item).orElse(null), value, unit);
            if (parsed != null && parsed.hasError()) {
                throw new IllegalArgumentException(path + ": " + parsed.problems());
            }
            values.put(key, parsed == null ? StoredValue.text(text) : StoredValue.of(parsed));
        });
        forms.add(new SubjectData.FormInstance(nextId++, visit, formId, repeat, complete, values));
        return this;
    }

    ExportSubject subject(long id, String number, String site, String arm) {
        SubjectData data = new SubjectData(id, List.copyOf(visits), List.copyOf(forms));
        return new ExportSubject(id, number, site, arm, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), "ON_STUDY", data);
    }

    /** A subject with enrolment, baseline, two TACE sessions and an adverse event. */
    static ExportSubject typical(StudyDefinition study, long id, String number) {
        SampleSubjects s = new SampleSubjects(study, id * 1000);
        var screening = s.visit("screening", 1, "2024-01-02");
        s.form(screening, "enrolment", 1, true, Map.of("enrolment[1].consent_date", "2024-01-02", "enrolment[1].enrolment_date", "2024-01-03",
                "enrolment[1].arm", "deb_tace", "enrolment[1].medical_record_number", "MRN" + id, "enrolment[1].initials", "LN"));
        var baseline = s.visit("baseline", 1, "2024-01-05");
        Map<String, String> base = new LinkedHashMap<>();
        base.put("demographics[1].assessment_date", "2024-01-05");
        base.put("demographics[1].age", String.valueOf(50 + id % 30));
        base.put("demographics[1].sex", id % 2 == 0 ? "F" : "M");
        base.put("vital_signs[1].height", "1.7 m");
        base.put("vital_signs[1].weight", "70.5");
        base.put("performance_status[1].ecog", "1");
        base.put("diagnosis[1].diagnosis", "HCC");
        base.put("diagnosis[1].aetiology", "HBV|ALCOHOL");
        base.put("tumour_burden[1].lesion_count", "2");
        base.put("tumour_burden[1].largest_diameter_mm", "85");
        s.form(baseline, "baseline", 1, false, base);
        var tace1 = s.visit("tace", 1, "2024-01-10");
        s.form(tace1, "tace_session", 1, true, Map.of("procedure[1].procedure_date", "2024-01-10", "procedure[1].technique", "DEB_TACE",
                "microspheres[1].product", "CALLISPHERES", "microspheres[1].size_range", "S100_300", "microspheres[1].drug", "EPIRUBICIN",
                "microspheres[1].dose_loaded_mg", "60", "microspheres[2].product", "CALLISPHERES", "microspheres[2].size_range", "S300_500"));
        var tace2 = s.visit("tace", 2, "2024-03-01");
        s.form(tace2, "tace_session", 1, false, Map.of("procedure[1].procedure_date", "2024-03-01", "procedure[1].technique", "DEB_TACE",
                "microspheres[1].product", "CALLISPHERES", "microspheres[1].drug", "EPIRUBICIN", "microspheres[1].dose_loaded_mg", "40.5"));
        return s.subject(id, number, "LYCH", "deb_tace");
    }
}
