/**
 * NCI CTCAE v5.0: the catalogue of adverse-event terms reported in TACE studies with the grades
 * each term allows ({@link org.tacecrf.domain.ctcae.CtcaeV5}), and the grading of laboratory
 * values ({@link org.tacecrf.domain.ctcae.CtcaeLabGrading}), including the baseline-dependent
 * rules for liver tests. Grades derived here are proposals next to the investigator's AE grade,
 * which remains the record.
 */
package org.tacecrf.domain.ctcae;
