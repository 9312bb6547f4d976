package io.mosaic.runtime.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one JSON shape of every error the platform answers with.
 *
 * @param status HTTP status code
 * @param code   stable machine-readable code, e.g. {@code definition.invalid}
 * @param message what went wrong, for a person
 * @param errors the individual problems, each with the pointer (JSON Pointer, field key or BPMN element id) it is about
 * @param path   the request path
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String code, String message, List<Problem> errors, String path, Instant timestamp) {

    /**
     * One problem inside an error.
     *
     * @param code     what kind of problem, when the API names it (a record error's {@code max_length}, a
     *                 formula's {@code syntax}); omitted otherwise
     * @param position zero-based index into the text at {@code pointer} where the problem is, when known
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String pointer, String message, String code, Integer position) {

        public Problem(String pointer, String message) {
            this(pointer, message, null, null);
        }
    }
}
