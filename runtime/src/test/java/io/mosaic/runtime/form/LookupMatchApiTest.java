package io.mosaic.runtime.form;

import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;

/**
 * {@code LOOKUP} and default formulas through the REST API: an order line is priced from the price list row of the
 * dealer's level and the product, else from the product's list price, whether or not the dealer may read the price
 * list; a form whose LOOKUP names what the app lacks is refused on publish at the expression's pointer.
 */
class LookupMatchApiTest extends SecurityTestSupport {

    private static final String ACTOR = "analyst";
    private static final String LEVEL_PRICE = "LOOKUP(\\\"price_list\\\", \\\"price\\\", \\\"level\\\", dealer.level, "
            + "\\\"product\\\", product)";

    @Autowired
    MetadataService metadata;

    @Autowired
    ObjectMapper json;

    private final String app = unique("lm").toLowerCase();
    private final String clerk = unique("clerk");
    private final String dealerRep = unique("rep");
    private final String codeA = unique("da");
    private final String codeB = unique("db");

    private RequestPostProcessor office;
    private long dealerA;
    private long dealerB;
    private long bolt;
    private long nut;

    @BeforeEach
    void publishDealersProductsPriceListAndOrders() throws Exception {
        String manifest = """
                {"key": "%1$s", "name": {"zh-CN": "订货", "en": "Ordering"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [
                   {"key": "%2$s", "name": {"zh-CN": "文员", "en": "Clerk"},
                    "grants": [{"form": "*", "actions": ["create", "read", "update"], "rowScope": "all"}]},
                   {"key": "%3$s", "name": {"zh-CN": "经销商", "en": "Dealer"},
                    "grants": [{"form": "dealer", "actions": ["read"], "rowScope": "own_dealer"},
                               {"form": "product", "actions": ["read"], "rowScope": "all"},
                               {"form": "order", "actions": ["create", "read"], "rowScope": "own_dealer"}]}],
                 "definitions": [{"kind": "form", "key": "dealer"}, {"kind": "form", "key": "product"},
                                 {"kind": "form", "key": "price_list"}, {"kind": "form", "key": "order"}]}"""
                .formatted(app, clerk, dealerRep);
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "dealer", """
                {"key": "dealer", "name": {"zh-CN": "经销商", "en": "Dealer"},
                 "fields": [
                   {"key": "name", "type": "text", "label": {"zh-CN": "名称", "en": "Name"}},
                   {"key": "level", "type": "select", "label": {"zh-CN": "等级", "en": "Level"},
                    "options": [{"value": "A", "label": {"zh-CN": "A", "en": "A"}},
                                {"value": "B", "label": {"zh-CN": "B", "en": "B"}}]}]}""", null, ACTOR);
        metadata.publishContent(app, "form", "product", """
                {"key": "product", "name": {"zh-CN": "产品", "en": "Product"},
                 "fields": [{"key": "name", "type": "text", "label": {"zh-CN": "名称", "en": "Name"}},
                            {"key": "list_price", "type": "money", "label": {"zh-CN": "指导价", "en": "List price"}}]}""",
                null, ACTOR);
        metadata.publishContent(app, "form", "price_list", """
                {"key": "price_list", "name": {"zh-CN": "价格表", "en": "Price list"},
                 "fields": [
                   {"key": "level", "type": "select", "label": {"zh-CN": "等级", "en": "Level"},
                    "options": [{"value": "A", "label": {"zh-CN": "A", "en": "A"}},
                                {"value": "B", "label": {"zh-CN": "B", "en": "B"}}]},
                   {"key": "product", "type": "lookup", "label": {"zh-CN": "产品", "en": "Product"},
                    "lookup": {"form": "product", "displayField": "name"}},
                   {"key": "price", "type": "money", "label": {"zh-CN": "价格", "en": "Price"}}]}""", null, ACTOR);
        metadata.publishContent(app, "form", "order", order(LEVEL_PRICE), null, ACTOR);
        office = as(createDealerUser(null, null, clerk));
        dealerA = id(create(as(createDealerUser(null, codeA, clerk)), "dealer", "{\"name\": \"Acme\", \"level\": \"A\"}"));
        dealerB = id(create(as(createDealerUser(null, codeB, clerk)), "dealer", "{\"name\": \"Bison\", \"level\": \"B\"}"));
        bolt = id(create(office, "product", "{\"name\": \"Bolt\", \"list_price\": 100}"));
        nut = id(create(office, "product", "{\"name\": \"Nut\", \"list_price\": 10}"));
        create(office, "price_list", "{\"level\": \"A\", \"product\": " + bolt + ", \"price\": 80}").andExpect(status().isCreated());
        create(office, "price_list", "{\"level\": \"B\", \"product\": " + bolt + ", \"price\": 90}").andExpect(status().isCreated());
    }

    /** An order form whose lines take their price from {@code levelPrice}, else from the product's list price. */
    private static String order(String levelPrice) {
        return """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"},
                 "fields": [
                   {"key": "dealer", "type": "lookup", "label": {"zh-CN": "经销商", "en": "Dealer"},
                    "lookup": {"form": "dealer", "displayField": "name"}},
                   {"key": "dealer_code", "type": "formula", "label": {"zh-CN": "编码", "en": "Code"},
                    "expression": "dealer.name", "resultType": "text"},
                   {"key": "lines", "type": "subtable", "label": {"zh-CN": "明细", "en": "Lines"},
                    "columns": [
                      {"key": "product", "type": "lookup", "label": {"zh-CN": "产品", "en": "Product"},
                       "lookup": {"form": "product", "displayField": "name"}},
                      {"key": "price", "type": "money", "label": {"zh-CN": "单价", "en": "Price"}, "required": true,
                       "defaultExpression": "list_price"},
                      {"key": "level_price", "type": "formula", "label": {"zh-CN": "等级价", "en": "Level price"},
                       "expression": "%s", "resultType": "number", "scale": 2},
                      {"key": "list_price", "type": "formula", "label": {"zh-CN": "指导价", "en": "List price"},
                       "expression": "IF(ISBLANK(level_price), product.list_price, level_price)", "resultType": "number",
                       "scale": 2},
                      {"key": "below", "type": "formula", "label": {"zh-CN": "低价", "en": "Below"},
                       "expression": "IF(price < list_price, 1, 0)", "resultType": "number", "scale": 0}]}]}"""
                .formatted(levelPrice);
    }

    @Test
    void pricesEachLineFromTheDealersLevelElseTheListPriceThoughTheDealerCannotReadThePriceList() throws Exception {
        RequestPostProcessor repA = as(createDealerUser(null, codeA, dealerRep));
        RequestPostProcessor repB = as(createDealerUser(null, codeB, dealerRep));
        mvc.perform(get(records("price_list")).with(repA)).andExpect(status().isNotFound());

        JsonNode a = body(create(repA, "order", "{\"dealer\": " + dealerA + ", \"lines\": [{\"product\": " + bolt + "}, "
                + "{\"product\": " + nut + "}, {\"product\": " + bolt + ", \"price\": 70}]}").andExpect(status().isCreated()));
        JsonNode b = body(create(repB, "order", "{\"dealer\": " + dealerB + ", \"lines\": [{\"product\": " + bolt + "}]}")
                .andExpect(status().isCreated()));

        assertLine(a.at("/lines/0"), "80", "80", 0);
        assertLine(a.at("/lines/1"), "10", "10", 0);
        assertLine(a.at("/lines/2"), "70", "80", 1);
        assertLine(b.at("/lines/0"), "90", "90", 0);
        mvc.perform(get(records("order") + "/" + a.get("id").asLong()).with(repA)).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].price").value(80));
    }

    @Test
    void aPreviewShowsTheLinePricesASaveWouldTakeBeforeAnythingIsSaved() throws Exception {
        RequestPostProcessor repA = as(createDealerUser(null, codeA, dealerRep));
        String draft = "{\"dealer\": " + dealerA + ", \"lines\": [{\"product\": " + bolt + "}, {\"product\": " + nut
                + ", \"price\": 5}, {}]}";

        JsonNode values = body(preview(repA, "order", draft).andExpect(status().isOk())).path("values");

        org.assertj.core.api.Assertions.assertThat(values.path("dealer_code").asText()).isEqualTo("Acme");
        // The bolt takes level A's price from the price list, which the dealer cannot read; the nut keeps its 5.
        assertLine(values.at("/lines/0"), "80", "80", 0);
        assertLine(values.at("/lines/1"), "5", "10", 1);
        // A line without a product yet: nothing to price, no error.
        org.assertj.core.api.Assertions.assertThat(values.at("/lines/2/price").isNull()).isTrue();
        // Only what is computed comes back, and nothing was saved.
        org.assertj.core.api.Assertions.assertThat(values.has("dealer")).isFalse();
        org.assertj.core.api.Assertions.assertThat(values.at("/lines/0").has("product")).isFalse();
        mvc.perform(get(records("order")).with(repA)).andExpect(jsonPath("$.items.length()").value(0));

        preview(repA, "order", "[1]").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("record.invalid"));
        preview(repA, "price_list", "{}").andExpect(status().isNotFound());
        // A wrong value leaves the formulas uncomputed; validating names it.
        JsonNode wrong = body(preview(repA, "order", "{\"dealer\": \"Acme\"}").andExpect(status().isOk()));
        org.assertj.core.api.Assertions.assertThat(wrong.path("values").isEmpty()).isTrue();
        // Another dealer, which A may not refer to, tells A nothing of itself (a save would be refused at /dealer).
        JsonNode other = body(preview(repA, "order", "{\"dealer\": " + dealerB + ", \"lines\": [{\"product\": "
                + bolt + "}]}").andExpect(status().isOk()));
        org.assertj.core.api.Assertions.assertThat(other.path("values").isEmpty()).as(other.toString()).isTrue();
    }

    @Test
    void theNewestPriceListRowOfALevelAndProductCounts() throws Exception {
        create(office, "price_list", "{\"level\": \"A\", \"product\": " + bolt + ", \"price\": 75}").andExpect(status().isCreated());

        JsonNode order = body(create(office, "order", "{\"dealer\": " + dealerA + ", \"lines\": [{\"product\": " + bolt + "}]}")
                .andExpect(status().isCreated()));

        assertLine(order.at("/lines/0"), "75", "75", 0);
    }

    @Test
    void aLineWithNoPriceAnywhereIsRefusedAsRequired() throws Exception {
        long unpriced = id(create(office, "product", "{\"name\": \"Washer\"}"));

        create(office, "order", "{\"dealer\": " + dealerA + ", \"lines\": [{\"product\": " + unpriced + "}]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/lines/0/price"))
                .andExpect(jsonPath("$.errors[0].code").value("required"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "LOOKUP(\\\"price_lst\\\", \\\"price\\\", \\\"level\\\", dealer.level)|the app has no published form 'price_lst'; publish it first",
            "LOOKUP(\\\"price_list\\\", \\\"cost\\\", \\\"level\\\", dealer.level)|the form 'price_list' has no field 'cost' to read",
            "LOOKUP(\\\"price_list\\\", \\\"price\\\", \\\"grade\\\", dealer.level)|the form 'price_list' has no field 'grade' to match"})
    void refusesOnPublishALookupOfWhatTheAppLacksAtTheExpressionsPointer(String levelPrice, String message) throws Exception {
        RequestPostProcessor analyst = user("ann").roles("analyst");
        String path = "/api/apps/" + app + "/definitions/form/order";
        mvc.perform(put(path).with(analyst).with(csrfToken()).contentType(MediaType.APPLICATION_JSON)
                .content(order(levelPrice))).andExpect(status().isOk());

        mvc.perform(post(path + "/publish").with(analyst).with(csrfToken()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("definition.invalid"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/fields/2/columns/2/expression"))
                .andExpect(jsonPath("$.errors[0].message").value("LOOKUP at character 1: " + message));
        mvc.perform(get(path + "/versions").with(analyst)).andExpect(jsonPath("$.length()").value(1));
    }

    private static void assertLine(JsonNode line, String price, String listPrice, int below) {
        org.assertj.core.api.Assertions.assertThat(line.get("price").decimalValue()).isEqualByComparingTo(price);
        org.assertj.core.api.Assertions.assertThat(line.get("list_price").decimalValue()).isEqualByComparingTo(listPrice);
        org.assertj.core.api.Assertions.assertThat(line.get("below").asInt()).isEqualTo(below);
    }

    private ResultActions create(RequestPostProcessor user, String form, String record) throws Exception {
        return mvc.perform(post(records(form)).param("locale", "en").with(user).contentType(MediaType.APPLICATION_JSON)
                .content(record));
    }

    private ResultActions preview(RequestPostProcessor user, String form, String record) throws Exception {
        return mvc.perform(post("/api/apps/" + app + "/forms/" + form + "/preview").param("locale", "en").with(user)
                .contentType(MediaType.APPLICATION_JSON).content(record));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private long id(ResultActions created) throws Exception {
        return body(created.andExpect(status().isCreated())).get("id").asLong();
    }

    private String records(String form) {
        return "/api/apps/" + app + "/forms/" + form + "/records";
    }
}
