package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.mosaic.runtime.security.PasswordLinkMail;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.role.GrantJson;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/** Automated steps: service tasks that do one of the platform's own actions, never code. */
class FlowStepsTest extends FlowTestSupport {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @BeforeEach
    void aMemoForm() {
        metadata.publishContent(app, "form", "memo", """
                {"key": "memo", "name": {"zh-CN": "备忘", "en": "Memo"},
                 "fields": [{"key": "text", "type": "text", "label": {"zh-CN": "内容", "en": "Text"}},
                            {"key": "amount", "type": "integer", "label": {"zh-CN": "金额", "en": "Amount"}}]}""",
                null, ACTOR);
        roles.replaceGrants(clerkRole, List.of(new GrantJson(app, "claim", List.of("create", "read", "update"), "own",
                Map.of()), new GrantJson(app, "memo", List.of("read"), "all", Map.of())));
    }

    @Test
    void stepsSetAFieldCreateARecordAndNotifyAfterTheApproval() throws Exception {
        publishFlow("automated");
        long claim = submitClaim(initiator, "{\"title\": \"Hotel\", \"amount\": 150}");
        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));

        mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.cost").value(300));
        mvc.perform(get("/api/apps/{app}/forms/memo/records", app).with(as(initiator)))
                .andExpect(jsonPath("$.items[0].text").value("Hotel")).andExpect(jsonPath("$.items[0].amount").value(150));
        assertThat(notificationsTo(initiator.username())).contains("notify");
        assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action"))
                .containsExactly("submit", "approve", "set_field", "create_record", "notify");
    }

    @Test
    void aStepThatCannotWriteFailsTheApprovalWhole() throws Exception {
        publishFlow("automated");
        metadata.publishContent(app, "flow", "automated", fixture("automated.flow.json")
                .replace("\"value\": \"amount * 2\"", "\"value\": \"title\""), null, ACTOR);
        long claim = submitClaim(initiator, "{\"title\": \"Hotel\", \"amount\": 150}");
        String task = taskOf(manager, claim);
        act(manager, task, "approve", Map.of()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("flow.step_failed"))
                .andExpect(jsonPath("$.errors[0].pointer").value("set_cost"));
        assertThat(taskOf(manager, claim)).isEqualTo(task);
        mvc.perform(get("/api/apps/{app}/forms/memo/records", app).with(as(initiator))).andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void aBindDealerStepMakesTheInitiatorsAccountTheDealersAndABlankCodeFailsTheApproval() throws Exception {
        publishFlow("automated");
        metadata.publishContent(app, "flow", "automated", fixture("automated.flow.json").replace(
                "{\"id\": \"tell\", \"action\": \"notify\", \"initiator\": true, \"message\": \"Your claim went through\"}",
                "{\"id\": \"tell\", \"action\": \"bind_dealer\", \"value\": \"region\"}"), null, ACTOR);
        long blank = submitClaim(initiator, "{\"title\": \"Admission\", \"amount\": 1}");
        act(manager, taskOf(manager, blank), "approve", Map.of()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("flow.step_failed"))
                .andExpect(jsonPath("$.errors[0].pointer").value("tell"));
        assertThat(users.get(initiator.id()).dealerId()).isNull();

        String code = unique("D");
        long claim = submitClaim(initiator, "{\"title\": \"Admission\", \"amount\": 1, \"region\": \"" + code + "\"}");
        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));
        assertThat(users.get(initiator.id()).dealerId()).isEqualTo(code);
        assertThat(users.get(initiator.id()).roles()).isEqualTo(initiator.roles());
    }

    @Test
    void aCreateUserStepOpensTheAccountWithRolesDealerAndOrgAndMailsALinkThatSetsItsPassword() throws Exception {
        publishAccountStep();
        OrgUnit org = createOrg(null, "region");
        String username = unique("acme");
        String email = username + "@example.com";
        String code = unique("D");
        long claim = submitClaim(initiator, """
                {"title": "Acme Trading", "reviewer": "%s", "note": "%s", "region": "%s", "amount": %d}"""
                .formatted(username, email, code, org.id()));
        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));

        User account = users.findByUsername(username).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Acme Trading");
        assertThat(account.email()).isEqualTo(email);
        assertThat(account.roles()).containsExactly(directorRole);
        assertThat(account.dealerId()).isEqualTo(code);
        assertThat(account.orgId()).isEqualTo(org.id());
        assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action")).endsWith("create_user");
        mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.cost").value(account.id()));
        login(username, PASSWORD).andExpect(status().isUnauthorized());

        String token = passwordLinkMailedTo(email);
        setPassword(token, "a-new-secret-9").andExpect(status().isOk()).andExpect(jsonPath("$.username").value(username));
        login(username, "a-new-secret-9").andExpect(status().isOk()).andExpect(jsonPath("$.dealerId").value(code));
        setPassword(token, "another-secret-9").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/token"));
        assertThat(jdbc.sql("SELECT password_hash FROM MO_USER WHERE id = ?").param(account.id()).query(String.class)
                .single()).doesNotContain("a-new-secret-9");
    }

    @Test
    void aTakenUsernameFailsTheApprovalWith409NamingTheFieldAndWritesNothing() throws Exception {
        publishAccountStep();
        User taken = createUser(clerkRole);
        long claim = submitClaim(initiator, """
                {"title": "Acme Trading", "reviewer": "%s", "note": "acme@example.com", "region": "D1"}"""
                .formatted(taken.username().toUpperCase()));
        String task = taskOf(manager, claim);
        Map<String, String> before = settledFingerprint();

        act(manager, task, "approve", Map.of()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("flow.step_failed"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("field reviewer is taken")))
                .andExpect(jsonPath("$.errors[0].pointer").value("/reviewer"));

        assertThat(settledFingerprint()).isEqualTo(before);
        assertThat(taskOf(manager, claim)).isEqualTo(task);
    }

    @Test
    void anAddressThatIsNoneFailsTheApprovalNamingTheField() throws Exception {
        publishAccountStep();
        long claim = submitClaim(initiator, """
                {"title": "Acme Trading", "reviewer": "%s", "note": "not an address"}"""
                .formatted(unique("acme")));
        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/note"))
                .andExpect(jsonPath("$.errors[0].message").value("is not an e-mail address"));
    }

    @Test
    void aCreateUserStepReadingAFieldTheFormHasNotIsRefusedAtPublishWithItsPointer() throws Exception {
        publishAccountStep();
        String binding = accountBinding().replace("\"username\": \"reviewer\"", "\"username\": \"account_name\"");
        assertThatThrownBy(() -> metadata.publishContent(app, "flow", "automated", binding, null, ACTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problems())
                        .extracting(ApiError.Problem::pointer).containsExactly("/steps/2/username"));
    }

    private void publishAccountStep() throws Exception {
        publishFlow("automated");
        metadata.publishContent(app, "flow", "automated", accountBinding(), null, ACTOR);
    }

    /**
     * The automated flow whose last step opens an account from the claim's fields (the org id in amount) and keeps the
     * new user's id in cost.
     */
    private String accountBinding() throws Exception {
        return fixture("automated.flow.json").replace(
                "{\"id\": \"tell\", \"action\": \"notify\", \"initiator\": true, \"message\": \"Your claim went through\"}",
                """
                {"id": "tell", "action": "create_user", "username": "reviewer", "displayName": "title",
                 "email": "note", "roles": ["%s"], "dealer": "region", "org": "amount", "field": "cost"}"""
                        .formatted(directorRole));
    }

    /** The secret of the set-password link in the one e-mail to {@code email}, once the outbox delivered it. */
    private String passwordLinkMailedTo(String email) throws Exception {
        io.mosaic.runtime.notify.OutboxProbe.in(context).settle();
        MimeMessage[] mails = SMTP.getReceivedMessagesForDomain(email);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("设置您的 Mosaic 密码");
        return PasswordLinkMail.tokenIn(mails[0]);
    }

    private ResultActions setPassword(String token, String password) throws Exception {
        return mvc.perform(post("/api/auth/password").with(csrfToken()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("token", token, "password", password))));
    }

    private ResultActions login(String username, String password) throws Exception {
        return mvc.perform(post("/api/auth/login").with(csrfToken()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("username", username, "password", password))));
    }

    @Test
    void aServiceTaskWithoutAStepIsRefusedWithItsElementId() throws Exception {
        metadata.publishContent(app, "process", "automated", fixture("automated.bpmn20.xml"), null, ACTOR);
        String withoutTell = fixture("automated.flow.json")
                .replace(",\n    {\"id\": \"tell\", \"action\": \"notify\", \"initiator\": true, \"message\": \"Your claim went through\"}", "");
        assertThatThrownBy(() -> metadata.publishContent(app, "flow", "automated", withoutTell, null, ACTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problems()).anySatisfy(problem ->
                        assertThat(problem.message()).contains("'tell'")));
    }
}
