/**
 * Data import and export services: imports previewed in rolled-back transactions and committed in
 * one transaction through the form service (so validation, derivations, edit checks, queries and
 * audit are those of data entry), streaming exports of forms, the analysis data set and ODM, and the
 * record of every import.
 */
package org.tacecrf.application.exchange;
