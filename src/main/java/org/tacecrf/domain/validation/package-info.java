/**
 * Running a study's edit checks on a subject's data, and what comes out of it.
 * <p>
 * {@link org.tacecrf.domain.validation.CheckRunner} runs the checks of a
 * {@link org.tacecrf.domain.study.StudyDefinition} (the built-in TACE rules of the form library that
 * apply to the study, and the study's own) either for one form being saved, with the unsaved values
 * in place, or for a whole subject in a batch run. Each evaluation gives a
 * {@link org.tacecrf.domain.validation.CheckOutcome}: pass, fail, not evaluable (a value it needs is
 * empty) or error, with the message in English and Chinese showing the values read, and whether a
 * failure is a query (hard or soft) or a protocol deviation.
 * {@link org.tacecrf.domain.validation.SubjectResolver} reads the values an expression asks for from
 * {@link org.tacecrf.domain.casebook.SubjectData}, by the same rules
 * {@link org.tacecrf.domain.study.SubjectSchema} validated the expression with.
 * The runner only reports; saving, queries and deviations are the application's.
 */
package org.tacecrf.domain.validation;
