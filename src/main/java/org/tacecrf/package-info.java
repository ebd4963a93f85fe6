/**
 * TACE eCRF.
 * <p>
 * Layers, with dependencies pointing inward:
 * <ul>
 *   <li>{@code domain} — plain Java: the study definition model, clinical calculators, response
 *       criteria, edit-check language, statistics and study tables. No Jakarta imports.</li>
 *   <li>{@code application} — use-case services that own transactions and authorisation.</li>
 *   <li>{@code infrastructure} — persistence (JPA entities and repositories), configuration,
 *       security plumbing.</li>
 *   <li>{@code interfaces} — Faces backing beans ({@code web}) and JAX-RS resources ({@code rest}).</li>
 * </ul>
 */
package org.tacecrf;
