package io.mosaic.bench;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.flow.FlowService;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.MosaicUser;
import io.mosaic.runtime.security.role.RoleService;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.util.List;
import java.util.Locale;

/**
 * A two-level claim approval set up as an analyst publishes it (an app with a claim form, a process and its binding:
 * the initiator's manager reviews, claims over 100 then go to the director role), run through {@link FlowService}
 * as the REST API runs it: the initiator creates and submits a claim, its manager approves, the director approves.
 */
final class PlatformApprovals {

    static final String APP = "benchflow";
    static final String FORM = "claim";
    static final String MANAGER = "bench_manager";
    static final String INITIATOR = "bench_initiator";
    static final String DIRECTOR = "bench_director";
    private static final String ACTOR = "bench";
    private static final String CLERK_ROLE = "bench_clerk";
    private static final String DIRECTOR_ROLE = "bench_director_role";

    static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://mosaic.io/bench">
              <process id="claim_approval" name="Claim approval" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="to_first" sourceRef="start" targetRef="first_review"/>
                <userTask id="first_review" name="Manager review"/>
                <sequenceFlow id="to_check" sourceRef="first_review" targetRef="amount_check"/>
                <exclusiveGateway id="amount_check" default="small"/>
                <sequenceFlow id="large" sourceRef="amount_check" targetRef="second_review"/>
                <sequenceFlow id="small" sourceRef="amount_check" targetRef="end"/>
                <userTask id="second_review" name="Director review"/>
                <sequenceFlow id="to_end" sourceRef="second_review" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    private static final String BINDING = """
            {"key": "claim_approval", "process": "claim_approval", "form": "claim", "startOn": "submit",
             "tasks": [
               {"id": "first_review", "assignment": {"type": "initiator_manager", "levels": 1},
                "fallback": {"type": "skip"}, "actions": ["approve", "reject", "return"]},
               {"id": "second_review", "assignment": {"type": "roles", "roles": ["%s"]},
                "fallback": {"type": "skip"}, "actions": ["approve", "reject", "return"]}],
             "flows": [{"id": "large", "condition": "amount > 100"}]}""".formatted(DIRECTOR_ROLE);

    private final FlowService flows;
    private final TaskService tasks;
    private final Authentication initiator;
    private final Authentication manager;
    private final Authentication director;

    private PlatformApprovals(FlowService flows, TaskService tasks, Authentication initiator, Authentication manager,
                              Authentication director) {
        this.flows = flows;
        this.tasks = tasks;
        this.initiator = initiator;
        this.manager = manager;
        this.director = director;
    }

    /** Publishes the app, form, process and binding and creates the three users, through the platform's services. */
    static PlatformApprovals setUp(BenchRuntime runtime) throws Exception {
        MetadataService metadata = runtime.bean(MetadataService.class);
        UserService users = runtime.bean(UserService.class);
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "报销", "en": "Claims"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [
                   {"key": "%s", "name": {"zh-CN": "员工", "en": "Clerk"},
                    "grants": [{"form": "claim", "actions": ["create", "read", "update"], "rowScope": "own"}]},
                   {"key": "%s", "name": {"zh-CN": "总监", "en": "Director"}, "grants": []}],
                 "definitions": [{"kind": "form", "key": "claim"}]}""".formatted(APP, CLERK_ROLE, DIRECTOR_ROLE);
        metadata.createApp(APP, manifest, ACTOR);
        runtime.bean(RoleService.class).upsertAppRoles(APP, AppManifest.read(manifest).roles());
        metadata.publishContent(APP, "form", FORM, """
                {"key": "claim", "name": {"zh-CN": "报销单", "en": "Claim"}, "titleField": "title",
                 "fields": [
                   {"key": "title", "type": "text", "required": true, "label": {"zh-CN": "标题", "en": "Title"}},
                   {"key": "amount", "type": "integer", "label": {"zh-CN": "金额", "en": "Amount"}},
                   {"key": "note", "type": "text", "label": {"zh-CN": "备注", "en": "Note"}}
                 ]}""", null, ACTOR);
        metadata.publishContent(APP, "process", "claim_approval", PROCESS, null, ACTOR);
        metadata.publishContent(APP, "flow", "claim_approval", BINDING, null, ACTOR);
        User manager = users.create(user(MANAGER, null, CLERK_ROLE));
        User initiator = users.create(user(INITIATOR, manager.id(), CLERK_ROLE));
        User director = users.create(user(DIRECTOR, null, DIRECTOR_ROLE));
        return new PlatformApprovals(runtime.bean(FlowService.class), runtime.bean(TaskService.class),
                signedIn(users, initiator), signedIn(users, manager), signedIn(users, director));
    }

    /** The user id of the initiator, who files the claims. */
    long initiatorId() {
        return ((MosaicUser) initiator.getPrincipal()).id();
    }

    /** Submits one claim and has both reviewers approve it; answers its record id. */
    long approveOne(String recordJson) throws Exception {
        long record = flows.createAndSubmit(APP, FORM, recordJson, initiator, Locale.ENGLISH);
        String businessKey = APP + "/" + FORM + "/" + record;
        require(flows.act(nextTask(tasks, businessKey).getId(), "approve", FlowService.ActionInput.comment(null), manager),
                FlowService.IN_APPROVAL);
        require(flows.act(nextTask(tasks, businessKey).getId(), "approve", FlowService.ActionInput.comment(null), director),
                FlowService.APPROVED);
        return record;
    }

    /** The open task of an instance, found the same way on both sides. */
    static Task nextTask(TaskService tasks, String businessKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private static void require(FlowService.Outcome outcome, String status) {
        if (!status.equals(outcome.status())) {
            throw new IllegalStateException("Expected the claim " + status + " but it is " + outcome.status());
        }
    }

    private static UserRequest user(String username, Long managerId, String role) {
        return new UserRequest(username, username, null, "bench-password-1", null, managerId, null, List.of(role), "en",
                null);
    }

    static Authentication signedIn(UserService users, User user) {
        MosaicUser principal = users.principal(user.id()).orElseThrow();
        principal.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
