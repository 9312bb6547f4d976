package io.mosaic.runtime.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import io.mosaic.runtime.web.ApiErrors;

/** 401 and 403 as the one JSON error shape: an API never answers with a redirect or an HTML login page. */
@Component
public class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper mapper;

    public JsonSecurityErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String message = e instanceof BadCredentialsException
                ? e.getMessage() : "Sign in or send an API token";
        ApiErrors.write(mapper, request, response, HttpStatus.UNAUTHORIZED, "auth.required", message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String message;
        if (e instanceof CsrfException) {
            message = "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header";
        } else if (e instanceof ExplainedAccessDenied) {
            message = e.getMessage();
        } else {
            message = "You are not allowed to do this";
        }
        ApiErrors.write(mapper, request, response, HttpStatus.FORBIDDEN, "auth.forbidden", message);
    }
}
