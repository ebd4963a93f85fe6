/**
 * Synthetic demo cohorts shaped like the published studies the product is built for.
 * <p>
 * A {@link org.tacecrf.domain.demo.CohortSpec} (YAML under {@code org/tacecrf/demo/}, one file per
 * shipped study) states what the publication reports: patients per arm and site, the counts of each
 * baseline category, TACE sessions, the responses at the protocol time points, adverse events by
 * grade and the survival medians. {@link org.tacecrf.domain.demo.CohortGenerator} turns it, with a
 * seed, into a {@link org.tacecrf.domain.demo.CohortPlan}: every subject's screening, enrolment and
 * form entries as a nurse would type them (codes and ISO dates as text), in the order they are
 * entered. The application enters the plan through the same services as the forms, so validation,
 * derivations, edit checks and the audit trail all run.
 * <p>
 * Counts are exact: each category list is permuted over the patients, never drawn at random.
 * Lesion measurements are designed backwards from the response each scan must show under mRECIST
 * and checked against the {@link org.tacecrf.domain.response.ResponseEngine}; laboratory values lie in
 * the bands of the patient's Child-Pugh class; survival times come from Weibull distributions whose
 * medians are the published ones (stratified draws, so the medians land close). The same seed gives
 * the same cohort. No real patient data is used anywhere.
 */
package org.tacecrf.domain.demo;
