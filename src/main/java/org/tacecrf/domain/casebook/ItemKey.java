package org.tacecrf.domain.casebook;

/**
 * Where a value sits inside one form: item group, its repeat (1 for a non-repeating group) and the
 * item. Written {@code group[repeat].item}, the path used in error messages, the audit trail and
 * the API.
 */
public record ItemKey(String groupId, int groupRepeat, String itemId) implements Comparable<ItemKey> {

    public static ItemKey parse(String path) {
        int open = path.indexOf('[');
        int close = path.indexOf("].");
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("not an item path: " + path);
        }
        return new ItemKey(path.substring(0, open), Integer.parseInt(path.substring(open + 1, close)), path.substring(close + 2));
    }

    @Override
    public String toString() {
        return groupId + "[" + groupRepeat + "]." + itemId;
    }

    @Override
    public int compareTo(ItemKey o) {
        int c = groupId.compareTo(o.groupId);
        if (c == 0) {
            c = Integer.compare(groupRepeat, o.groupRepeat);
        }
        return c != 0 ? c : itemId.compareTo(o.itemId);
    }
}
