package org.tacecrf.application.exchange;

import java.util.Objects;

/**
 * A file to import into a study.
 *
 * @param formId   the form of a CSV or XLSX file (its template); null for ODM files, which name their forms
 * @param reason   reason for changing values of forms already complete; a default naming the import is
 *                 used when blank
 */
public record ImportRequest(String studyId, String formId, String fileName, byte[] content, String reason) {

    public ImportRequest {
        Objects.requireNonNull(studyId, "studyId");
        Objects.requireNonNull(content, "content");
        fileName = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        // Some browsers send the client's path; only the name is kept, without control characters.
        fileName = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", " ");
        if (fileName.isBlank()) {
            fileName = "upload";
        }
        if (fileName.length() > 200) {
            fileName = fileName.substring(0, 200);
        }
    }
}
