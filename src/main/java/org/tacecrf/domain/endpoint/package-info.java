/**
 * Time-to-event endpoints per subject: overall survival (OS), progression-free survival (PFS) and
 * time to progression (TTP), with the censoring conventions of the FDA endpoint guidance as
 * restated in the project's clinical rules (sections 7.2-7.3).
 * <p>
 * {@link org.tacecrf.domain.endpoint.EndpointDerivation} turns
 * {@link org.tacecrf.domain.endpoint.EndpointInputs} and study
 * {@link org.tacecrf.domain.endpoint.EndpointParameters} into
 * {@link org.tacecrf.domain.endpoint.Endpoints}; each time records the rule that decided it, so the
 * casebook can show why a subject was censored. Progression dates are criterion-specific: derive
 * once per criteria (RECIST 1.1 PFS differs from mRECIST PFS).
 */
package org.tacecrf.domain.endpoint;
