package cn.zjdata.portal.common;

import java.util.List;

/**
 * A failure the client should hear about, carrying everything its problem+json answer needs.
 * Services throw these; one mapper in {@link ProblemMappers} turns them into responses.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "/problems/not-found", "Not found",
                "No " + what + " with id '" + id + "'", List.of());
    }

    public static ProblemException badParameter(String parameter, String message) {
        return new ProblemException(400, "/problems/bad-parameter", "Bad request parameter",
                "Parameter '" + parameter + "': " + message, List.of(FieldError.of(parameter, message)));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(422, "/problems/validation", "The request is not valid", detail, errors);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "/problems/conflict", "Conflict", detail, List.of());
    }

    public static ProblemException gone(String detail) {
        return new ProblemException(410, "/problems/gone", "Gone", detail, List.of());
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), null, errors);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
