/**
 * Tumour response computed from lesion measurements: RECIST 1.1 and mRECIST (Lencioni &amp; Llovet
 * 2010) side by side from the same lesion data.
 * <p>
 * Contents:
 * <ul>
 *   <li>Lesion model: {@link org.tacecrf.domain.response.Baseline} with
 *       {@link org.tacecrf.domain.response.BaselineLesion}s and follow-up
 *       {@link org.tacecrf.domain.response.Assessment}s.</li>
 *   <li>Baseline selection rules: {@link org.tacecrf.domain.response.SelectionRules}; consistency
 *       of a follow-up record: {@link org.tacecrf.domain.response.AssessmentChecks}.</li>
 *   <li>Time-point response: {@link org.tacecrf.domain.response.ResponseEngine} producing
 *       {@link org.tacecrf.domain.response.TimePointResponse} with every intermediate number.</li>
 *   <li>Across time points: {@link org.tacecrf.domain.response.BestOverallResponse},
 *       {@link org.tacecrf.domain.response.ProtocolTimePoint} windows, first progression date.</li>
 *   <li>Tumour markers ({@link org.tacecrf.domain.response.MarkerChange}) and double reading
 *       with adjudication ({@link org.tacecrf.domain.response.DoubleReading}).</li>
 * </ul>
 * Study-specific choices (points the protocol must fix) are in
 * {@link org.tacecrf.domain.response.ResponseParameters}. Everything here is deterministic and
 * free of I/O. Rules follow the project's clinical-rules document, sections 1 and 7.
 */
package org.tacecrf.domain.response;
