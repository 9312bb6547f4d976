package io.mosaic.runtime.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Collects every problem of one request body before anything is written, so a client learns about
 * all bad fields at once and a rejected request leaves no partial data.
 */
public final class InputProblems {

    private final List<ApiError.Problem> problems = new ArrayList<>();

    public InputProblems add(String pointer, String message) {
        problems.add(new ApiError.Problem(pointer, message));
        return this;
    }

    /** Checks a required text: present, not blank, at most {@code maxLength} characters. */
    public boolean requireText(String pointer, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(pointer, "is required");
            return false;
        }
        return maxLength(pointer, value, maxLength);
    }

    public boolean maxLength(String pointer, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            add(pointer, "must be at most " + maxLength + " characters");
            return false;
        }
        return true;
    }

    public void requirePattern(String pointer, String value, Pattern pattern, String rule) {
        if (value == null || value.isBlank()) {
            add(pointer, "is required");
        } else if (!pattern.matcher(value).matches()) {
            add(pointer, rule);
        }
    }

    /** bcrypt looks at the first 72 bytes only (and Spring refuses longer input), so that is the upper bound. */
    public void password(String pointer, String password) {
        if (password == null || password.length() < 8) {
            add(pointer, "must be at least 8 characters");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            add(pointer, "must be at most 72 bytes");
        }
    }

    public int size() {
        return problems.size();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** 400 {@code request.invalid} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "The request has invalid fields", problems);
        }
    }
}
