package io.mosaic.runtime.rule;

import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;

/**
 * A before-save rule with an {@code exists} condition through the REST API: a registration of a customer another
 * dealer registered within its protection period is refused at the field with the other registration's number, though
 * the saver's row scope shows no other dealer's records; publishing one that searches what the app lacks is a 422.
 */
class ExistsRuleApiTest extends SecurityTestSupport {

    private static final String ACTOR = "analyst";
    private static final RequestPostProcessor ANALYST = user("ann").roles("analyst");

    @Autowired
    MetadataService metadata;

    private final String app = unique("ex").toLowerCase();
    private final String dealerRole = unique("dealer");
    private final String codeA = unique("da");
    private final String codeB = unique("db");
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void publishRegistrationsAndTheirCollisionCheck() {
        String manifest = """
                {"key": "%1$s", "name": {"zh-CN": "报备", "en": "Registrations"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%2$s", "name": {"zh-CN": "经销商", "en": "Dealer"},
                            "grants": [{"form": "registration", "actions": ["create", "read", "update"],
                                        "rowScope": "own_dealer"}]}],
                 "definitions": [{"kind": "form", "key": "registration"}, {"kind": "rules", "key": "collision"}]}"""
                .formatted(app, dealerRole);
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "registration", """
                {"key": "registration", "name": {"zh-CN": "报备", "en": "Registration"},
                 "fields": [
                   {"key": "number", "type": "serial", "label": {"zh-CN": "编号", "en": "Number"}, "pattern": "R-{seq:4}"},
                   {"key": "customer_code", "type": "text", "label": {"zh-CN": "客户", "en": "Customer"}, "indexed": true},
                   {"key": "dealer_code", "type": "text", "label": {"zh-CN": "经销商", "en": "Dealer"}},
                   {"key": "registered_on", "type": "date", "label": {"zh-CN": "日期", "en": "Registered on"}},
                   {"key": "days", "type": "integer", "label": {"zh-CN": "保护期", "en": "Days"}, "defaultExpression": "30"}],
                 "scope": {"dealer": "dealer_code"}}""", null, ACTOR);
        metadata.publishContent(app, "rules", "collision", collision("registration", "customer_code", "days"), null, ACTOR);
    }

    private static String collision(String form, String field, String days) {
        return """
                {"key": "collision", "name": {"zh-CN": "撞单", "en": "Collision"}, "form": "registration",
                 "trigger": {"type": "before_save"},
                 "rules": [{"key": "taken", "name": {"zh-CN": "撞单", "en": "Taken"},
                   "condition": {"all": [{"field": "customer_code", "op": "not_empty"}, {"exists": {
                     "form": "%s", "excludeSelf": true, "as": "other",
                     "where": [{"field": "%s", "op": "eq", "expression": "customer_code"},
                               {"field": "dealer_code", "op": "ne", "expression": "dealer_code"}],
                     "when": "DATEDIF(registered_on, TODAY(), \\"d\\") <= %s"}}]},
                   "actions": [{"type": "reject", "field": "customer_code",
                                "message": {"zh-CN": "已报备：{other.number}", "en": "Registered as {other.number}"}}]}]}"""
                .formatted(form, field, days);
    }

    @Test
    void refusesAnotherDealersRegistrationInsideTheProtectionPeriodAndAllowsTheRest() throws Exception {
        RequestPostProcessor dealerA = as(createDealerUser(null, codeA, dealerRole));
        RequestPostProcessor dealerB = as(createDealerUser(null, codeB, dealerRole));
        create(dealerA, registration("C1", codeA, today.minusDays(5))).andExpect(status().isCreated());
        create(dealerA, registration("C2", codeA, today.minusDays(31))).andExpect(status().isCreated());

        create(dealerB, registration("C1", codeB, today))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/customer_code"))
                .andExpect(jsonPath("$.errors[0].message").value("Registered as R-0001"));
        create(dealerB, registration("C2", codeB, today)).andExpect(status().isCreated());
        create(dealerA, registration("C1", codeA, today)).andExpect(status().isCreated());
        create(dealerB, registration("C2", codeB, today)).andExpect(status().isCreated());
        mvc.perform(get(records()).with(dealerB)).andExpect(jsonPath("$.items.length()").value(2));
        create(dealerB, registration("C1", codeB, today))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message").value("Registered as R-0004"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "registrations|customer_code|days|/rules/0/condition/all/1/exists/form|The app has no published form 'registrations'; publish it first",
            "registration|customer|days|/rules/0/condition/all/1/exists/where/0/field|The form 'registration' has no field 'customer' to search by",
            "registration|customer_code|period|/rules/0/condition/all/1/exists/when|The formula reads 'period', which is not a field of the form 'registration'"})
    void refusesOnPublishAnExistsSearchingWhatTheAppLacks(String form, String field, String days, String pointer,
                                                          String message) throws Exception {
        String path = "/api/apps/" + app + "/definitions/rules/collision";
        mvc.perform(put(path).with(ANALYST).with(csrfToken()).contentType(MediaType.APPLICATION_JSON)
                .content(collision(form, field, days))).andExpect(status().isOk());

        mvc.perform(post(path + "/publish").with(ANALYST).with(csrfToken()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("definition.invalid"))
                .andExpect(jsonPath("$.errors[0].pointer").value(pointer))
                .andExpect(jsonPath("$.errors[0].message").value(message));
        mvc.perform(get(path + "/versions").with(ANALYST)).andExpect(jsonPath("$.length()").value(1));
    }

    private static String registration(String customer, String dealer, LocalDate registeredOn) {
        return """
                {"customer_code": "%s", "dealer_code": "%s", "registered_on": "%s"}""".formatted(customer, dealer,
                registeredOn);
    }

    private ResultActions create(RequestPostProcessor user, String record) throws Exception {
        return mvc.perform(post(records()).param("locale", "en").with(user).contentType(MediaType.APPLICATION_JSON)
                .content(record));
    }

    private String records() {
        return "/api/apps/" + app + "/forms/registration/records";
    }
}
