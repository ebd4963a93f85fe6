/**
 * Data exchange without a container: import templates and data dictionaries generated from the
 * study definition, readers for CSV, XLSX and CDISC ODM 1.3.2 ClinicalData files (encoding
 * detection, header and row checks with row/column/value/reason problems), the mapping of rows to
 * form entries, and streaming writers for CSV, XLSX, ODM 1.3.2 and the SPSS and R syntax that loads
 * an exported CSV with its labels.
 * <p>
 * Everything here is plain Java and fast to test; the application layer reads the database, calls
 * the form service for every record and owns the transaction.
 */
package org.tacecrf.domain.exchange;
