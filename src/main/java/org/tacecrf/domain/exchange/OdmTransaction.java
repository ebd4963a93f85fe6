package org.tacecrf.domain.exchange;

import java.time.Instant;

import org.tacecrf.domain.casebook.ItemKey;

/**
 * One change to one item value from the audit trail, as an ODM transaction.
 *
 * @param at           when it happened
 * @param username     who did it ("system" for derivations)
 * @param dataEntry    true for entry or correction at a form or through the API (ODM EditPoint
 *                     Monitoring); false for imports and derivations (DataManagement)
 * @param source       where the change came from and its detail (import and file, algorithm)
 * @param reason       reason for change, or null
 * @param kind         insert, update or remove
 * @param value        the new value as stored text (null for a removal)
 */
public record OdmTransaction(Instant at, String username, boolean dataEntry, String source, String reason, String visitId,
                             int visitRepeat, String formId, int formRepeat, ItemKey key, Kind kind, String value) {

    /** ODM TransactionType of an item change. */
    public enum Kind {
        INSERT("Insert"), UPDATE("Update"), REMOVE("Remove");

        private final String odmName;

        Kind(String odmName) {
            this.odmName = odmName;
        }

        public String odmName() {
            return odmName;
        }
    }
}
