package org.tacecrf.domain.check;

import java.util.Objects;

/**
 * Where the query of a failed check is attached: an item, or a form as a whole.
 *
 * @param visit visit id, or null for the visit the check runs in
 * @param form  form id
 * @param item  item id, or null when the query is on the whole form
 */
public record CheckTarget(String visit, String form, String item) {

    public CheckTarget {
        Objects.requireNonNull(form, "form");
        for (String id : new String[] {visit, form, item}) {
            if (id != null && !Reference.isIdentifier(id)) {
                throw new IllegalArgumentException("not a valid id: '" + id + "'");
            }
        }
    }

    public static CheckTarget item(String visit, String form, String item) {
        return new CheckTarget(visit, form, Objects.requireNonNull(item, "item"));
    }

    public static CheckTarget form(String visit, String form) {
        return new CheckTarget(visit, form, null);
    }

    public boolean isFormLevel() {
        return item == null;
    }
}
