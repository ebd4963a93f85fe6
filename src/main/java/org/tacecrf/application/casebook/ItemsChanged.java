package org.tacecrf.application.casebook;

import java.util.Set;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;

/**
 * Fired inside the saving transaction after a form's values changed (entered, corrected,
 * removed or re-derived). Observers react in the same transaction: signatures over the data are
 * invalidated, source-data verification of the changed items is reset, edit checks reading them
 * are re-run.
 *
 * @param changedKeys the item keys whose value changed in this form
 */
public record ItemsChanged(Subject subject, Visit visit, FormData form, Set<ItemKey> changedKeys, Actor actor,
                           AuditSource source) {
}
