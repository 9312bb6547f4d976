package io.mosaic.runtime.notify;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * The webhooks deliveries may go to and the internal hosts they may reach: those an administrator keeps in the
 * database (Admin → Webhooks) over those of the configuration ({@code mosaic.notify.webhooks.*},
 * {@code mosaic.notify.webhook.allowed-hosts}). Read at every delivery, so a change applies to the next attempt.
 */
@Component
public class Webhooks {

    /** A webhook as the API shows it: never its secret, only whether it has one; {@code source} admin or config. */
    public record View(String key, String url, String preset, String locale, boolean hasSecret, String source) {
    }

    /** What an administrator sends: a null secret keeps the current one, an empty one removes it. */
    public record Change(String url, String secret, String preset, String locale) {
    }

    static final List<String> PRESETS = List.of("json", "dingtalk", "wecom");
    static final List<String> LOCALES = List.of("zh-CN", "en");
    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");
    private static final Pattern HOST = Pattern.compile("^(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?)$");
    private static final int MAX_SECRET = 500;

    private final JdbcClient jdbc;
    private final NotifyProperties properties;
    private final Clock clock = Clock.systemUTC();

    Webhooks(JdbcClient jdbc, NotifyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The endpoint a delivery to {@code key} goes to. */
    Optional<NotifyProperties.Endpoint> endpoint(String key) {
        Optional<NotifyProperties.Endpoint> stored = jdbc.sql("SELECT url, secret, preset, locale FROM MO_WEBHOOK "
                + "WHERE webhook_key = ?").param(key).query((rs, n) -> {
                    NotifyProperties.Endpoint endpoint = new NotifyProperties.Endpoint(rs.getString("url"),
                            rs.getString("secret") == null ? "" : rs.getString("secret"), rs.getString("preset"));
                    endpoint.setLocale(rs.getString("locale"));
                    return endpoint;
                }).optional();
        return stored.isPresent() ? stored : Optional.ofNullable(properties.getWebhooks().get(key));
    }

    /** Whether an administrator let webhooks reach {@code host} although it is internal. */
    boolean hostAllowed(String host) {
        return allowedHosts().stream().anyMatch(allowed -> stripBrackets(allowed).equalsIgnoreCase(host));
    }

    public List<View> list() {
        Map<String, View> views = new LinkedHashMap<>();
        properties.getWebhooks().forEach((key, endpoint) -> views.put(key, new View(key, endpoint.getUrl(),
                endpoint.getPreset(), endpoint.getLocale(), endpoint.getSecret() != null
                && !endpoint.getSecret().isEmpty(), "config")));
        jdbc.sql("SELECT webhook_key, url, secret, preset, locale FROM MO_WEBHOOK ORDER BY webhook_key")
                .query((rs, n) -> new View(rs.getString("webhook_key"), rs.getString("url"), rs.getString("preset"),
                        rs.getString("locale"), rs.getString("secret") != null && !rs.getString("secret").isEmpty(),
                        "admin"))
                .list().forEach(view -> views.put(view.key(), view));
        return views.values().stream().sorted(java.util.Comparator.comparing(View::key)).toList();
    }

    /** Creates or changes an administrator's webhook; 422 with pointers for what is unfit. */
    @Transactional
    public View save(String key, Change change, String username) {
        List<ApiError.Problem> problems = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(new ApiError.Problem("/key", "a key is a lower-case letter, then letters, digits or _ (64 at most)"));
        }
        String url = change.url() == null ? "" : change.url().trim();
        if (!url.matches("(?i)^https?://\\S+$") || url.length() > 2000 || host(url) == null) {
            problems.add(new ApiError.Problem("/url", "an absolute http or https address with a host is required"));
        }
        String preset = change.preset() == null ? "json" : change.preset();
        if (!PRESETS.contains(preset)) {
            problems.add(new ApiError.Problem("/preset", "one of " + PRESETS));
        }
        String locale = change.locale() == null ? "zh-CN" : change.locale();
        if (!LOCALES.contains(locale)) {
            problems.add(new ApiError.Problem("/locale", "one of " + LOCALES));
        }
        if (change.secret() != null && change.secret().length() > MAX_SECRET) {
            problems.add(new ApiError.Problem("/secret", "at most " + MAX_SECRET + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "webhook.invalid", "The webhook is not valid", problems);
        }
        Optional<String> current = jdbc.sql("SELECT secret FROM MO_WEBHOOK WHERE webhook_key = ?").param(key)
                .query((rs, n) -> rs.getString("secret") == null ? "" : rs.getString("secret")).optional();
        String secret = change.secret() != null ? change.secret() : current.orElse("");
        Timestamp now = Timestamp.from(clock.instant());
        if (current.isPresent()) {
            jdbc.sql("UPDATE MO_WEBHOOK SET url = ?, secret = ?, preset = ?, locale = ?, updated_by = ?, updated_at = ? "
                    + "WHERE webhook_key = ?").params(url, secret, preset, locale, username, now, key).update();
        } else {
            jdbc.sql("INSERT INTO MO_WEBHOOK (webhook_key, url, secret, preset, locale, updated_by, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)").params(key, url, secret, preset, locale, username, now).update();
        }
        return new View(key, url, preset, locale, !secret.isEmpty(), "admin");
    }

    /** Removes an administrator's webhook; one of the configuration cannot be removed here (409). */
    @Transactional
    public void delete(String key) {
        if (jdbc.sql("DELETE FROM MO_WEBHOOK WHERE webhook_key = ?").param(key).update() == 0) {
            if (properties.getWebhooks().containsKey(key)) {
                throw ApiException.conflict("webhook.configured", "Webhook '" + key + "' comes from the configuration "
                        + "(mosaic.notify.webhooks." + key + "); change it there");
            }
            throw ApiException.notFound("Webhook '" + key + "'");
        }
    }

    /** The hosts of the configuration, then those an administrator added. */
    public List<String> allowedHosts() {
        Set<String> hosts = new LinkedHashSet<>(properties.getWebhook().getAllowedHosts());
        hosts.addAll(jdbc.sql("SELECT host FROM MO_WEBHOOK_HOST ORDER BY host").query(String.class).list());
        return List.copyOf(hosts);
    }

    /** Only the administrators' hosts, which {@link #replaceHosts} replaces. */
    public List<String> adminHosts() {
        return jdbc.sql("SELECT host FROM MO_WEBHOOK_HOST ORDER BY host").query(String.class).list();
    }

    /** Replaces the administrators' allowed hosts; 422 naming each entry that is no host name or address. */
    @Transactional
    public List<String> replaceHosts(List<String> hosts, String username) {
        List<ApiError.Problem> problems = new ArrayList<>();
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < (hosts == null ? 0 : hosts.size()); i++) {
            String host = hosts.get(i) == null ? "" : hosts.get(i).trim().toLowerCase(Locale.ROOT);
            if (!HOST.matcher(host).matches()) {
                problems.add(new ApiError.Problem("/hosts/" + i, "not a host name or IP address: '" + hosts.get(i) + "'"));
            }
            clean.add(host);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "webhook.invalid_host", "Not every entry is a host",
                    problems);
        }
        jdbc.sql("DELETE FROM MO_WEBHOOK_HOST").update();
        Timestamp now = Timestamp.from(clock.instant());
        for (String host : clean) {
            jdbc.sql("INSERT INTO MO_WEBHOOK_HOST (host, added_by, added_at) VALUES (?, ?, ?)")
                    .params(host, username, now).update();
        }
        return adminHosts();
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String stripBrackets(String host) {
        String trimmed = host.trim();
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
