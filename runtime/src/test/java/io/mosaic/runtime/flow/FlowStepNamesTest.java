package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.web.ApiException;

/** Step names in each reader's language: the binding's {@code names}, else the BPMN's own name. */
class FlowStepNamesTest extends FlowTestSupport {

    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://mosaic.io/test">
              <process id="named" name="审核" isExecutable="true">
                <startEvent id="start" name="提交"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
                <userTask id="review" name="主管审核"/>
                <sequenceFlow id="f2" sourceRef="review" targetRef="check"/>
                <userTask id="check" name="复核"/>
                <sequenceFlow id="f3" sourceRef="check" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>""";

    private static final String BINDING = """
            {"key": "named", "process": "named", "form": "claim", "startOn": "submit",
             "tasks": [
               {"id": "review", "assignment": {"type": "initiator_manager", "levels": 1}, "fallback": {"type": "user", "user": "admin"},
                "actions": ["approve", "return"]},
               {"id": "check", "assignment": {"type": "initiator_manager", "levels": 1}, "fallback": {"type": "user", "user": "admin"},
                "actions": ["approve"]}],
             "names": {%s}}""";

    private static final String REVIEW_NAMES = "\"review\": {\"zh-CN\": \"经理审核\", \"en\": \"Manager review\"}";

    @Test
    void theTodoBoxTaskTimelineDiagramAndNoticeNameTheStepInTheReadersLanguage() throws Exception {
        publishNamed(REVIEW_NAMES);
        User chineseManager = users.create(new UserRequest(unique("u"), "经理", null, PASSWORD, null, null, null,
                List.of(clerkRole), "zh-CN", null));
        User chineseInitiator = users.create(new UserRequest(unique("u"), "员工", null, PASSWORD, null,
                chineseManager.id(), null, List.of(clerkRole), "zh-CN", null));
        long english = submitClaim(initiator, "{\"title\": \"Taxi\"}");
        long chinese = submitClaim(chineseInitiator, "{\"title\": \"出租车\"}");

        assertThat(todoNode(manager, english)).isEqualTo("Manager review");
        assertThat(todoNode(chineseManager, chinese)).isEqualTo("经理审核");
        assertThat(jdbc.sql("SELECT message FROM MO_OUTBOX WHERE channel = 'in_app' AND target = ? AND topic = ?")
                .params(manager.username(), "task_assigned").query(String.class).single())
                .contains("New task: Manager review", "新待办：经理审核");
        String task = taskOf(manager, english);
        assertThat(read(mvc.perform(get("/api/flow/tasks/{task}", task).with(as(manager)))).path("node").path("name")
                .asText()).isEqualTo("Manager review");

        act(manager, task, "approve", Map.of()).andExpect(status().isOk());

        JsonNode workflow = workflow(initiator, english);
        assertThat(workflow.path("timeline").get(1).path("node").path("name").asText()).isEqualTo("Manager review");
        // A step the binding does not name keeps its BPMN name in every language.
        assertThat(workflow.path("nodes").get(0).path("name").asText()).isEqualTo("复核");
        JsonNode done = read(mvc.perform(get("/api/flow/inbox/done").with(as(manager))).andExpect(status().isOk()));
        assertThat(done.path("items").get(0).path("node").path("name").asText()).isEqualTo("Manager review");
        String diagram = read(mvc.perform(get("/api/flow/instances/{id}/diagram", workflow.path("instanceId").asText())
                .with(as(initiator))).andExpect(status().isOk())).path("bpmn").asText();
        assertThat(diagram).contains("name=\"Manager review\"").doesNotContain("主管审核");
    }

    @Test
    void publishingRefusesANameForAnElementTheProcessLacksAtItsPointer() throws IOException {
        metadata.publishContent(app, "process", "named", BPMN, null, ACTOR);
        String binding = BINDING.formatted(REVIEW_NAMES + ", \"ceo_review\": {\"zh-CN\": \"总裁审批\", \"en\": \"CEO\"}");

        assertThatThrownBy(() -> metadata.publishContent(app, "flow", "named", binding, null, ACTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.problems()).extracting(p -> p.pointer()).containsExactly("/names/ceo_review");
                    assertThat(e.problems().get(0).message()).contains("'ceo_review'");
                });
        assertThat(metadata.latestPublished(app, "flow", "named")).isEmpty();
    }

    private void publishNamed(String names) throws IOException {
        metadata.publishContent(app, "process", "named", BPMN, null, ACTOR);
        metadata.publishContent(app, "flow", "named", BINDING.formatted(names), null, ACTOR);
    }

    private String todoNode(User who, long recordId) throws Exception {
        JsonNode todo = read(mvc.perform(get("/api/flow/inbox/todo?size=200").with(as(who))).andExpect(status().isOk()));
        for (JsonNode item : todo.path("items")) {
            if (item.path("recordId").asLong() == recordId && item.path("app").asText().equals(app)) {
                return item.path("node").path("name").asText();
            }
        }
        throw new AssertionError(who.username() + " has no task on record " + recordId + ": " + todo);
    }
}
