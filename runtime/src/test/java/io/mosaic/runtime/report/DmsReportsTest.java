package io.mosaic.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.form.store.Actor;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.user.User;

/**
 * The dealer-management pack's reports over a few records whose numbers are worked out by hand below, and the row
 * scope that keeps a region manager to the own region and a dealer to the own dealer on every report path. Each test
 * makes its own regions, dealers and products, so other tests' records never count (a region manager's scope and the
 * director's region filter keep to them).
 */
class DmsReportsTest extends SecurityTestSupport {

    @Autowired
    ObjectMapper json;

    @Autowired
    FormRecords records;

    @Autowired
    Clock clock;

    private LocalDate today;
    private Actor actor;
    private long eastRegion;
    private long northRegion;
    private String codeA;
    private String codeB;
    private String nameA;
    private String nameB;
    private String productOne;
    private String productTwo;
    private User managerEast;
    private User managerNorth;
    private User director;
    private User dealerA;

    /**
     * East: dealer A (level A). North: dealer B. Product one lists at 100, product two at 50.
     * A: approved this month 10 × one + 4 × two = 1,200; shipped a year ago 5 × one = 500; rejected 2 × one = 200;
     * a draft 1 × one = 100 (never counts). B: shipped 20 × two = 1,000; submitted 1 × one = 100.
     */
    @BeforeEach
    void twoRegionsTwoDealersTwoProductsAndTheirRecords() throws Exception {
        today = LocalDate.now(clock);
        actor = new Actor(createUser("admin").id(), null, null);
        OrgUnit east = createOrg(null, "region");
        OrgUnit north = createOrg(null, "region");
        managerEast = createUser(east.id(), "region_manager");
        managerNorth = createUser(north.id(), "region_manager");
        director = createUser("channel_director");
        eastRegion = create("region", "{\"code\": \"%s\", \"name\": \"East %s\", \"level\": \"area\", \"org\": %d}"
                .formatted(unique("r"), unique(""), east.id()));
        northRegion = create("region", "{\"code\": \"%s\", \"name\": \"North %s\", \"level\": \"area\", \"org\": %d}"
                .formatted(unique("r"), unique(""), north.id()));
        codeA = unique("A").substring(0, 12);
        codeB = unique("B").substring(0, 12);
        nameA = "Dealer " + codeA;
        nameB = "Dealer " + codeB;
        dealerA = createDealerUser(null, codeA, "dealer");
        long a = create("dealer", dealer(codeA, "A", eastRegion));
        long b = create("dealer", dealer(codeB, "B", northRegion));
        productOne = "One " + unique("");
        productTwo = "Two " + unique("");
        long one = create("product", product(productOne, 100));
        long two = create("product", product(productTwo, 50));
        long approved = create("order", order(a, today, "approved", one, 10, 100, two, 4, 50));
        long shippedLastYear = create("order", order(a, today.minusYears(1), "shipped", one, 5, 100));
        create("order", order(a, today, "rejected", one, 2, 100));
        create("order", order(a, today, "draft", one, 1, 100));
        long shippedB = create("order", order(b, today, "shipped", two, 20, 50));
        create("order", order(b, today, "submitted", one, 1, 100));
        create("shipment", shipment(shippedLastYear, "sh", today.minusYears(1).plusDays(2), one, 5));
        create("shipment", shipment(shippedB, "bj", today, two, 20));
        create("inventory", "{\"product\": %d, \"warehouse\": \"sh\", \"quantity\": 100, \"safety_stock\": 50}"
                .formatted(one));
        create("inventory", "{\"product\": %d, \"warehouse\": \"bj\", \"quantity\": 10, \"safety_stock\": 30}"
                .formatted(two));
        create("opportunity", opportunity(a, "won", today.minusDays(10)));
        create("opportunity", opportunity(a, "registered", today.minusDays(200)));
        create("opportunity", opportunity(b, "registered", today.minusDays(5)));
        create("expense_claim", claim(a, "Fair " + codeA, 1_000, 900, 900));
        create("expense_claim", claim(b, "Ads " + codeB, 500, 600, null));
        create("rebate_statement", ("{\"dealer\": %d, \"period\": \"2026-Q1\", \"sales\": 1200, \"rate\": 0.015, "
                + "\"amount\": 18, \"status\": \"confirmed\", \"confirmed\": true}").formatted(a));
        create("rebate_statement", ("{\"dealer\": %d, \"period\": \"2026-Q1\", \"sales\": 1000, \"rate\": 0, "
                + "\"amount\": 0, \"status\": \"sent\"}").formatted(b));
        assertThat(approved).isPositive();
    }

