package io.mosaic.runtime.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside controllers (filters, the servlet container) in the same {@link ApiError} shape. */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = status.is5xxServerError() ? "An unexpected error occurred" : status.getReasonPhrase();
        ApiError body = new ApiError(status.value(), status == HttpStatus.NOT_FOUND ? "not_found" : "http." + status.value(),
                message, List.of(), uri == null ? request.getRequestURI() : uri.toString(), java.time.Instant.now());
        return ResponseEntity.status(status).body(body);
    }
}
