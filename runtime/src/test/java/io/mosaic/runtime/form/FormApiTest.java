package io.mosaic.runtime.form;

import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.MosaicUser;
import io.mosaic.runtime.security.role.RoleService;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.runtime.support.RuntimeTest;

/** A published form's record schema, record validation and formula checking through the REST API. */
class FormApiTest extends RuntimeTest {

    private static final String ACTOR = "analyst";
    private static final RequestPostProcessor ADMIN = user("root").roles("admin");
    private static final RequestPostProcessor ANALYST = user("ann").roles("analyst");

    @Autowired
    MockMvc mvc;

    @Autowired
    MetadataService metadata;

    @Autowired
    RoleService roles;

    @Autowired
    UserService users;

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String app = "fa" + suffix;
    /** Reads the order form. */
    private final String reader = "reader_" + suffix;
    /** Sees the app through a grant on another form only. */
    private final String clerk = "clerk_" + suffix;
    /** Reads the order form without the invoice switch, and may not change the title. */
    private final String viewer = "viewer_" + suffix;

    @BeforeEach
    void publishAnOrderForm() {
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "订单", "en": "Orders"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%s", "name": {"zh-CN": "读者", "en": "Reader"},
                            "grants": [{"form": "order", "actions": ["read"], "rowScope": "all"}]},
                           {"key": "%s", "name": {"zh-CN": "文员", "en": "Clerk"},
                            "grants": [{"form": "memo", "actions": ["read", "create"], "rowScope": "own"}]},
                           {"key": "%s", "name": {"zh-CN": "查看", "en": "Viewer"},
                            "grants": [{"form": "order", "actions": ["read", "update"], "rowScope": "own",
                                        "fields": {"needs_invoice": "hidden", "title": "read_only"}}]}],
                 "definitions": [{"kind": "form", "key": "order"}, {"kind": "form", "key": "memo"}]}"""
                .formatted(app, reader, clerk, viewer);
        metadata.createApp(app, manifest, ACTOR);
        // As a pack import does: the manifest's roles and their grants on this app.
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "order", order(10), null, ACTOR);
        metadata.saveDraft(app, "form", "memo", """
                {"key": "memo", "name": {"zh-CN": "备忘", "en": "Memo"},
                 "fields": [{"key": "note", "type": "text", "label": {"zh-CN": "备注", "en": "Note"}}]}""", ACTOR);
    }

    @Test
    void servesTheSchemaOfTheNewestPublishedVersionToAdminsAndGrantedRoles() throws Exception {
        mvc.perform(get(schema("order")).with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.$schema").value("https://json-schema.org/draft/2020-12/schema"))
                .andExpect(jsonPath("$.properties.title.maxLength").value(10))
                .andExpect(jsonPath("$.required", contains("title")));
        mvc.perform(get(schema("order")).with(user("rita").roles(reader))).andExpect(status().isOk())
                .andExpect(jsonPath("$.properties.quantity.minimum").value(1));

        metadata.publishContent(app, "form", "order", order(20), null, ACTOR);

        mvc.perform(get(schema("order")).with(user("rita").roles(reader)))
                .andExpect(jsonPath("$.properties.title.maxLength").value(20));
    }

    @Test
    void servesThePublishedDefinitionWithTheUsersActionsAndReadOnlyFields() throws Exception {
        mvc.perform(get("/api/apps/" + app + "/forms/order").with(user("rita").roles(reader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.actions", contains("read")))
                .andExpect(jsonPath("$.definition.fields[*].key",
                        contains("title", "quantity", "needs_invoice", "invoice_title")))
                .andExpect(jsonPath("$.definition.fields[3].requiredWhen").value("needs_invoice"));
    }

    @Test
    void leavesHiddenFieldsAndExpressionsReadingThemOutOfTheDefinition() throws Exception {
        mvc.perform(get("/api/apps/" + app + "/forms/order").with(user("vic").roles(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions", contains("read", "update")))
                .andExpect(jsonPath("$.readOnly", contains("title")))
                .andExpect(jsonPath("$.definition.fields[*].key", contains("title", "quantity", "invoice_title")))
                .andExpect(jsonPath("$.definition.fields[2].requiredWhen").doesNotExist())
                .andExpect(jsonPath("$.definition.fields[2].live").value(false));
        mvc.perform(get("/api/apps/" + app + "/forms/order").with(user("carl").roles(clerk)))
                .andExpect(status().isNotFound());
    }

    @Test
    void listsEveryFieldTypeWithItsCategoryAndNames() throws Exception {
        mvc.perform(get("/api/field-types").with(user("rita").roles(reader))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(27))
                .andExpect(jsonPath("$[?(@.key == 'money')].category", contains("number")))
                .andExpect(jsonPath("$[?(@.key == 'subtable')].name.zh-CN", contains("子表")))
                .andExpect(jsonPath("$[?(@.platformSet == true)].key", containsInAnyOrder("serial", "formula")));
    }

    @Test
    void hidesTheFormFromUsersWhoMayNotReadIt() throws Exception {
        for (RequestPostProcessor outsider : List.of(user("olga").roles("nobody"), user("carl").roles(clerk), ANALYST)) {
            mvc.perform(get(schema("order")).with(outsider)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("not_found"));
            validate(null, "{\"title\": \"x\", \"quantity\": 1}", outsider).andExpect(status().isNotFound());
        }
    }

    @Test
    void answersNotFoundForAnUnpublishedFormAndAMissingApp() throws Exception {
        mvc.perform(get(schema("memo")).with(ADMIN)).andExpect(status().isNotFound());
        mvc.perform(get(schema("nothing")).with(ADMIN)).andExpect(status().isNotFound());
        mvc.perform(get("/api/apps/no" + suffix + "/forms/order/schema").with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void acceptsAValidRecord() throws Exception {
        validate(null, "{\"title\": \"Bolts\", \"quantity\": 3, \"needs_invoice\": false}", ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void reportsEachInvalidValueWithPointerCodeAndMessageInTheAskedLanguage() throws Exception {
        String record = "{\"title\": \"far too long a title\", \"quantity\": 0, \"colour\": \"red\"}";

        validate("zh-CN", record, user("rita").roles(reader))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("record.invalid"))
                .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/title", "/quantity", "/colour")))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/title')].code").value("max_length"))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/title')].message").value("标题不能超过 10 个字符"))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/quantity')].code").value("minimum"))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/colour')].code").value("unknown_field"))
                .andExpect(jsonPath("$.errors[0].position").doesNotExist());
        validate("en", record, user("rita").roles(reader))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.pointer == '/title')].message")
                        .value("Title must be at most 10 characters"))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/quantity')].message")
                        .value("Quantity must be at least 1"));
    }

    @Test
    void checksConditionalRequirementsWithTheFormulaLanguage() throws Exception {
        validate("en", "{\"title\": \"Bolts\", \"quantity\": 1, \"needs_invoice\": true}", ADMIN)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/invoice_title"))
                .andExpect(jsonPath("$.errors[0].code").value("required"))
                .andExpect(jsonPath("$.errors[0].message").value("Invoice title is required"));
    }

    @Test
    void answersInTheUsersOwnLanguageWhenNoneIsAsked() throws Exception {
        User english = users.create(new UserRequest("en" + suffix, "Reader", null, "correct-horse-1", null, null, null,
                List.of(reader), "en", null));
        MosaicUser principal = users.principal(english.id()).orElseThrow();
        principal.eraseCredentials();
        RequestPostProcessor signedIn = authentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));

        validate(null, "{\"quantity\": 1}", signedIn).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message").value("Title is required"));
        // Without a language of their own (as a mock user), the platform's default: Chinese.
        validate(null, "{\"quantity\": 1}", ADMIN).andExpect(jsonPath("$.errors[0].message").value("标题不能为空"));
    }

    @Test
    void refusesAnUnsupportedLocaleAndReportsMalformedJson() throws Exception {
        validate("fr", "{}", ADMIN).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[0].pointer").value("locale"));
        validate("en", "{\"title\": \"a\", \"title\": \"b\"}", ADMIN)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value(""))
                .andExpect(jsonPath("$.errors[0].code").value("invalid_json"));
    }

    @Test
    void checksAFormulaAndListsWhatItReads() throws Exception {
        checkFormula("{\"expression\": \"ROUND(SUM(lines.amount) * rate, 2)\"}", ANALYST)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.references", contains("lines.amount", "rate")));
        checkFormula("{\"expression\": \"dealer.credit_limit - total\", \"fields\": [\"dealer\", \"total\"]}", ADMIN)
                .andExpect(status().isOk());
    }

    @Test
    void reportsAFormulaSyntaxErrorWithItsPosition() throws Exception {
        checkFormula("{\"expression\": \"price * * 2\"}", ANALYST)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("formula.invalid"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/expression"))
                .andExpect(jsonPath("$.errors[0].code").value("syntax"))
                .andExpect(jsonPath("$.errors[0].position").value(8));
        checkFormula("{\"expression\": \"NOPE(1)\"}", ANALYST)
                .andExpect(jsonPath("$.errors[0].code").value("unknown_function"));
    }

    @Test
    void reportsEveryNameThatIsNotAFieldOfTheForm() throws Exception {
        checkFormula("{\"expression\": \"price * qty + lines.tax\", \"fields\": [\"price\"]}", ANALYST)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].code", contains("unknown_reference", "unknown_reference")))
                .andExpect(jsonPath("$.errors[*].message", contains("'qty' is not a field of this form",
                        "'lines.tax' is not a field of this form")));
    }

    @Test
    void refusesFormulaChecksToPlainUsersAndRequestsWithoutExpression() throws Exception {
        checkFormula("{\"expression\": \"1 + 1\"}", user("rita").roles(reader))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.forbidden"));
        checkFormula("{}", ANALYST).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/expression"));
    }

    private String schema(String form) {
        return "/api/apps/" + app + "/forms/" + form + "/schema";
    }

    /** Validates a record of the order form, in {@code locale} or, when null, without asking for a language. */
    private ResultActions validate(String locale, String record, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/apps/" + app + "/forms/order/validate" + (locale == null ? "" : "?locale=" + locale))
                .contentType(MediaType.APPLICATION_JSON).content(record).with(who).with(csrfToken()));
    }

    private ResultActions checkFormula(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/formulas/check").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(who).with(csrfToken()));
    }

    private static String order(int titleLength) {
        return """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"},
                 "fields": [
                   {"key": "title", "type": "text", "required": true, "maxLength": %d,
                    "label": {"zh-CN": "标题", "en": "Title"}},
                   {"key": "quantity", "type": "integer", "min": 1, "label": {"zh-CN": "数量", "en": "Quantity"}},
                   {"key": "needs_invoice", "type": "switch", "label": {"zh-CN": "开票", "en": "Invoice"}},
                   {"key": "invoice_title", "type": "text", "requiredWhen": "needs_invoice",
                    "label": {"zh-CN": "发票抬头", "en": "Invoice title"}}
                 ]}""".formatted(titleLength);
    }
}
