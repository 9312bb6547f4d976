package io.mosaic.runtime.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.notify.NotifyProperties;
import io.mosaic.runtime.notify.OutboxProbe;
import io.mosaic.runtime.notify.WebhookSettings;
import io.mosaic.runtime.notify.WebhookReceiver;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.user.User;

/** A rule's webhook notification leaves the platform signed, once per save, after the save commits. */
class RuleWebhookTest extends SecurityTestSupport {

    private static final String ACTOR = "analyst";
    private static final String SECRET = "erp-secret-for-tests";

    @Autowired
    ApplicationContext context;

    @Autowired
    MetadataService metadata;

    @Autowired
    NotifyProperties properties;

    @Autowired
    ObjectMapper json;

    private final String app = unique("rw").toLowerCase();
    private final String clerkRole = unique("clerk").toLowerCase();
    private final String hook = unique("erp").toLowerCase();
    private WebhookSettings webhookSettings;
    private User clerk;

    @BeforeEach
    void anOrderFormWhoseBigOrdersGoToTheErp() {
        webhookSettings = WebhookSettings.changeable(properties, "127.0.0.1");
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "订单", "en": "Orders"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%s", "name": {"zh-CN": "员工", "en": "Clerk"},
                            "grants": [{"form": "order", "actions": ["create", "read"], "rowScope": "all"}]}],
                 "definitions": [{"kind": "form", "key": "order"}]}""".formatted(app, clerkRole);
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "order", """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"},
                 "fields": [{"key": "customer", "type": "text", "label": {"zh-CN": "客户", "en": "Customer"}},
                            {"key": "total", "type": "integer", "label": {"zh-CN": "合计", "en": "Total"}}]}""", null, ACTOR);
        metadata.publishContent(app, "rules", "to_erp", """
                {"key": "to_erp", "name": {"zh-CN": "推送ERP", "en": "To the ERP"}, "form": "order",
                 "trigger": {"type": "after_save"},
                 "rules": [{"key": "big", "name": {"zh-CN": "大单", "en": "Big"},
                            "condition": {"field": "total", "op": "gt", "value": 50000},
                            "actions": [{"type": "notify", "channels": ["webhook"], "webhook": "%s",
                                         "title": {"zh-CN": "大额订单", "en": "Large order"},
                                         "message": {"zh-CN": "请备货", "en": "Please reserve stock"}}]}]}"""
                .formatted(hook), null, ACTOR);
        clerk = createUser(clerkRole);
    }

    @AfterEach
    void restoreWebhookSettings() {
        webhookSettings.close();
    }

    @Test
    void aMatchingSaveSendsOneSignedWebhookAndANonMatchingOneSendsNone() throws Exception {
        try (WebhookReceiver erp = new WebhookReceiver(SECRET, 0, 0)) {
            properties.getWebhooks().put(hook, new NotifyProperties.Endpoint(erp.url(), SECRET, "json"));
            save("{\"customer\": \"Small\", \"total\": 100}");
            long big = save("{\"customer\": \"Big Co\", \"total\": 90000}");

            OutboxProbe.in(context).settle();
            assertThat(erp.requests()).hasSize(1).allSatisfy(request -> {
                assertThat(request.signatureValid()).isTrue();
                assertThat(request.idempotencyKey()).isNotBlank();
            });
            JsonNode body = json.readTree(erp.requests().get(0).body());
            assertThat(body.path("title").path("en").asText()).isEqualTo("Large order");
            assertThat(body.path("data").path("recordId").asLong()).isEqualTo(big);
            assertThat(body.path("data").path("form").asText()).isEqualTo("order");
        }
    }

    private long save(String record) throws Exception {
        String created = mvc.perform(post("/api/apps/{app}/forms/order/records", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content(record))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).path("id").asLong();
    }
}
