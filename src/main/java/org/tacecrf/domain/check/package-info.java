/**
 * The edit-check language: the expressions study teams write in study definition files for edit
 * checks (validation rules) and calculated items.
 * <p>
 * {@link org.tacecrf.domain.check.Expression#parse(String)} turns text into a syntax tree once
 * (hand-written lexer and recursive-descent parser; syntax errors as
 * {@link org.tacecrf.domain.check.ParseException} with line and column);
 * {@link org.tacecrf.domain.check.Expression#validate} checks paths and types against the study
 * definition; {@link org.tacecrf.domain.check.Expression#evaluate} and
 * {@link org.tacecrf.domain.check.Expression#check} evaluate it on values supplied by a
 * {@link org.tacecrf.domain.check.ValueResolver}. Empty values follow three-valued logic: an edit
 * check fails only when its condition is false, never when data are missing.
 * {@link org.tacecrf.domain.check.EditCheck} and {@link org.tacecrf.domain.check.MessageTemplate}
 * model a study's rules and their query texts. The language is documented in
 * docs/edit-check-language.md.
 */
package org.tacecrf.domain.check;
