package org.tacecrf.domain.casebook.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.SubjectData.VisitInstance;
import org.tacecrf.domain.casebook.reading.ReadingBlinding.ReaderEntry;

class ReadingBlindingTest {

    private static final VisitInstance SCAN = new VisitInstance(10, "response", 1, LocalDate.of(2024, 4, 10));
    private static final VisitInstance LATER_SCAN = new VisitInstance(11, "response", 2, LocalDate.of(2024, 7, 10));
    private static long ids = 100;

    private static FormInstance assessment(VisitInstance visit, String reader) {
        Map<ItemKey, StoredValue> values = reader == null ? Map.of()
                : Map.of(ReadingBlinding.READER_ITEM, StoredValue.text(reader));
        return new FormInstance(ids++, visit, ReadingBlinding.ASSESSMENT_FORM, (int) ids, true, values);
    }

    private static SubjectData data(FormInstance... forms) {
        List<FormInstance> list = new ArrayList<>(List.of(forms));
        list.add(new FormInstance(ids++, SCAN, "tumour_markers", 1, true, Map.of()));
        return new SubjectData(1, List.of(SCAN, LATER_SCAN), list);
    }

    private static List<String> readersSeen(ReadingBlinding rule, SubjectData data) {
        return rule.visible(data).forms().stream().filter(f -> f.formId().equals(ReadingBlinding.ASSESSMENT_FORM))
                .map(f -> ReadingBlinding.readerOf(f).orElse("none")).toList();
    }

    @Test
    void withoutASlotEveryAssessmentIsSeenAndWritten() {
        FormInstance r1 = assessment(SCAN, "R1");
        SubjectData data = data(r1, assessment(SCAN, "R2"), assessment(SCAN, null));
        ReadingBlinding none = ReadingBlinding.of(null);
        assertThat(none.blinded()).isFalse();
        assertThat(none.visible(data)).isSameAs(data);
        assertThat(none.canSee(r1, data)).isTrue();
        assertThat(none.canWrite(r1, data)).isTrue();
        assertThat(none.readerEntry("ADJ")).isEqualTo(ReaderEntry.KEPT);
        assertThat(none.readerEntry(null)).isEqualTo(ReaderEntry.KEPT);
    }

    @Test
    void aReaderSeesOnlyTheirOwnReadingsAndEveryOtherForm() {
        FormInstance r1 = assessment(SCAN, "R1");
        FormInstance r2 = assessment(SCAN, "R2");
        FormInstance unnamed = assessment(SCAN, null);
        SubjectData data = data(r1, r2, unnamed, assessment(SCAN, "ADJ"), assessment(LATER_SCAN, "R2"));
        ReadingBlinding reader2 = ReadingBlinding.of(ReaderSlot.READER_2);

        assertThat(reader2.canSee(r1, data)).isFalse();
        assertThat(reader2.canSee(unnamed, data)).isFalse();
        assertThat(reader2.canSee(r2, data)).isTrue();
        assertThat(reader2.canWrite(r2, data)).isTrue();
        assertThat(readersSeen(reader2, data)).containsExactly("R2", "R2");
        assertThat(reader2.visible(data).forms()).extracting(FormInstance::formId).contains("tumour_markers");
        // A reader starts a reading whenever the scan is there, whatever the other reader did.
        assertThat(reader2.canStart(ReadingBlinding.ASSESSMENT_FORM, SCAN.id(), data)).isTrue();
    }

    @Test
    void theAdjudicatorSeesAScanOnlyOnceBothReadersHaveSavedTheirs() {
        FormInstance r1 = assessment(SCAN, "R1");
        SubjectData oneRead = data(r1);
        ReadingBlinding adjudicator = ReadingBlinding.of(ReaderSlot.ADJUDICATOR);

        assertThat(adjudicator.canSee(r1, oneRead)).isFalse();
        assertThat(adjudicator.canStart(ReadingBlinding.ASSESSMENT_FORM, SCAN.id(), oneRead)).isFalse();
        assertThat(readersSeen(adjudicator, oneRead)).isEmpty();

        FormInstance r2 = assessment(SCAN, "R2");
        FormInstance laterR1 = assessment(LATER_SCAN, "R1");
        SubjectData bothRead = data(r1, r2, laterR1);
        assertThat(adjudicator.canSee(r1, bothRead)).isTrue();
        assertThat(adjudicator.canSee(r2, bothRead)).isTrue();
        assertThat(adjudicator.canSee(laterR1, bothRead)).as("the later scan has one reading").isFalse();
        assertThat(adjudicator.canStart(ReadingBlinding.ASSESSMENT_FORM, SCAN.id(), bothRead)).isTrue();
        assertThat(adjudicator.canStart(ReadingBlinding.ASSESSMENT_FORM, LATER_SCAN.id(), bothRead)).isFalse();
        // Seen, but the readers' own readings stay theirs.
        assertThat(adjudicator.canWrite(r1, bothRead)).isFalse();
        assertThat(readersSeen(adjudicator, bothRead)).containsExactlyInAnyOrder("R1", "R2");
    }

