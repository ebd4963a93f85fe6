package org.tacecrf.interfaces.web.casebook;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tacecrf.domain.casebook.DateTimes;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.study.AlternativeUnit;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.CodeListItem;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemType;

/**
 * One input on a form page: what the user typed (always as text, so a wrong entry is shown back
 * with its message instead of being lost to a converter), the unit chosen, and the messages.
 */
public class FieldModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient ItemDef item;
    private final ItemKey key;
    private final List<Option> options;
    private final List<String> units;
    private String text;
    private String unit;
    private List<String> selected = new ArrayList<>();
    private LocalDate date;
    private LocalDateTime dateTime;
    private String error;
    private String warning;
    private boolean visible = true;
    private String derivedBy;
    private int openQueries;
    private Long queryId;

    /** A code-list entry as shown. */
    public record Option(String code, String label) implements Serializable {
    }

    public FieldModel(ItemDef item, ItemKey key, CodeList codeList, Locale locale) {
        this.item = item;
        this.key = key;
        this.options = codeList == null ? List.of()
                : codeList.items().stream().map((CodeListItem i) -> new Option(i.code(), i.label().get(locale))).toList();
        List<String> unitChoices = new ArrayList<>();
        if (item.unit() != null) {
            unitChoices.add(item.unit());
            item.alternativeUnits().stream().map(AlternativeUnit::unit).forEach(unitChoices::add);
        }
        this.units = List.copyOf(unitChoices);
        this.unit = item.unit();
    }

    /** Fills the input from a stored value; a number entered in another unit is shown as entered. */
    public void load(StoredValue value) {
        clearMessages();
        if (value == null || value.isEmpty()) {
            text = null;
            date = null;
            dateTime = null;
            selected = new ArrayList<>();
            unit = item.unit();
            return;
        }
        if (value.enteredUnit() != null) {
            text = value.enteredValue();
            unit = value.enteredUnit();
        } else {
            text = value.display();
            unit = item.unit();
        }
        date = value.date();
        dateTime = value.dateTime();
        selected = new ArrayList<>(value.codes());
    }

    /** The entry as text for the services: dates in ISO form, multiple choices joined by "|". */
    public String entryText() {
        return switch (item.type()) {
            case DATE -> date == null ? null : date.toString();
            case DATETIME -> dateTime == null ? null : DateTimes.iso(dateTime);
            case MULTI_CHOICE -> selected == null || selected.isEmpty() ? null : String.join("|", selected);
            default -> text;
        };
    }

    public void clearMessages() {
        error = null;
        warning = null;
    }

    public String getType() {
        return item.type().name();
    }

    public boolean isRadio() {
        return item.type() == ItemType.YES_NO || (item.type() == ItemType.CHOICE && options.size() <= 4
                && options.stream().allMatch(o -> o.label().length() < 28));
    }

    public String getInputId() {
        return key.groupId() + "-" + key.groupRepeat() + "-" + key.itemId();
    }

    public ItemDef getItem() { return item; }
    public ItemKey getKey() { return key; }
    public String getPath() { return key.toString(); }
    public List<Option> getOptions() { return options; }
    public List<String> getUnits() { return units; }
    public boolean isHasUnitChoice() { return units.size() > 1; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public List<String> getSelected() { return selected; }
    public void setSelected(List<String> selected) { this.selected = selected == null ? new ArrayList<>() : selected; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalDateTime getDateTime() { return dateTime; }
    public void setDateTime(LocalDateTime dateTime) { this.dateTime = dateTime; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public String getWarning() { return warning; }
    public void setWarning(String warning) { this.warning = warning; }
    public boolean isVisible() { return visible; }
    public void setVisible(boolean visible) { this.visible = visible; }
    public String getDerivedBy() { return derivedBy; }
    public void setDerivedBy(String derivedBy) { this.derivedBy = derivedBy; }
    public boolean isCalculated() { return item.type() == ItemType.CALCULATED; }
    public int getOpenQueries() { return openQueries; }
    public Long getQueryId() { return queryId; }

    /** The item's queries: how many are open, and the one to show first (open before closed). */
    public void setQueries(int open, Long firstQuery) {
        this.openQueries = open;
        this.queryId = firstQuery;
    }
    public boolean isDynamic() { return item.visibleWhen() != null || isCalculated(); }

    /** The calculated or coded value as shown (a code's label rather than the code). */
    public String getDisplay() {
        if (text == null) {
            return "";
        }
        return options.stream().filter(o -> o.code().equals(text)).map(Option::label).findFirst().orElse(text);
    }
}
