package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.support.RuntimeTest;
import io.mosaic.runtime.web.ApiException;

/** Publishing a process binding checks it against the app's published process and form. */
class ProcessBindingCheckTest extends RuntimeTest {

    private static final String ACTOR = "analyst";

    @Autowired
    MetadataService metadata;

    private final String app = "pd" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeEach
    void anApp() {
        metadata.createApp(app, """
                {"key": "%s", "name": {"zh-CN": "审批", "en": "Approvals"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "definitions": []}""".formatted(app), ACTOR);
    }

    @Test
    void acceptsABindingThatFitsItsPublishedProcessAndForm() throws IOException {
        publishProcessAndForm();

        metadata.publishContent(app, "flow", "approval", fixture("approval.flow.json"), null, ACTOR);

        assertThat(metadata.latestPublished(app, "flow", "approval")).isPresent();
    }

    @Test
    void refusesABindingOfAProcessOrFormNotPublished() throws IOException {
        assertThatThrownBy(() -> metadata.publishContent(app, "flow", "approval", fixture("approval.flow.json"), null,
                ACTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("definition.invalid");
                    assertThat(e.problems()).extracting(p -> p.pointer()).containsExactly("/process", "/form");
                });
        assertThat(metadata.latestPublished(app, "flow", "approval")).isEmpty();
    }

    @Test
    void refusesABindingThatDisagreesWithItsProcessNamingTheElementAndLeavesNothingPublished() throws IOException {
        publishProcessAndForm();
        String wrong = fixture("approval.flow.json").replace("\"id\": \"director_review\"", "\"id\": \"amount_check\"")
                .replace("\"discount\": \"editable\"", "\"colour\": \"editable\"");

        assertThatThrownBy(() -> metadata.publishContent(app, "flow", "approval", wrong, null, ACTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.problems()).extracting(p -> p.pointer())
                            .contains("/tasks/0/view/colour", "/tasks/1/id");
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("'amount_check'"));
                });
        assertThat(metadata.latestPublished(app, "flow", "approval")).isEmpty();
    }

    private void publishProcessAndForm() throws IOException {
        metadata.publishContent(app, "process", "approval", fixture("approval.bpmn20.xml"), null, ACTOR);
        metadata.publishContent(app, "form", "order", """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"},
                 "fields": [{"key": "total", "type": "money", "label": {"zh-CN": "总额", "en": "Total"}},
                            {"key": "discount", "type": "percent", "label": {"zh-CN": "折扣", "en": "Discount"}}]}""",
                null, ACTOR);
    }

    private String fixture(String name) throws IOException {
        try (var in = getClass().getResourceAsStream("/flow/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
