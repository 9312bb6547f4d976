package io.mosaic.runtime.flow;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;

/**
 * An app of its own per test with a claim form and its roles, users to play the initiator, their manager and the
 * approvers, and helpers to publish a process with its binding and to act through the REST API.
 */
abstract class FlowTestSupport extends SecurityTestSupport {

    static final String ACTOR = "analyst";

    @Autowired
    MetadataService metadata;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    javax.sql.DataSource dataSource;

    final String app = unique("fl").toLowerCase();
    final String clerkRole = unique("clerk").toLowerCase();
    final String directorRole = unique("director").toLowerCase();
    final String legalRole = unique("legal").toLowerCase();
    final String boardRole = unique("board").toLowerCase();
    User manager;
    User initiator;
    User director;

    @BeforeEach
    void anAppWithAClaimForm() throws IOException {
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "报销", "en": "Claims"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [
                   {"key": "%s", "name": {"zh-CN": "员工", "en": "Clerk"},
                    "grants": [{"form": "claim", "actions": ["create", "read", "update"], "rowScope": "own"}]},
                   {"key": "%s", "name": {"zh-CN": "总监", "en": "Director"}, "grants": []},
                   {"key": "%s", "name": {"zh-CN": "法务", "en": "Legal"}, "grants": []},
                   {"key": "%s", "name": {"zh-CN": "董事", "en": "Board"}, "grants": []}],
                 "definitions": [{"kind": "form", "key": "claim"}]}"""
                .formatted(app, clerkRole, directorRole, legalRole, boardRole);
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "claim", """
                {"key": "claim", "name": {"zh-CN": "报销单", "en": "Claim"}, "titleField": "title",
                 "fields": [
                   {"key": "title", "type": "text", "required": true, "label": {"zh-CN": "标题", "en": "Title"}},
                   {"key": "amount", "type": "integer", "label": {"zh-CN": "金额", "en": "Amount"}},
                   {"key": "note", "type": "text", "label": {"zh-CN": "备注", "en": "Note"}},
                   {"key": "cost", "type": "integer", "label": {"zh-CN": "成本", "en": "Cost"}},
                   {"key": "reviewer", "type": "text", "label": {"zh-CN": "审核人", "en": "Reviewer"}},
                   {"key": "region", "type": "text", "label": {"zh-CN": "区域", "en": "Region"}}
                 ]}""", null, ACTOR);
        manager = createUser(clerkRole);
        initiator = users.create(new UserRequest(unique("u"), "Initiator", null, PASSWORD, null, manager.id(), null,
                List.of(clerkRole), "en", null));
        director = createUser(directorRole);
    }

    /** Publishes the process and binding fixtures {@code name}.bpmn20.xml / .flow.json, roles made this test's. */
    void publishFlow(String name) throws IOException {
        String bpmn = fixture(name + ".bpmn20.xml");
        String binding = fixture(name + ".flow.json").replace("ROLE_DIRECTOR", directorRole)
                .replace("ROLE_LEGAL", legalRole).replace("ROLE_BOARD", boardRole);
        String key = json.readTree(binding).path("key").asText();
        metadata.publishContent(app, "process", key, bpmn, null, ACTOR);
        metadata.publishContent(app, "flow", key, binding, null, ACTOR);
    }

    /** Publishes the one-task process with a binding of that task given as JSON (id, actions and so on added). */
    void publishSingle(String taskJson) throws IOException {
        String binding = """
                {"key": "single", "process": "single", "form": "claim", "startOn": "submit",
                 "tasks": [%s]}""".formatted(taskJson);
        metadata.publishContent(app, "process", "single", fixture("single.bpmn20.xml"), null, ACTOR);
        metadata.publishContent(app, "flow", "single", binding, null, ACTOR);
    }

    /** The usernames the one current step of the record is with. */
    List<String> assigneesOf(long recordId) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        workflow(initiator, recordId).path("nodes").forEach(node ->
                node.path("assignees").forEach(user -> names.add(user.path("username").asText())));
        return names;
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = FlowTestSupport.class.getResourceAsStream("/flow/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Creates a claim as the initiator and submits it in one request; answers the record id. */
    long submitClaim(User who, String record) throws Exception {
        String body = mvc.perform(post("/api/apps/{app}/forms/claim/records?submit=true", app).with(as(who))
                        .contentType(MediaType.APPLICATION_JSON).content(record))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("id").asLong();
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    JsonNode workflow(User who, long recordId) throws Exception {
        return read(mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}/workflow", app, recordId).with(as(who)))
                .andExpect(status().isOk()));
    }

    /** The id of the one task {@code who} has to do on record {@code recordId}. */
    String taskOf(User who, long recordId) throws Exception {
        JsonNode todo = read(mvc.perform(get("/api/flow/inbox/todo?size=200", app).with(as(who))).andExpect(status().isOk()));
        for (JsonNode item : todo.path("items")) {
            if (item.path("recordId").asLong() == recordId && item.path("app").asText().equals(app)) {
                return item.path("taskId").asText();
            }
        }
        throw new AssertionError(who.username() + " has no task on record " + recordId + ": " + todo);
    }

    ResultActions act(User who, String taskId, String action, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/flow/tasks/{task}/actions/{action}", taskId, action).with(as(who))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    /** The ids of the steps the record is at now. */
    List<String> nodesOf(User who, long recordId) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        workflow(who, recordId).path("nodes").forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }

    String statusOf(User who, long recordId) throws Exception {
        return workflow(who, recordId).path("status").asText();
    }

    /** Topics of the in-app notifications written for a user, oldest first, whether delivered yet or not. */
    List<String> notificationsTo(String username) {
        return jdbc.sql("SELECT topic FROM MO_OUTBOX WHERE channel = 'in_app' AND target = ? ORDER BY id")
                .param(username).query(String.class).list();
    }

    /**
     * The database's fingerprint once the notifications earlier steps queued are delivered: they go out on another
     * thread right after their commit, which would otherwise change the outbox under a comparison.
     */
    java.util.Map<String, String> settledFingerprint() {
        io.mosaic.runtime.notify.OutboxProbe.in(context).settle();
        return io.mosaic.runtime.support.DatabaseFingerprint.of(dataSource);
    }
}
