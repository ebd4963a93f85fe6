package org.tacecrf.application.integrity;

import java.util.List;

import org.tacecrf.domain.integrity.SignatureScope;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.Subject;

/**
 * Fired inside the signing transaction after the built-in checks (role, site, locks, complete
 * forms) and before the password is checked. An observer that must stop the signing throws a
 * {@code ValidationFailure} (21 CFR 11.10(f): e.g. no signature over forms with open queries, if
 * the protocol says so).
 */
public record SigningRequested(Subject subject, SignatureScope scope, List<FormData> forms) {
}
