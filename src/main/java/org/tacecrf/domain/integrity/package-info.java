/**
 * Data integrity rules that need no database: what an electronic signature covers and how its
 * content hash links it to the signed values (21 CFR 11.50, 11.70), and source-data verification
 * progress.
 */
package org.tacecrf.domain.integrity;
