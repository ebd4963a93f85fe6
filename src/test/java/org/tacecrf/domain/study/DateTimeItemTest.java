package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.check.ValueType;

/** Items of type {@code datetime} in study definitions. */
class DateTimeItemTest {

    private static final StudyDefinitionLoader LOADER = StudyDefinitionLoader.builtIn();

    private static final String HEAD = """
            id: dt
            title: Date-time study
            version: "1"
            design: {timing: prospective, structure: single_arm}
            sites: [{id: S1, name: Site one}]
            arms: [{id: a, label: Arm A}]
            schedule:
              - {id: baseline, label: Baseline, type: baseline, forms: [baseline]}
              - {id: tace, label: TACE, type: treatment, forms: [tace_session]}
            forms:
              - extends: tace_session
                add:
                  - group: procedure
                    items:
            """;

    private static StudyDefinition load(String item) {
        return LOADER.loadString("dt.yaml", HEAD + "                      - " + item + "\n");
    }

    @Test
    void aDatetimeItemIsParsedWithItsOdmTypeAndReadAsADayByChecks() {
        StudyDefinition study = load("{id: arrival_time, label: {en: Arrival in the angiography suite, zh: 到达导管室时间}, type: datetime}");
        ItemDef item = study.item("tace_session", "arrival_time").orElseThrow();
        assertThat(item.type()).isEqualTo(ItemType.DATETIME);
        assertThat(item.dataType()).isEqualTo(DataType.DATETIME);
        assertThat(item.dataType().odmName()).isEqualTo("datetime");
        assertThat(item.dataType().temporal()).isTrue();
        assertThat(item.numeric()).isFalse();
        assertThat(SubjectSchema.valueType(item)).isEqualTo(ValueType.DATE);
    }

    @Test
    void aDatetimeTakesNoRangeOrUnit() {
        assertThatThrownBy(() -> load("{id: arrival_time, label: Arrival, type: datetime, hardRange: {min: 0, max: 1}}"))
                .isInstanceOfSatisfying(StudyDefinitionException.class, e -> assertThat(e.errors())
                        .extracting(StudyDefinitionError::kind).containsExactly(ErrorKind.KEY_NOT_ALLOWED));
        assertThatThrownBy(() -> load("{id: arrival_time, label: Arrival, type: datetime, unit: h}"))
                .isInstanceOf(StudyDefinitionException.class);
    }

    @Test
    void theAdverseEventFormRecordsAwarenessAndReportToTheMinute() {
        FormDef ae = LOADER.library().form("adverse_event").orElseThrow();
        assertThat(ae.item("datetime_aware")).map(ItemDef::type).contains(ItemType.DATETIME);
        assertThat(ae.item("datetime_reported")).map(ItemDef::type).contains(ItemType.DATETIME);
        // Older entries keep their days.
        assertThat(ae.item("date_aware")).map(ItemDef::type).contains(ItemType.DATE);
        assertThat(ae.item("date_reported")).map(ItemDef::type).contains(ItemType.DATE);
    }
}