    @Test
    void theAdjudicatorAlwaysSeesTheirOwnReading() {
        FormInstance adj = assessment(SCAN, "ADJ");
        SubjectData data = data(adj, assessment(LATER_SCAN, "R1"));
        ReadingBlinding adjudicator = ReadingBlinding.of(ReaderSlot.ADJUDICATOR);
        assertThat(adjudicator.canSee(adj, data)).isTrue();
        assertThat(adjudicator.canWrite(adj, data)).isTrue();
    }

    @Test
    void aSlotWritesOnlyItsOwnCodeAndAnEmptyReaderBecomesIt() {
        ReadingBlinding reader1 = ReadingBlinding.of(ReaderSlot.READER_1);
        assertThat(reader1.readerEntry("R1")).isEqualTo(ReaderEntry.KEPT);
        assertThat(reader1.readerEntry(" ")).isEqualTo(ReaderEntry.FORCED);
        assertThat(reader1.readerEntry(null)).isEqualTo(ReaderEntry.FORCED);
        assertThat(reader1.readerEntry("R2")).isEqualTo(ReaderEntry.REFUSED);
        assertThat(reader1.readerEntry("ADJ")).isEqualTo(ReaderEntry.REFUSED);
        assertThat(ReadingBlinding.of(ReaderSlot.ADJUDICATOR).readerEntry("R1")).isEqualTo(ReaderEntry.REFUSED);
    }

    @Test
    void otherFormsAreOutsideTheRule() {
        FormInstance markers = new FormInstance(ids++, SCAN, "tumour_markers", 1, true, Map.of());
        SubjectData data = data();
        ReadingBlinding reader1 = ReadingBlinding.of(ReaderSlot.READER_1);
        assertThat(reader1.canSee(markers, data)).isTrue();
        assertThat(reader1.canWrite(markers, data)).isTrue();
        assertThat(ReadingBlinding.of(ReaderSlot.ADJUDICATOR).canStart("tumour_markers", SCAN.id(), data)).isTrue();
    }

    @Test
    void readersAreNotToldOfTheDisagreementTheAdjudicatorIs() {
        assertThat(ReadingBlinding.of(ReaderSlot.READER_1).seesCheck("double_reading_mrecist_adjudication")).isFalse();
        assertThat(ReadingBlinding.of(ReaderSlot.READER_2).seesCheck("double_reading_recist_adjudication")).isFalse();
        assertThat(ReadingBlinding.of(ReaderSlot.READER_1).seesCheck("dates_visit_order")).isTrue();
        assertThat(ReadingBlinding.of(ReaderSlot.READER_1).seesCheck(null)).isTrue();
        assertThat(ReadingBlinding.of(ReaderSlot.ADJUDICATOR).seesCheck("double_reading_mrecist_adjudication")).isTrue();
        assertThat(ReadingBlinding.none().seesCheck("double_reading_mrecist_adjudication")).isTrue();
    }

    @Test
    void slotsCarryTheReaderCodesOfTheCodeList() {
        assertThat(ReaderSlot.ofCode("R1")).contains(ReaderSlot.READER_1);
        assertThat(ReaderSlot.ofCode("R2")).contains(ReaderSlot.READER_2);
        assertThat(ReaderSlot.ofCode("ADJ")).contains(ReaderSlot.ADJUDICATOR);
        assertThat(ReaderSlot.ofCode("R3")).isEmpty();
        assertThat(ReaderSlot.ADJUDICATOR.isReader()).isFalse();
    }
}
