package io.mosaic.runtime.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every exception that reaches a controller into the one {@link ApiError} shape. */
@RestControllerAdvice
public class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, HttpServletRequest request) {
        return respond(e.status(), e.code(), e.getMessage(), e.problems(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ApiError.Problem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.Problem("/" + f.getField().replace('.', '/'), f.getDefaultMessage()))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, "request.invalid", "The request has invalid fields", problems, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> invalidParameter(ConstraintViolationException e, HttpServletRequest request) {
        List<ApiError.Problem> problems = e.getConstraintViolations().stream()
                .map(v -> new ApiError.Problem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, "request.invalid", "The request has invalid parameters", problems, request);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> unreadable(Exception e, HttpServletRequest request) {
        String message = e instanceof HttpMessageNotReadableException
                ? "The request body is not valid JSON of the expected shape" : e.getMessage();
        return respond(HttpStatus.BAD_REQUEST, "request.malformed", message, List.of(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(HttpStatus.PAYLOAD_TOO_LARGE, "request.too_large", "The upload is larger than allowed",
                List.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "request.method", e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media_type", e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "not_found", "No such resource", List.of(), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ApiError> stale(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(HttpStatus.CONFLICT, "conflict.stale", "Someone else changed this in the meantime; reload and retry",
                List.of(), request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ApiError> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return respond(HttpStatus.CONFLICT, "conflict.duplicate", "Something with this key already exists", List.of(), request);
    }

    /** Security decides these itself (401 or 403 through its entry point and handlers). */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "An unexpected error occurred", List.of(), request);
    }

    private static ResponseEntity<ApiError> respond(HttpStatus status, String code, String message,
                                                    List<ApiError.Problem> problems, HttpServletRequest request) {
        return ResponseEntity.status(status).body(ApiErrors.of(status, code, message, problems, request));
    }
}
