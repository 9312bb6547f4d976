package io.mosaic.runtime.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Builds and writes {@link ApiError}s, also from places outside Spring MVC such as security filters. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ApiError of(HttpStatus status, String code, String message, List<ApiError.Problem> problems,
                              HttpServletRequest request) {
        return new ApiError(status.value(), code, message, problems, request == null ? null : request.getRequestURI(),
                Instant.now());
    }

    public static void write(ObjectMapper mapper, HttpServletRequest request, HttpServletResponse response,
                             HttpStatus status, String code, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), of(status, code, message, List.of(), request));
    }
}
