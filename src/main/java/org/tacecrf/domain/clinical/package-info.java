/**
 * Clinical calculators for TACE studies: laboratory units and ranges, Child-Pugh, ALBI, BCLC
 * staging, BMI and body-surface area.
 * <p>
 * Every calculator returns a {@link org.tacecrf.domain.clinical.Derivation}: the value together
 * with the {@link org.tacecrf.domain.clinical.AlgorithmId} (name, variant and version) that
 * produced it, or an explicit "not computable" naming each missing or invalid input. No
 * calculator substitutes a default for a missing input. Inputs are taken as entered on the form
 * ({@link org.tacecrf.domain.clinical.Measurement}: value plus unit) and converted internally, so
 * the caller stores what the site entered. Rules follow the study's clinical-rules document,
 * sections 2 (liver function and staging) and 3 (units).
 */
package org.tacecrf.domain.clinical;