    @Test
    void theRegionalFunnelCountsEachStageWithTheOrdersThatWentFurther() throws Exception {
        // East: placed = approved + shipped + rejected = 3 (the draft is none), approved = 2, shipped = 1.
        assertThat(rows(report("regional_funnel", managerEast))).containsExactly(List.of(eastName(), "3", "2", "1"));
        // North: placed = shipped + submitted = 2, approved = 1 (the shipped one), shipped = 1.
        assertThat(rows(report("regional_funnel", managerNorth))).containsExactly(List.of(northName(), "2", "1", "1"));
        assertThat(rows(report("regional_funnel", director, inBothRegions()))).containsExactlyInAnyOrder(
                List.of(eastName(), "3", "2", "1"), List.of(northName(), "2", "1", "1"));
        JsonNode amounts = report("regional_funnel", director, "dealer.region:eq:" + eastRegion);
        assertThat(amounts.path("report").path("chart").path("type").asText()).isEqualTo("bar");
        assertThat(amounts.path("echarts").path("series").findValuesAsText("name"))
                .containsExactly("Orders placed", "Orders approved", "Orders shipped");
    }

    @Test
    void theSellThroughRanksProductsByUnitsOfApprovedAndShippedOrders() throws Exception {
        // East: one = 10 + 5 = 15 units, 1,000 + 500 = 1,500; two = 4 units, 200. The rejected and draft never count.
        JsonNode east = report("sell_through", managerEast);
        assertThat(east.path("ranking").path("rows").findValuesAsText("label")).containsExactly(productOne, productTwo);
        assertThat(rows(east)).containsExactly(List.of(productOne, "15", "1500"), List.of(productTwo, "4", "200"));
        // Across both regions two has 4 + 20 = 24 units and leads.
        assertThat(rows(report("sell_through", director, inBothRegions()))).containsExactly(
                List.of(productTwo, "24", "1200"), List.of(productOne, "15", "1500"));
    }

    @Test
    void salesAgainstLastYearPutsTheSameMonthOfBothYearsSideBySide() throws Exception {
        String month = String.format(Locale.ROOT, "%02d", today.getMonthValue());
        assertThat(rows(report("sales_yoy", dealerA))).containsExactly(
                List.of(month, String.valueOf(today.getYear() - 1), "500"),
                List.of(month, String.valueOf(today.getYear()), "1200"));
        JsonNode chart = report("sales_yoy", dealerA).path("echarts");
        assertThat(chart.path("series").findValuesAsText("name")).containsExactly(
                String.valueOf(today.getYear() - 1), String.valueOf(today.getYear()));
    }

    @Test
    void stockAndShipmentsShowEachProductsUnitsOnHandAndShipped() throws Exception {
        RequestPostProcessor warehouse = as(createUser("warehouse"));
        assertThat(rows(report("inventory_turnover", warehouse, "product.name:in:" + productOne + "," + productTwo)))
                .containsExactlyInAnyOrder(List.of(productTwo, "bj", "20"), List.of(productOne, "sh", "5"));
        // One: 100 on hand, 50 safety, no shortfall; two: 10 on hand, 30 safety, 20 short.
        assertThat(rows(report("stock_levels", warehouse, "product.name:in:" + productOne + "," + productTwo)))
                .containsExactly(List.of(productTwo, "10", "30", "20"), List.of(productOne, "100", "50", "0"));
    }

