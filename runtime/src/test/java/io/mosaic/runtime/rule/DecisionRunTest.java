package io.mosaic.runtime.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.form.store.Actor;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.user.User;

/** A decision table run over a quarter's orders per dealer, simulated, and re-run without duplicates. */
class DecisionRunTest extends SecurityTestSupport {

    @Autowired
    MetadataService metadata;

    @Autowired
    FormRecords records;

    @Autowired
    ObjectMapper json;

    private final String app = unique("dr").toLowerCase();
    private User analyst;

    @BeforeEach
    void ordersAndATieredRebateTable() throws Exception {
        metadata.createApp(app, """
                {"key": "%s", "name": {"zh-CN": "返利", "en": "Rebates"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "definitions": [{"kind": "form", "key": "order"}, {"kind": "form", "key": "rebate"}]}""".formatted(app),
                "analyst");
        metadata.publishContent(app, "form", "order", """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"},
                 "fields": [{"key": "dealer", "type": "text", "label": {"zh-CN": "经销商", "en": "Dealer"}},
                            {"key": "order_date", "type": "date", "label": {"zh-CN": "日期", "en": "Date"}},
                            {"key": "total", "type": "decimal", "label": {"zh-CN": "金额", "en": "Total"}}]}""", null, "analyst");
        metadata.publishContent(app, "form", "rebate", """
                {"key": "rebate", "name": {"zh-CN": "返利", "en": "Rebate"},
                 "fields": [{"key": "dealer", "type": "text", "label": {"zh-CN": "经销商", "en": "Dealer"}},
                            {"key": "period", "type": "text", "label": {"zh-CN": "期间", "en": "Period"}},
                            {"key": "rate", "type": "decimal", "label": {"zh-CN": "比例", "en": "Rate"}},
                            {"key": "amount", "type": "decimal", "label": {"zh-CN": "金额", "en": "Amount"}}]}""", null, "analyst");
        metadata.publishContent(app, "decision", "tiers", """
                {"key": "tiers", "name": {"zh-CN": "档位", "en": "Tiers"}, "form": "order", "hitPolicy": "first",
                 "inputs": [{"key": "quarter_sales", "label": {"zh-CN": "季度销售", "en": "Quarter sales"}, "type": "number",
                             "expression": "quarter_sales"}],
                 "outputs": [{"key": "rate", "label": {"zh-CN": "比例", "en": "Rate"}, "type": "number"}],
                 "rows": [{"key": "gold", "inputs": [{"op": "gte", "value": 100000}], "outputs": [0.05]},
                          {"key": "silver", "inputs": [{"op": "between", "min": 50000, "max": 100000, "maxInclusive": false}], "outputs": [0.03]},
                          {"key": "rest", "inputs": [{"op": "any"}], "outputs": [0]}]}""", null, "analyst");
        Actor system = new Actor(1, null, null);
        for (String[] order : new String[][] {{"East", "2026-01-10", "60000"}, {"East", "2026-02-10", "50000"},
                {"North", "2026-03-01", "70000"}, {"North", "2026-04-02", "90000"}, {"West", "2026-02-20", "1000"}}) {
            records.systemStore(app, "order").create("""
                    {"dealer": "%s", "order_date": "%s", "total": %s}""".formatted(order[0], order[1], order[2]),
                    system, Locale.ENGLISH);
        }
        analyst = createUser("analyst");
    }

    private JsonNode runQuarter() throws Exception {
        return runQuarter("[]");
    }

