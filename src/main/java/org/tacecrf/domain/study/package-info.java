/**
 * The study definition: what a study collects, when, and under which rules.
 * <p>
 * Each study is one YAML file in {@code config/studies} (format: {@code docs/study-definition-guide.md}).
 * {@link org.tacecrf.domain.study.StudyDefinitionLoader} reads and validates the files against the
 * built-in TACE form library ({@link org.tacecrf.domain.study.FormLibrary}, YAML under
 * {@code org/tacecrf/forms/}) and returns an immutable {@link org.tacecrf.domain.study.StudyCatalog};
 * any error stops the load with a {@link org.tacecrf.domain.study.StudyDefinitionException} listing
 * every problem as {@code file:line:column: message}.
 * <p>
 * The model follows CDISC ODM 1.3.2: {@link org.tacecrf.domain.study.VisitDef} (StudyEventDef),
 * {@link org.tacecrf.domain.study.FormDef}, {@link org.tacecrf.domain.study.ItemGroupDef},
 * {@link org.tacecrf.domain.study.ItemDef} and {@link org.tacecrf.domain.study.CodeList}, so a value is
 * keyed by visit id + repeat, form id + repeat, item group id + repeat and item id. Edit-check and
 * visibility expressions are kept as text with their source position for the edit-check language;
 * derivations are named ({@link org.tacecrf.domain.study.DerivationKind}) and computed elsewhere.
 * Protocol choices that published rules leave open are typed {@link org.tacecrf.domain.study.StudyParameters}.
 */
package org.tacecrf.domain.study;