    @Test
    void expensesAndOpportunitiesKeepARegionManagerToTheOwnRegion() throws Exception {
        assertThat(rows(report("expense_by_activity", managerEast))).containsExactly(
                List.of("Fair " + codeA, "1000", "900", "900"));
        assertThat(rows(report("expense_by_activity", managerNorth))).containsExactly(
                List.of("Ads " + codeB, "500", "600", ""));
        // A's won opportunity is recent (protected), the other registered 200 days ago is past its 90 days.
        assertThat(rows(report("opportunity_pipeline", managerEast))).containsExactly(List.of(eastName(), "2", "1", "1"));
        assertThat(rows(report("opportunity_pipeline", managerNorth))).containsExactly(
                List.of(northName(), "1", "1", "0"));
    }

    @Test
    void theRebateSummaryShowsEachStatementAndWhatTheDealerConfirmed() throws Exception {
        JsonNode pivot = report("rebate_summary", director, "dealer.region:in:" + eastRegion + "," + northRegion)
                .path("pivot");
        assertThat(pivot.path("columns").toString()).isEqualTo("[\"Sales\",\"Rebate\",\"Rebate confirmed\"]");
        List<String> lines = new ArrayList<>();
        pivot.path("rows").forEach(row -> lines.add(row.path("kind").asText() + " " + row.path("keys") + " "
                + row.path("values")));
        // B's statement is sent, not confirmed: no confirmed rebate; the total adds the dealers up.
        assertThat(lines).containsExactly("row [\"" + nameA + "\",\"2026-Q1\",\"0.0150\"] [1200.0,18.0,18.0]",
                "subtotal [\"" + nameA + "\",\"Subtotal\"] [1200.0,18.0,18.0]",
                "row [\"" + nameB + "\",\"2026-Q1\",\"0.0000\"] [1000.0,0.0,null]",
                "subtotal [\"" + nameB + "\",\"Subtotal\"] [1000.0,0.0,null]", "total [\"Total\"] [2200.0,18.0,18.0]");
    }

