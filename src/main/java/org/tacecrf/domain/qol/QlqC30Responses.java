package org.tacecrf.domain.qol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.tacecrf.domain.clinical.InputProblem;

/**
 * The 30 item responses of one QLQ-C30 questionnaire as stored: integer codes 1-4 for items
 * 1-28 and 1-7 for items 29-30, null where the item was not answered. Values outside those
 * ranges are kept here (so that they can be reported) but never scored.
 *
 * @param items responses to items 1-30, in item order
 */
public record QlqC30Responses(List<Integer> items) {

    public static final int ITEM_COUNT = 30;

    public QlqC30Responses {
        if (items == null || items.size() != ITEM_COUNT) {
            throw new IllegalArgumentException("The QLQ-C30 has exactly 30 items");
        }
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Responses to items 1-30 in order; exactly 30 values, null for unanswered items. */
    public static QlqC30Responses of(Integer... items) {
        return new QlqC30Responses(Arrays.asList(items));
    }

    /** Responses keyed by item number 1-30; absent items are unanswered. */
    public static QlqC30Responses of(Map<Integer, Integer> byItem) {
        List<Integer> list = new ArrayList<>(Collections.nCopies(ITEM_COUNT, null));
        byItem.forEach((item, value) -> {
            checkItemNumber(item);
            list.set(item - 1, value);
        });
        return new QlqC30Responses(list);
    }

    /** Response to item 1-30, or null if unanswered. */
    public Integer item(int number) {
        checkItemNumber(number);
        return items.get(number - 1);
    }

    /** Highest valid response of an item: 4 for items 1-28, 7 for items 29-30. */
    public static int maximumResponse(int number) {
        checkItemNumber(number);
        return number >= 29 ? 7 : 4;
    }

    public static boolean isValidResponse(int number, Integer value) {
        return value != null && value >= 1 && value <= maximumResponse(number);
    }

    /** Hard range check for the form: one problem per out-of-range item (unanswered items are not problems). */
    public List<InputProblem> validate() {
        List<InputProblem> problems = new ArrayList<>();
        for (int n = 1; n <= ITEM_COUNT; n++) {
            Integer v = item(n);
            if (v != null && !isValidResponse(n, v)) {
                problems.add(outOfRange(n, v));
            }
        }
        return problems;
    }

    static InputProblem outOfRange(int number, int value) {
        return InputProblem.invalid("item" + number, "Item " + number + " has the value " + value
                + "; only 1-" + maximumResponse(number) + " is allowed.");
    }

    private static void checkItemNumber(int number) {
        if (number < 1 || number > ITEM_COUNT) {
            throw new IllegalArgumentException("QLQ-C30 items are numbered 1-30, not " + number);
        }
    }
}
