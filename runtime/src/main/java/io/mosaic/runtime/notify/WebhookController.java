package io.mosaic.runtime.notify;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Webhooks for administrators (under /api/admin, role admin, see SecurityConfig): the endpoints rules and processes
 * notify, with their signing secrets, and the internal hosts they may reach; a test delivery through the outbox.
 * Everyone signed in may list the keys, which the rule designer offers.
 */
@Tag(name = "Notifications", description = "Webhook endpoints and allowed hosts")
@RestController
public class WebhookController {

    /** The administrators' allowed hosts, and those the configuration adds. */
    record Hosts(List<String> hosts, List<String> configured) {
    }

    record HostsChange(List<String> hosts) {
    }

    private final Webhooks webhooks;
    private final Notifications notifications;
    private final NotifyProperties properties;

    WebhookController(Webhooks webhooks, Notifications notifications, NotifyProperties properties) {
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Operation(summary = "The webhook keys rules and processes may notify, with their payload preset")
    @GetMapping("/api/webhooks")
    List<Map<String, String>> keys() {
        return webhooks.list().stream().map(view -> Map.of("key", view.key(), "preset", view.preset())).toList();
    }

    @Operation(summary = "Every webhook with its URL, preset, language and whether it has a secret (never the secret)")
    @GetMapping("/api/admin/webhooks")
    List<Webhooks.View> list() {
        return webhooks.list();
    }

    @Operation(summary = "Create or change a webhook: {url, secret?, preset json|dingtalk|wecom, locale zh-CN|en}; a "
            + "secret left out keeps the current one, an empty one removes it; 422 webhook.invalid with pointers")
    @PutMapping("/api/admin/webhooks/{key}")
    Webhooks.View save(@PathVariable String key, @RequestBody Webhooks.Change change, Authentication user) {
        return webhooks.save(key, change, user.getName());
    }

    @Operation(summary = "Remove a webhook made here; 409 webhook.configured for one of the configuration")
    @DeleteMapping("/api/admin/webhooks/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String key) {
        webhooks.delete(key);
    }

    @Operation(summary = "Send a test notification to the webhook through the outbox: 202 with its idempotency key, "
            + "whose delivery (or failure, with the reason) shows in the delivery log")
    @PostMapping("/api/admin/webhooks/{key}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> test(@PathVariable String key, Authentication user) {
        if (webhooks.endpoint(key).isEmpty()) {
            throw ApiException.notFound("Webhook '" + key + "'");
        }
        List<String> keys = notifications.send(new NotificationRequest("webhook_test", Set.of(Channel.WEBHOOK),
                List.of(), List.of(key), new LocalizedText("Mosaic 测试消息", "Mosaic test message"),
                new LocalizedText("由 " + user.getName() + " 发送", "Sent by " + user.getName()), null,
                Map.of("webhook", key)));
        return Map.of("idempotencyKey", keys.isEmpty() ? "" : keys.get(0));
    }

    @Operation(summary = "The internal hosts webhooks may reach: those set here and those of the configuration")
    @GetMapping("/api/admin/webhooks/allowed-hosts")
    Hosts hosts() {
        return new Hosts(webhooks.adminHosts(), List.copyOf(properties.getWebhook().getAllowedHosts()));
    }

    @Operation(summary = "Replace the hosts set here: {hosts:[...]} host names or IP addresses; 422 with pointers")
    @PutMapping("/api/admin/webhooks/allowed-hosts")
    Hosts replaceHosts(@RequestBody HostsChange change, Authentication user) {
        webhooks.replaceHosts(change.hosts(), user.getName());
        return hosts();
    }
}