    @Test
    void aRegionManagersDashboardShowsOnlyTheOwnRegionsNumbers() throws Exception {
        // The same widgets as the director's: East's sales are the approved 1,200 and the shipped 500, nothing of B.
        JsonNode total = data(get("/api/apps/dms/dashboards/region/widgets/total/data"), managerEast);
        assertThat(total.path("kpi").path("value").decimalValue()).isEqualByComparingTo("1700");
        for (JsonNode widget : data(get("/api/apps/dms/dashboards/region"), managerEast).path("widgets")) {
            String body = text(get("/api/apps/dms/dashboards/region/widgets/{w}/data", widget.path("key").asText()),
                    managerEast);
            assertThat(body).as(widget.path("key").asText()).doesNotContain(nameB, codeB, northName());
        }
        JsonNode north = data(get("/api/apps/dms/dashboards/region/widgets/total/data"), managerNorth);
        assertThat(north.path("kpi").path("value").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void theDirectorPicksTheRegionFilterByNameThroughTheDealersRegionLookupAndItNarrowsTheWidgets() throws Exception {
        JsonNode filters = data(get("/api/apps/dms/dashboards/director"), director).path("filters");
        JsonNode region = filters.findParents("key").stream().filter(f -> f.path("key").asText().equals("region"))
                .findFirst().orElseThrow();
        assertThat(region.path("lookup").path("form").asText()).isEqualTo("dealer");
        assertThat(region.path("lookup").path("field").asText()).isEqualTo("region");
        assertThat(region.path("lookup").path("target").asText()).isEqualTo("region");
        assertThat(region.path("lookup").path("displayField").asText()).isEqualTo("name");
        // A period is no lookup: the page keeps its date inputs.
        assertThat(filters.get(0).path("key").asText()).isEqualTo("period");
        assertThat(filters.get(0).path("lookup").isNull()).isTrue();

        // The picker's candidates: the region found by its name gives the id the widgets filter by.
        JsonNode found = data(get("/api/apps/dms/forms/{form}/lookup/{field}", "dealer", "region")
                .param("q", eastName()), director);
        assertThat(found).extracting(c -> c.path("id").asLong()).containsExactly(eastRegion);
        JsonNode total = data(get("/api/apps/dms/dashboards/director/widgets/total/data")
                .param("param.region", String.valueOf(eastRegion)), director);
        // East only: A's approved 1,200 and shipped 500, as the East manager's own dashboard shows.
        assertThat(total.path("kpi").path("value").decimalValue()).isEqualByComparingTo("1700");
    }

    @Test
    void dealerANeverSeesDealerBsNumbersOnAnyReportPath() throws Exception {
        List<String> reports = List.of("dealer_ranking", "monthly_trend", "sales_total", "regional_funnel",
                "opportunity_pipeline", "sell_through", "sales_yoy", "expense_by_activity", "rebate_summary");
        for (String report : reports) {
            String body = text(get("/api/apps/dms/reports/{key}/data", report), dealerA);
            assertThat(body).as(report).doesNotContain(nameB, codeB);
            // The dealer may not export: 403, no file with anyone's rows.
            mvc.perform(get("/api/apps/dms/reports/{key}/export", report).param("format", "csv").with(as(dealerA)))
                    .andExpect(status().isForbidden());
        }
        // Its own numbers only: A's approved 1,200 and shipped 500.
        assertThat(report("sales_total", dealerA).path("kpi").path("value").decimalValue())
                .isEqualByComparingTo("1700");
        assertThat(rows(report("dealer_ranking", dealerA))).containsExactly(List.of(nameA, "1700"));
        for (JsonNode widget : data(get("/api/apps/dms/dashboards/dealer"), dealerA).path("widgets")) {
            String body = text(get("/api/apps/dms/dashboards/dealer/widgets/{w}/data", widget.path("key").asText()),
                    dealerA);
            assertThat(body).as(widget.path("key").asText()).doesNotContain(nameB, codeB);
        }
        // A drill into B's name or B's region lists none of B's orders for A.
        for (Map.Entry<String, String> point : Map.of("dealer_ranking", "{\"dealer_name\": \"" + nameB + "\"}",
                "regional_funnel", "{\"region\": \"" + northName() + "\"}").entrySet()) {
            JsonNode drill = data(post("/api/apps/dms/reports/{key}/drill", point.getKey())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"point\": " + point.getValue() + "}"), dealerA);
            MockHttpServletRequestBuilder list = get("/api/apps/dms/forms/{form}/records", drill.path("form").asText());
            drill.path("filters").forEach(filter -> list.param("filter", filter.asText()));
            String listed = text(list, dealerA);
            assertThat(listed).as(point.getKey()).doesNotContain(codeB);
            assertThat(json.readTree(listed).path("items")).allSatisfy(order ->
                    assertThat(order.path("dealer_id").asText()).isEqualTo(codeA));
        }
        // The director, with the same drill, does list B's orders: the drill itself works.
        JsonNode drill = data(post("/api/apps/dms/reports/dealer_ranking/drill").contentType(MediaType.APPLICATION_JSON)
                .content("{\"point\": {\"dealer_name\": \"" + nameB + "\"}}"), director);
        MockHttpServletRequestBuilder list = get("/api/apps/dms/forms/order/records");
        drill.path("filters").forEach(filter -> list.param("filter", filter.asText()));
        assertThat(data(list, director).path("items")).isNotEmpty()
                .allSatisfy(order -> assertThat(order.path("dealer_id").asText()).isEqualTo(codeB));
    }

    private String eastName() throws Exception {
        return records.systemStore("dms", "region").read(eastRegion).orElseThrow().path("name").asText();
    }

    private String northName() throws Exception {
        return records.systemStore("dms", "region").read(northRegion).orElseThrow().path("name").asText();
    }

    private String inBothRegions() {
        return "dealer.region:in:" + eastRegion + "," + northRegion;
    }

    private JsonNode report(String key, User user, String... filters) throws Exception {
        return report(key, as(user), filters);
    }

    private JsonNode report(String key, RequestPostProcessor user, String... filters) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/apps/dms/reports/{key}/data", key).param("locale", "en");
        for (String filter : filters) {
            request.param("filter", filter);
        }
        MvcResult result = mvc.perform(request.with(user)).andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
        return json.readTree(body);
    }

