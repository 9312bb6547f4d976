package io.mosaic.runtime.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserService;

/** The signed-in user's own profile. */
@RestController
@RequestMapping("/api/me")
public class MeController {

    private final UserService users;
    private final SecurityContextRepository contextRepository;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    public MeController(UserService users, SecurityContextRepository contextRepository) {
        this.users = users;
        this.contextRepository = contextRepository;
    }

    @GetMapping
    Me me(Authentication authentication) {
        return Me.of(users.get(CurrentUser.principal(authentication).id()));
    }

    @PatchMapping
    Me update(Authentication authentication, @RequestBody ProfileUpdate body, HttpServletRequest request,
              HttpServletResponse response) {
        MosaicUser principal = CurrentUser.principal(authentication);
        User user = users.updateProfile(principal.id(), body.locale(), body.displayName());
        if (!user.locale().equals(principal.locale())
                && authentication instanceof UsernamePasswordAuthenticationToken && request.getSession(false) != null) {
            // The session's principal carries the locale the engines see; keep it in step.
            MosaicUser updated = principal.withLocale(user.locale());
            SecurityContext context = contextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null,
                    updated.getAuthorities()));
            contextHolder.setContext(context);
            contextRepository.saveContext(context, request, response);
        }
        return Me.of(user);
    }

    record ProfileUpdate(String locale, String displayName) {
    }
}