    private JsonNode runQuarter(String filters) throws Exception {
        String body = """
                {"period": "2026-Q1", "from": "2026-01-01", "to": "2026-03-31", "dateField": "order_date",
                 "groupBy": "dealer", "filters": %s, "sums": {"quarter_sales": "total"}, "resultForm": "rebate",
                 "values": {"dealer": "dealer", "period": "period", "rate": "rate", "amount": "quarter_sales * rate"}}"""
                .formatted(filters);
        JsonNode started = json.readTree(mvc.perform(post("/api/apps/{app}/decisions/tiers/runs", app).with(as(analyst))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        long id = started.path("id").asLong();
        for (int i = 0; i < 200; i++) {
            JsonNode run = json.readTree(mvc.perform(get("/api/apps/{app}/decisions/tiers/runs/{id}", app, id)
                    .with(as(analyst))).andReturn().getResponse().getContentAsString());
            if (!"running".equals(run.path("status").asText())) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The run did not end");
    }

    @Test
    void aPeriodRunWritesOneResultPerDealerAndARerunReplacesThem() throws Exception {
        JsonNode run = runQuarter();
        assertThat(run.path("status").asText()).isEqualTo("done");
        assertThat(run.path("total").asInt()).isEqualTo(3);
        assertThat(run.path("done").asInt()).isEqualTo(3);
        JsonNode results = json.readTree(mvc.perform(get("/api/apps/{app}/forms/rebate/records?sort=dealer", app)
                .with(as(createUser("admin")))).andReturn().getResponse().getContentAsString()).path("items");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("dealer").asText()).isEqualTo("East");
        assertThat(results.get(0).path("rate").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(results.get(0).path("amount").decimalValue()).isEqualByComparingTo("5500");
        assertThat(results.get(1).path("rate").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(results.get(2).path("rate").decimalValue()).isEqualByComparingTo("0");

        JsonNode rerun = runQuarter();
        assertThat(rerun.path("status").asText()).isEqualTo("done");
        mvc.perform(get("/api/apps/{app}/forms/rebate/records", app).with(as(createUser("admin"))))
                .andExpect(jsonPath("$.items.length()").value(3));

        mvc.perform(get("/api/apps/{app}/decisions/tiers/runs", app).with(as(analyst)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(rerun.path("id").asLong()))
                .andExpect(jsonPath("$[1].id").value(run.path("id").asLong()))
                .andExpect(jsonPath("$[0].period").value("2026-Q1"))
                .andExpect(jsonPath("$[0].startedBy").value(analyst.username()))
                .andExpect(jsonPath("$[0].endedAt").isNotEmpty());
        mvc.perform(get("/api/apps/{app}/decisions/tiers/runs?limit=0", app).with(as(analyst)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].pointer").value("limit"));
    }

    @Test
    void aRunCountsOnlyTheRecordsItsFiltersLetThrough() throws Exception {
        JsonNode run = runQuarter("[\"total:ge:50000\"]");

        assertThat(run.path("status").asText()).isEqualTo("done");
        JsonNode results = json.readTree(mvc.perform(get("/api/apps/{app}/forms/rebate/records?sort=dealer", app)
                .with(as(createUser("admin")))).andReturn().getResponse().getContentAsString()).path("items");
        // West's 1,000 is filtered out: no group, no result
        assertThat(results).extracting(result -> result.path("dealer").asText()).containsExactly("East", "North");
    }

    @Test
    void aMalformedFilterIsRefusedAtItsPointer() throws Exception {
        mvc.perform(post("/api/apps/{app}/decisions/tiers/runs", app).with(as(analyst))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"period": "2026-Q1", "from": "2026-01-01", "to": "2026-03-31", "dateField": "order_date",
                                 "filters": ["total:ge:1", "total:about:5"], "resultForm": "rebate",
                                 "values": {"rate": "rate"}}"""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/filters/1"));
    }

    @Test
    void someoneWhoCannotReadTheTablesFormCanNeitherRunNorFollowIt() throws Exception {
        User clerk = createUser();
        mvc.perform(post("/api/apps/{app}/decisions/tiers/runs", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/apps/{app}/decisions/tiers/runs", app).with(as(clerk))).andExpect(status().isNotFound());
        mvc.perform(post("/api/apps/{app}/decisions/tiers/simulate", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"inputs\": {\"quarter_sales\": 1}}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTableSimulatesOnInputs() throws Exception {
        mvc.perform(post("/api/apps/{app}/decisions/tiers/simulate", app).with(as(analyst))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"inputs\": {\"quarter_sales\": 60000}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outputs.rate").value(0.03))
                .andExpect(jsonPath("$.matchedRows[0]").value(1));
    }

    @Test
    void anIncompleteRunIsRefusedWithPointers() throws Exception {
        mvc.perform(post("/api/apps/{app}/decisions/tiers/runs", app).with(as(analyst))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"period\": \"\", \"resultForm\": \"rebate\", "
                                + "\"values\": {\"rate\": \"rate +\"}}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].pointer").value(org.hamcrest.Matchers.hasItems("/period", "/from",
                        "/dateField", "/values/rate")));
    }
}