    /** The result rows as text, numbers without trailing zeros, a blank as "". */
    private static List<List<String>> rows(JsonNode data) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : data.path("rows")) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.isNull() ? "" : v.isNumber()
                    ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText()));
            rows.add(values);
        }
        return rows;
    }

    private JsonNode data(MockHttpServletRequestBuilder request, User user) throws Exception {
        return json.readTree(text(request, user));
    }

    private String text(MockHttpServletRequestBuilder request, User user) throws Exception {
        MvcResult result = mvc.perform(request.with(as(user))).andExpect(status().isOk()).andReturn();
        return result.getResponse().getContentAsString();
    }

    private long create(String form, String record) throws Exception {
        return records.systemStore("dms", form).create(record, actor, Locale.ENGLISH);
    }

    private String dealer(String code, String level, long region) {
        return """
                {"code": "%s", "name": "Dealer %s", "level": "%s", "region": %d, "contact_name": "Wang",
                 "contact_phone": "13900000000", "contract_start": "%s", "contract_end": "%s",
                 "credit_limit": 100000000, "status": "active"}"""
                .formatted(code, code, level, region, today.minusYears(2), today.plusYears(1));
    }

    private static String product(String name, int price) {
        return """
                {"code": "%s", "name": "%s", "category": "appliance", "unit": "piece", "list_price": %d,
                 "min_order_qty": 1}""".formatted(unique("p"), name, price);
    }

    /** An order of {@code lines} given as product, quantity, price, product, quantity, price… */
    private static String order(long dealer, LocalDate day, String status, long... lines) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 3) {
            items.add("{\"product\": %d, \"quantity\": %d, \"price\": %d}".formatted(lines[i], lines[i + 1],
                    lines[i + 2]));
        }
        return "{\"dealer\": %d, \"order_date\": \"%s\", \"payment\": \"credit\", \"status\": \"%s\", \"lines\": [%s]}"
                .formatted(dealer, day, status, String.join(", ", items));
    }

    private static String shipment(long order, String warehouse, LocalDate day, long product, int quantity) {
        return ("{\"order\": %d, \"warehouse\": \"%s\", \"ship_date\": \"%s\", \"lines\": [{\"product\": %d, "
                + "\"quantity\": %d}]}").formatted(order, warehouse, day, product, quantity);
    }

    private String opportunity(long dealer, String stage, LocalDate registered) {
        return """
                {"dealer": %d, "customer": "Customer %s", "customer_code": "%s", "project": "Project",
                 "estimated_amount": 100000, "registered_on": "%s", "protection_days": 90, "stage": "%s"}"""
                .formatted(dealer, unique(""), unique("c"), registered, stage);
    }

    private String claim(long dealer, String activity, int budget, int actual, Integer writeOff) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("dealer", dealer);
        claim.put("activity", activity);
        claim.put("activity_type", "exhibition");
        claim.put("activity_date", today.toString());
        claim.put("budget", budget);
        claim.put("actual", actual);
        if (writeOff != null) {
            claim.put("write_off", BigDecimal.valueOf(writeOff));
        }
        try {
            return json.writeValueAsString(claim);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
