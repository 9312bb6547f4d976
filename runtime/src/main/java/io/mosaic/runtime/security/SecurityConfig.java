package io.mosaic.runtime.security;

import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.mosaic.api.security.UserContext;
import io.mosaic.runtime.security.token.ApiTokenAuthentication;
import io.mosaic.runtime.security.token.ApiTokenService;
import io.mosaic.runtime.security.token.BearerTokenFilter;
import io.mosaic.runtime.security.token.TokenScope;
import io.mosaic.runtime.security.user.PasswordLinkProperties;
import io.mosaic.runtime.security.user.UserService;

/**
 * The one security filter chain. Browsers sign in with JSON into a database-backed session and send
 * the CSRF token from the {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN}; integrations send
 * {@code Authorization: Bearer}, which uses no cookies and so needs no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({LoginThrottleProperties.class, PasswordLinkProperties.class})
public class SecurityConfig {

    /** File types of the browser UI, public wherever they sit outside the API. */
    private static final Set<String> STATIC_SUFFIXES = Set.of(".js", ".mjs", ".css", ".html", ".map", ".svg", ".png",
            ".ico", ".woff2");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonSecurityErrors errors, ApiTokenService tokens,
                                            UserService users, CsrfTokenRepository csrfTokens,
                                            SecurityContextRepository contextRepository) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> admin = (authentication, context) ->
                new AuthorizationDecision(isAdmin(authentication.get()));
        http
                .securityContext(c -> c.securityContextRepository(contextRepository))
                .csrf(c -> c.csrfTokenRepository(csrfTokens)
                        // The plain handler: an ES-module SPA sends the raw cookie value back.
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(BearerTokenFilter::isBearerRequest))
                .addFilterBefore(new BearerTokenFilter(tokens, users, errors, errors), CsrfFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .requestCache(c -> c.disable())
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(l -> l.logoutUrl("/api/auth/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/api/auth/csrf", "/api/auth/login", "/api/auth/password").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/actuator/**").access(admin)
                        .requestMatchers("/api/users", "/api/users/**", "/api/roles", "/api/roles/**").access(admin)
                        .requestMatchers("/api/admin/**").access(admin)
                        .requestMatchers(HttpMethod.GET, "/api/orgs", "/api/orgs/**").authenticated()
                        .requestMatchers("/api/orgs", "/api/orgs/**").access(admin)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/", "/index.html", "/login.html", "/favicon.ico", "/assets/**",
                                "/webjars/**", "/error").permitAll()
                        .requestMatchers(staticFiles()).permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * Admin endpoints need role admin; a token reaches them only with scope {@code admin}, so that a
     * read or write token an administrator made for an integration cannot manage users.
     */
    private static final String ADMIN_AUTHORITY = "ROLE_" + UserContext.ADMIN_ROLE;

    static boolean isAdmin(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication.getAuthorities().stream()
                .noneMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()))) {
            return false;
        }
        return !(authentication instanceof ApiTokenAuthentication token) || token.hasScope(TokenScope.ADMIN);
    }

    private static RequestMatcher staticFiles() {
        return (HttpServletRequest request) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !path.startsWith("/api/") && !path.startsWith("/actuator/")
                    && STATIC_SUFFIXES.stream().anyMatch(path::endsWith);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserService users) {
        return username -> users.principal(username)
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService userDetailsService, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetailsService);
        provider.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(provider);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    /** At login: a new session id (against session fixation) and a new CSRF token. */
    @Bean
    SessionAuthenticationStrategy loginSessionStrategy(CsrfTokenRepository csrfTokens) {
        CsrfAuthenticationStrategy csrf = new CsrfAuthenticationStrategy(csrfTokens);
        csrf.setRequestHandler(new CsrfTokenRequestAttributeHandler());
        return new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(), csrf));
    }
}
