package io.mosaic.runtime.security.token;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.mosaic.runtime.security.CurrentUser;
import io.mosaic.runtime.security.ExplainedAccessDenied;

/** A user's own API tokens. */
@RestController
@RequestMapping("/api/tokens")
public class ApiTokenController {

    private final ApiTokenService tokens;

    public ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    List<ApiToken> list(Authentication authentication) {
        return tokens.list(CurrentUser.principal(authentication).id());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(Authentication authentication, @RequestBody TokenRequest request) {
        refuseTokens(authentication);
        return tokens.create(CurrentUser.principal(authentication), request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Authentication authentication, @PathVariable long id) {
        refuseTokens(authentication);
        tokens.revoke(CurrentUser.principal(authentication).id(), id);
    }

    /** A leaked token must not be able to mint longer-lived tokens for itself. */
    private static void refuseTokens(Authentication authentication) {
        if (authentication instanceof ApiTokenAuthentication) {
            throw new ExplainedAccessDenied("API tokens are managed from a signed-in browser session");
        }
    }
}
