package org.tacecrf.model.casebook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.tacecrf.domain.casebook.StoredValue;

/**
 * One item value in one item-group repeat of a form. Exactly one of the typed columns holds the
 * value: numbers in {@code value_number} (in the item's canonical unit; the value and unit as
 * entered are kept beside it), dates in {@code value_date}, date-times in {@code value_datetime} (the
 * site's local clock time to the minute, without a zone, as written on the source), codes and text in {@code value_text}
 * (several codes of a multiple choice separated by {@value #MULTI_SEPARATOR}).
 */
@Entity
@Table(name = "item_data")
public class ItemData {

    public static final String MULTI_SEPARATOR = "|";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "form_ref", nullable = false, updatable = false)
    private Long formRef;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;
    @Column(name = "group_id", nullable = false, length = 64, updatable = false)
    private String groupId;
    @Column(name = "group_repeat", nullable = false, updatable = false)
    private int groupRepeat;
    @Column(name = "item_id", nullable = false, length = 64, updatable = false)
    private String itemId;
    @Column(name = "value_text", length = 4000)
    private String valueText;
    @Column(name = "value_number", precision = 24, scale = 8)
    private BigDecimal valueNumber;
    @Column(name = "value_date")
    private LocalDate valueDate;
    @Column(name = "value_datetime")
    private LocalDateTime valueDateTime;
    @Column(name = "entered_value", length = 100)
    private String enteredValue;
    @Column(name = "entered_unit", length = 32)
    private String enteredUnit;
    @Column(name = "derived_by", length = 200)
    private String derivedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;
    @Version
    private long version;

    protected ItemData() {
    }

    public ItemData(long formRef, long subjectId, String groupId, int groupRepeat, String itemId) {
        this.formRef = formRef;
        this.subjectId = subjectId;
        this.groupId = groupId;
        this.groupRepeat = groupRepeat;
        this.itemId = itemId;
    }

    /** Sets a value of any type, date-times included. */
    public void set(StoredValue value, String derivedBy, Instant at, String by) {
        this.valueText = value.text();
        this.valueNumber = value.number();
        this.valueDate = value.date();
        this.valueDateTime = value.dateTime();
        this.enteredValue = value.enteredValue();
        this.enteredUnit = value.enteredUnit();
        this.derivedBy = derivedBy;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** The stored value as the domain reads it. */
    public StoredValue value() {
        return new StoredValue(valueText, valueNumber, valueDate, enteredValue, enteredUnit, valueDateTime);
    }

    public boolean isEmpty() {
        return valueText == null && valueNumber == null && valueDate == null && valueDateTime == null;
    }

    /** The stored value as text, for the audit trail and exports (numbers without trailing zeros). */
    public String display() {
        return value().display();
    }

    public Long getId() { return id; }
    public Long getFormRef() { return formRef; }
    public Long getSubjectId() { return subjectId; }
    public String getGroupId() { return groupId; }
    public int getGroupRepeat() { return groupRepeat; }
    public String getItemId() { return itemId; }
    public String getValueText() { return valueText; }
    public BigDecimal getValueNumber() { return valueNumber; }
    public LocalDate getValueDate() { return valueDate; }
    public LocalDateTime getValueDateTime() { return valueDateTime; }
    public String getEnteredValue() { return enteredValue; }
    public String getEnteredUnit() { return enteredUnit; }
    public String getDerivedBy() { return derivedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }

    /** The key within the subject, e.g. {@code lesions[2].longest_diameter}. */
    public String key() {
        return groupId + "[" + groupRepeat + "]." + itemId;
    }
}
