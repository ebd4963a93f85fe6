package org.tacecrf.domain.casebook.reading;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.StoredValue;

/**
 * Who may see and write which imaging assessment under blinded independent double reading
 * (seed 003: two radiologists read each scan independently, a third adjudicates conflicts; the
 * practice of blinded independent central review, FDA guidance "Clinical Trial Imaging Endpoint
 * Process Standards", 2018).
 * <ul>
 * <li>A user without a reader slot is not blinded: the nurse who transcribes the readings, the
 * monitor and the data manager see every assessment, as before.</li>
 * <li>Reader 1 and reader 2 see and write only the assessments that name their own slot, and may
 * start a new one at any scan; the other reader's assessment, and the adjudicator's, do not exist
 * for them.</li>
 * <li>The adjudicator sees a scan's readings only once both readers have saved theirs, and then
 * writes the adjudicator's reading; before that, nothing of the scan's reading is shown.</li>
 * <li>An independent reader is not told of the disagreement: the queries of the
 * {@value #DISAGREEMENT_CHECKS} checks are not shown to them.</li>
 * <li>Whoever holds a slot writes only their own slot's code in the reader item: an empty reader is
 * set to it, another slot's code is refused.</li>
 * </ul>
 * Only {@value #ASSESSMENT_FORM} is blinded; every other form is outside the rule.
 */
public final class ReadingBlinding {

    /** The form each reader fills for a scan. */
    public static final String ASSESSMENT_FORM = "imaging_assessment";
    /** The item naming the reader of an assessment (code list {@code reader}). */
    public static final ItemKey READER_ITEM = new ItemKey("scan", 1, "reader");

    /**
     * Id prefix of the built-in checks that query the readers' disagreement (double_reading_*): they
     * tell of the other reading, so an independent reader does not receive them.
     */
    public static final String DISAGREEMENT_CHECKS = "double_reading";

    private static final ReadingBlinding NONE = new ReadingBlinding(null);

    /** What becomes of the reader item of a save. */
    public enum ReaderEntry {
        /** Unchanged: no slot, or the slot's own code. */
        KEPT,
        /** Empty, so set to the slot's code. */
        FORCED,
        /** Another slot's code: refused. */
        REFUSED
    }

    private final ReaderSlot slot;

    private ReadingBlinding(ReaderSlot slot) {
        this.slot = slot;
    }

    /** The rule for a user holding {@code slot} in a study that reads twice; no slot is no blinding. */
    public static ReadingBlinding of(ReaderSlot slot) {
        return slot == null ? NONE : new ReadingBlinding(slot);
    }

    public static ReadingBlinding none() {
        return NONE;
    }

    public boolean blinded() {
        return slot != null;
    }

    public Optional<ReaderSlot> slot() {
        return Optional.ofNullable(slot);
    }

    /** The reader code an assessment names, if any. */
    public static Optional<String> readerOf(FormInstance form) {
        return Optional.ofNullable(form.values().get(READER_ITEM)).map(StoredValue::text).filter(t -> t != null && !t.isBlank());
    }

    /** The reader codes of the saved assessments of a visit (a scan). */
    public static Set<String> readersAt(SubjectData data, long visitRef) {
        return data.forms().stream().filter(f -> ASSESSMENT_FORM.equals(f.formId()) && f.visit().id() == visitRef)
                .map(ReadingBlinding::readerOf).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether both independent readers have saved their assessment of the scan. */
    public static boolean bothRead(Set<String> readersAtScan) {
        return readersAtScan.contains(ReaderSlot.READER_1.code()) && readersAtScan.contains(ReaderSlot.READER_2.code());
    }

    /**
     * Whether a saved form may be seen (opened, listed, summarised).
     *
     * @param form the saved form instance
     * @param data the subject's saved data, for the other readings of the same scan
     */
    public boolean canSee(FormInstance form, SubjectData data) {
        if (slot == null || !ASSESSMENT_FORM.equals(form.formId())) {
            return true;
        }
        String reader = readerOf(form).orElse(null);
        if (slot.isReader()) {
            return slot.code().equals(reader);
        }
        return slot.code().equals(reader) || bothRead(readersAt(data, form.visit().id()));
    }

    /** Whether the user may write into a saved form: beyond seeing it, it must be their own slot's reading. */
    public boolean canWrite(FormInstance form, SubjectData data) {
        if (slot == null || !ASSESSMENT_FORM.equals(form.formId())) {
            return true;
        }
        return slot.code().equals(readerOf(form).orElse(null));
    }

    /** Whether a new form may be started at a visit: the adjudicator waits for both readers. */
    public boolean canStart(String formId, long visitRef, SubjectData data) {
        if (slot == null || !ASSESSMENT_FORM.equals(formId) || slot.isReader()) {
            return true;
        }
        return bothRead(readersAt(data, visitRef));
    }

    /** The subject's data as this user may see it: assessments they may not see are left out. */
    public SubjectData visible(SubjectData data) {
        if (slot == null) {
            return data;
        }
        return new SubjectData(data.subjectId(), data.visits(), data.forms().stream().filter(f -> canSee(f, data)).toList());
    }

    /** Whether the user may see a query raised by this check (null: a manual query). */
    public boolean seesCheck(String checkId) {
        return slot == null || !slot.isReader() || checkId == null || !checkId.startsWith(DISAGREEMENT_CHECKS);
    }

    /** How a save's reader item is treated; {@code submitted} is the code entered, blank for none. */
    public ReaderEntry readerEntry(String submitted) {
        if (slot == null) {
            return ReaderEntry.KEPT;
        }
        if (submitted == null || submitted.isBlank()) {
            return ReaderEntry.FORCED;
        }
        return Objects.equals(slot.code(), submitted.trim()) ? ReaderEntry.KEPT : ReaderEntry.REFUSED;
    }
}
