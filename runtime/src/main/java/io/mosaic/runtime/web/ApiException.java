package io.mosaic.runtime.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.mosaic.api.definition.DefinitionProblem;

/** An error meant for the API client: it carries its status, code and problems to {@link ApiError}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<ApiError.Problem> problems;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(HttpStatus status, String code, String message, List<ApiError.Problem> problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    /** A definition (or several) failed validation: 422 with every problem listed. */
    public static ApiException invalidDefinition(String message, List<DefinitionProblem> problems) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "definition.invalid", message,
                problems.stream().map(p -> new ApiError.Problem(p.pointer(), p.message())).toList());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ApiError.Problem> problems() {
        return problems;
    }
}
