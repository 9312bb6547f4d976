package io.mosaic.runtime.form;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;

/**
 * Lookups through the REST API: a lookup must point at a live record of its target form that the writer may see;
 * reads show the target's display text; the picker lists the targets the user may see; formulas read the target.
 */
class LookupApiTest extends SecurityTestSupport {

    private static final String ACTOR = "analyst";

    @Autowired
    MetadataService metadata;

    @Autowired
    ObjectMapper json;

    private final String app = unique("lk").toLowerCase();
    private final String clerk = unique("clerk");
    private final String dealerRep = unique("rep");
    private final String blind = unique("blind");
    private final String discreet = unique("discreet");
    private final String eastCode = unique("east");
    private final String westCode = unique("west");

    private RequestPostProcessor office;
    private long acme;
    private long zenith;
    private long bolt;

    @BeforeEach
    void publishDealersProductsAndOrders() throws Exception {
        String manifest = """
                {"key": "%1$s", "name": {"zh-CN": "订货", "en": "Ordering"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [
                   {"key": "%2$s", "name": {"zh-CN": "文员", "en": "Clerk"},
                    "grants": [{"form": "dealer", "actions": ["create", "read", "update", "delete"], "rowScope": "all"},
                               {"form": "product", "actions": ["create", "read"], "rowScope": "all"},
                               {"form": "order", "actions": ["create", "read", "update"], "rowScope": "all"}]},
                   {"key": "%3$s", "name": {"zh-CN": "经销商", "en": "Dealer"},
                    "grants": [{"form": "dealer", "actions": ["read"], "rowScope": "own_dealer"},
                               {"form": "product", "actions": ["read"], "rowScope": "all"},
                               {"form": "order", "actions": ["create", "read", "update"], "rowScope": "own_dealer"}]},
                   {"key": "%4$s", "name": {"zh-CN": "盲", "en": "Blind"},
                    "grants": [{"form": "order", "actions": ["create", "read", "update"], "rowScope": "all"}]},
                   {"key": "%5$s", "name": {"zh-CN": "谨慎", "en": "Discreet"},
                    "grants": [{"form": "dealer", "actions": ["read"], "rowScope": "all", "fields": {"name": "hidden"}},
                               {"form": "order", "actions": ["read"], "rowScope": "all"}]}],
                 "definitions": [{"kind": "form", "key": "dealer"}, {"kind": "form", "key": "product"},
                                 {"kind": "form", "key": "order"}]}"""
                .formatted(app, clerk, dealerRep, blind, discreet);
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "dealer", """
                {"key": "dealer", "name": {"zh-CN": "经销商", "en": "Dealer"},
                 "fields": [
                   {"key": "name", "type": "text", "label": {"zh-CN": "名称", "en": "Name"}},
                   {"key": "credit_limit", "type": "money", "label": {"zh-CN": "授信额度", "en": "Credit limit"}}]}""",
                null, ACTOR);
        metadata.publishContent(app, "form", "product", """
                {"key": "product", "name": {"zh-CN": "产品", "en": "Product"},
                 "fields": [{"key": "name", "type": "text", "label": {"zh-CN": "名称", "en": "Name"}}]}""", null, ACTOR);
        metadata.publishContent(app, "form", "order", """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"},
                 "fields": [
                   {"key": "dealer", "type": "lookup", "label": {"zh-CN": "经销商", "en": "Dealer"},
                    "lookup": {"form": "dealer", "displayField": "name"}},
                   {"key": "big_dealer", "type": "lookup", "label": {"zh-CN": "大客户", "en": "Key dealer"},
                    "lookup": {"form": "dealer", "displayField": "name",
                               "filter": [{"field": "credit_limit", "op": "ge", "value": "1000"}]}},
                   {"key": "limit", "type": "formula", "label": {"zh-CN": "额度", "en": "Limit"},
                    "expression": "dealer.credit_limit * 2", "resultType": "number", "scale": 2},
                   {"key": "lines", "type": "subtable", "label": {"zh-CN": "明细", "en": "Lines"},
                    "columns": [
                      {"key": "product", "type": "lookup", "label": {"zh-CN": "产品", "en": "Product"},
                       "lookup": {"form": "product", "displayField": "name"}},
                      {"key": "quantity", "type": "integer", "label": {"zh-CN": "数量", "en": "Quantity"}}]}
                 ]}""", null, ACTOR);
        office = as(createDealerUser(null, null, clerk));
        acme = id(create(as(createDealerUser(null, eastCode, clerk)), "dealer", "{\"name\": \"Acme Ltd\", \"credit_limit\": 5000}"));
        zenith = id(create(as(createDealerUser(null, westCode, clerk)), "dealer", "{\"name\": \"Zenith Trading\", \"credit_limit\": 800}"));
        bolt = id(create(office, "product", "{\"name\": \"Bolt M8\"}"));
    }

    @Test
    void storesALookupToAVisibleRecordComputesItsFormulaAndShowsItsDisplayText() throws Exception {
        RequestPostProcessor rep = as(createDealerUser(null, eastCode, dealerRep));

        long order = id(create(rep, "order", "{\"dealer\": " + acme + ", \"lines\": [{\"product\": " + bolt + ", \"quantity\": 3}, {}]}")
                .andExpect(jsonPath("$.limit").value(10000))
                .andExpect(jsonPath("$._display.dealer").value("Acme Ltd")));

        mvc.perform(get(record("order", order)).with(rep)).andExpect(status().isOk())
                .andExpect(jsonPath("$.dealer").value(acme))
                .andExpect(jsonPath("$._display.dealer").value("Acme Ltd"))
                .andExpect(jsonPath("$._display.lines[0].product").value("Bolt M8"))
                .andExpect(jsonPath("$._display.lines[1].product").doesNotExist());
        mvc.perform(get(records("order")).with(rep))
                .andExpect(jsonPath("$.items[0]._display.dealer").value("Acme Ltd"));
    }

    @Test
    void refusesALookupToARecordOutOfTheUsersScopeAtItsPointer() throws Exception {
        RequestPostProcessor rep = as(createDealerUser(null, eastCode, dealerRep));

        create(rep, "order", "{\"dealer\": " + zenith + ", \"lines\": [{\"product\": " + bolt + "}, {\"product\": 999999}]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("record.invalid"))
                .andExpect(jsonPath("$.errors[*].pointer", contains("/dealer", "/lines/1/product")))
                .andExpect(jsonPath("$.errors[0].code").value("lookup_not_found"))
                .andExpect(jsonPath("$.errors[0].message").value("Dealer refers to a record that does not exist"));

        mvc.perform(get(records("order")).with(office)).andExpect(jsonPath("$.items", empty()));
    }

    @Test
    void refusesALookupToADeletedRecordOrAFormTheUserCannotRead() throws Exception {
        long gone = id(create(office, "dealer", "{\"name\": \"Gone Ltd\"}"));
        mvc.perform(delete(record("dealer", gone)).param("version", "1").with(office)).andExpect(status().isNoContent());

        create(office, "order", "{\"dealer\": " + gone + "}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/dealer"));
        create(as(createDealerUser(null, null, blind)), "order", "{\"dealer\": " + acme + "}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("lookup_not_found"));
        create(as(createDealerUser(null, null, blind)), "order", "{\"lines\": [{\"quantity\": 1}]}")
                .andExpect(status().isCreated());
    }

    @Test
    void letsSomeoneChangeARecordWhoseLookupTheyCannotSee() throws Exception {
        long order = id(create(office, "order", "{\"dealer\": " + zenith + "}"));
        RequestPostProcessor outsider = as(createDealerUser(null, null, blind));

        mvc.perform(patch(record("order", order)).with(outsider).header("If-Match", "1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lines\": [{\"quantity\": 2}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dealer").value(zenith))
                .andExpect(jsonPath("$._display.dealer").doesNotExist());
        mvc.perform(patch(record("order", order)).with(outsider).header("If-Match", "2")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dealer\": " + acme + "}"))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void showsNoDisplayTextOfATargetFieldHiddenFromTheReader() throws Exception {
        long order = id(create(office, "order", "{\"dealer\": " + acme + "}"));

        mvc.perform(get(record("order", order)).with(as(createDealerUser(null, null, discreet))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dealer").value(acme))
                .andExpect(jsonPath("$._display.dealer").isEmpty());
    }

    @Test
    void refusesTheDisplayMemberSentBackAsTheSystems() throws Exception {
        create(office, "order", "{\"dealer\": " + acme + ", \"_display\": {\"dealer\": \"Acme Ltd\"}}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/_display"))
                .andExpect(jsonPath("$.errors[0].code").value("system_field"));
    }

    @Test
    void listsTheCandidatesAUserMaySeeByTheirDisplayText() throws Exception {
        mvc.perform(get(candidates("dealer")).with(office))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].display", contains("Acme Ltd", "Zenith Trading")))
                .andExpect(jsonPath("$[0].id").value(acme));
        mvc.perform(get(candidates("dealer")).param("q", "Trad").with(office))
                .andExpect(jsonPath("$[*].display", contains("Zenith Trading")));
        mvc.perform(get(candidates("dealer")).param("size", "1").with(office))
                .andExpect(jsonPath("$[*].display", contains("Acme Ltd")));
        mvc.perform(get(candidates("dealer")).with(as(createDealerUser(null, westCode, dealerRep))))
                .andExpect(jsonPath("$[*].display", contains("Zenith Trading")));
        mvc.perform(get(candidates("lines.product")).param("q", "M8").with(office))
                .andExpect(jsonPath("$[*].id", contains((int) bolt)));
        mvc.perform(get(candidates("dealer")).param("q", "%").with(office)).andExpect(jsonPath("$", empty()));
    }

    @Test
    void offersAndAcceptsOnlyTargetsThatMeetTheLookupsFilter() throws Exception {
        mvc.perform(get(candidates("big_dealer")).with(office))
                .andExpect(jsonPath("$[*].display", contains("Acme Ltd")));
        mvc.perform(get(candidates("big_dealer")).param("q", "Zenith").with(office)).andExpect(jsonPath("$", empty()));

        create(office, "order", "{\"big_dealer\": " + zenith + "}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/big_dealer"))
                .andExpect(jsonPath("$.errors[0].code").value("lookup_not_found"));
        create(office, "order", "{\"big_dealer\": " + acme + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$._display.big_dealer").value("Acme Ltd"));
    }

    @Test
    void listsNoCandidatesOfATargetTheUserCannotReadOrSearchThroughAHiddenDisplayField() throws Exception {
        mvc.perform(get(candidates("dealer")).with(as(createDealerUser(null, null, blind))))
                .andExpect(status().isOk()).andExpect(jsonPath("$", empty()));
        RequestPostProcessor reader = as(createDealerUser(null, null, discreet));
        mvc.perform(get(candidates("dealer")).param("q", "Acme").with(reader)).andExpect(jsonPath("$", empty()));
        mvc.perform(get(candidates("dealer")).with(reader))
                .andExpect(jsonPath("$[*].id", contains((int) zenith, (int) acme)))
                .andExpect(jsonPath("$[0].display").isEmpty());
    }

    @Test
    void refusesCandidatesOfAFieldThatIsNoLookupAndSizesOutOfRange() throws Exception {
        mvc.perform(get(candidates("limit")).with(office)).andExpect(status().isNotFound());
        mvc.perform(get(candidates("lines.quantity")).with(office)).andExpect(status().isNotFound());
        mvc.perform(get(candidates("dealer")).param("size", "0").with(office)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("size"));
        mvc.perform(get(candidates("dealer")).param("size", "101").with(office)).andExpect(status().isBadRequest());
    }

    private ResultActions create(RequestPostProcessor user, String form, String record) throws Exception {
        return mvc.perform(post(records(form)).param("locale", "en").with(user).contentType(MediaType.APPLICATION_JSON)
                .content(record));
    }

    private long id(ResultActions created) throws Exception {
        return json.readTree(created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("id").asLong();
    }

    private String candidates(String field) {
        return "/api/apps/" + app + "/forms/order/lookup/" + field;
    }

    private String records(String form) {
        return "/api/apps/" + app + "/forms/" + form + "/records";
    }

    private String record(String form, long id) {
        return records(form) + "/" + id;
    }
}
