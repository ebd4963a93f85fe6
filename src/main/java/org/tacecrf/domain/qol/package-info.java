/**
 * EORTC QLQ-C30 version 3.0: the 15 scales, the half-items rule and the optional summary score.
 * Item responses are stored as entered; scores are always derived, never entered or imputed at
 * item level. The questionnaire text is licensed by the EORTC and is not held here.
 */
package org.tacecrf.domain.qol;
