package io.mosaic.runtime.security;

import java.io.Serial;

import org.springframework.security.access.AccessDeniedException;

/** A refusal whose message is written for the client and goes into the 403 answer as it is. */
public class ExplainedAccessDenied extends AccessDeniedException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ExplainedAccessDenied(String message) {
        super(message);
    }
}
