package org.tacecrf.interfaces.rest;

import java.util.List;

/**
 * The body of every error answer: the HTTP status, a short code, a message, and for refused input
 * each problem with the path of the field it concerns (e.g. {@code values["vital_signs[1].weight"]}).
 */
public record ApiError(int status, String error, String message, List<FieldProblem> fields) {

    /** One refused field. */
    public record FieldProblem(String field, String code, String message) {
    }
}
