package io.mosaic.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.user.User;

/** Administrators keep webhooks and allowed hosts in the UI; deliveries use them at once. */
class WebhookAdminTest extends SecurityTestSupport {

    private static final String SECRET = "admin-set-secret";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    Outbox outbox;

    private User admin;
    private final String key = unique("erp").toLowerCase();

    @BeforeEach
    void anAdministrator() {
        admin = createUser("admin");
    }

    @AfterEach
    void forgetAdminSettings() {
        jdbc.sql("DELETE FROM MO_WEBHOOK_HOST").update();
        jdbc.sql("DELETE FROM MO_WEBHOOK WHERE webhook_key = ?").param(key).update();
    }

    @Test
    void aWebhookSetInTheUiSignsItsDeliveriesOnceItsInternalHostIsAllowed() throws Exception {
        try (WebhookReceiver erp = new WebhookReceiver(SECRET, 0, 0)) {
            save("{\"url\": \"%s\", \"secret\": \"%s\", \"preset\": \"json\", \"locale\": \"en\"}".formatted(erp.url(), SECRET))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.hasSecret").value(true))
                    .andExpect(jsonPath("$.secret").doesNotExist());
            mvc.perform(get("/api/admin/webhooks").with(as(admin)))
                    .andExpect(jsonPath("$[?(@.key == '%s')].source", key).value(org.hamcrest.Matchers.hasItem("admin")))
                    .andExpect(jsonPath("$[?(@.key == '%s')].secret", key).doesNotExist());

            String refused = test();
            OutboxEntry first = probe().awaitEnded(refused);
            assertThat(first.status()).isEqualTo(OutboxEntry.DEAD);
            assertThat(first.lastError()).contains("loopback").contains("Admin → Webhooks");

            mvc.perform(put("/api/admin/webhooks/allowed-hosts").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"hosts\": [\"127.0.0.1\"]}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.hosts[0]").value("127.0.0.1"));
            String delivered = test();
            assertThat(probe().awaitEnded(delivered).status()).isEqualTo(OutboxEntry.SENT);
            assertThat(erp.requests()).hasSize(1).allSatisfy(request -> {
                assertThat(request.signatureValid()).isTrue();
                assertThat(request.idempotencyKey()).isEqualTo(delivered);
            });
            assertThat(json.readTree(erp.effectiveBody(delivered)).path("topic").asText()).isEqualTo("webhook_test");

            // a change without a secret keeps it; the next delivery still verifies
            save("{\"url\": \"%s\", \"preset\": \"json\", \"locale\": \"zh-CN\"}".formatted(erp.url()))
                    .andExpect(jsonPath("$.hasSecret").value(true));
            assertThat(probe().awaitEnded(test()).status()).isEqualTo(OutboxEntry.SENT);
            assertThat(erp.requests()).hasSize(2).allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
        }
    }

    @Test
    void badWebhooksAndHostsAreRefusedWithPointersAndNonAdminsAreKeptOut() throws Exception {
        save("{\"url\": \"ftp://erp.example.com/in\", \"preset\": \"telex\", \"locale\": \"fr\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("webhook.invalid"))
                .andExpect(jsonPath("$.errors[*].pointer").value(org.hamcrest.Matchers.containsInAnyOrder("/url", "/preset", "/locale")));
        mvc.perform(put("/api/admin/webhooks/Bad-Key").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"https://erp.example.com/in\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].pointer").value("/key"));
        mvc.perform(put("/api/admin/webhooks/allowed-hosts").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hosts\": [\"erp.intranet\", \"http://x/y\", \"\"]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].pointer").value(org.hamcrest.Matchers.containsInAnyOrder("/hosts/1", "/hosts/2")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM MO_WEBHOOK_HOST").query(Long.class).single()).isZero();
        mvc.perform(delete("/api/admin/webhooks/{key}", key).with(as(admin))).andExpect(status().isNotFound());

        User clerk = createUser();
        mvc.perform(get("/api/admin/webhooks").with(as(clerk))).andExpect(status().isForbidden());
        mvc.perform(put("/api/admin/webhooks/{key}", key).with(as(clerk)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"https://erp.example.com/in\"}")).andExpect(status().isForbidden());
        save("{\"url\": \"https://erp.example.com/in\"}").andExpect(status().isOk());
        mvc.perform(get("/api/webhooks").with(as(clerk)))
                .andExpect(jsonPath("$[?(@.key == '%s')].preset", key).value(org.hamcrest.Matchers.hasItem("json")))
                .andExpect(jsonPath("$[0].url").doesNotExist());
        mvc.perform(delete("/api/admin/webhooks/{key}", key).with(as(admin))).andExpect(status().isNoContent());
    }

    private org.springframework.test.web.servlet.ResultActions save(String body) throws Exception {
        return mvc.perform(put("/api/admin/webhooks/{key}", key).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String test() throws Exception {
        String answer = mvc.perform(post("/api/admin/webhooks/{key}/test", key).with(as(admin)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return json.readTree(answer).path("idempotencyKey").asText();
    }

    private OutboxProbe probe() {
        return new OutboxProbe(outbox, dispatcher, jdbc);
    }
}
