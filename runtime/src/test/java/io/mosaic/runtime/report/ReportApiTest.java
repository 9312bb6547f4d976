package io.mosaic.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.support.TestClock;

/**
 * Datasets and reports over real records through the REST API, every number checked against the same figure
 * computed here from the records the test stored: each measure, dimension and date bucket; row scopes and hidden
 * fields; hostile values; relative dates under a moved clock; the result cache after a change.
 */
class ReportApiTest extends SecurityTestSupport {

    @Autowired
    MetadataService metadata;

    @Autowired
    FormRecords records;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestClock clock;

    private final String app = unique("rp").toLowerCase();
    private final String director = unique("director");
    private final String manager = unique("manager");
    private final String dealerRole = unique("dealer");
    private final String warehouse = unique("warehouse");
    private ReportFixture data;
    private OrgUnit north;
    private RequestPostProcessor directorUser;

    @BeforeEach
    void storeOrders() throws Exception {
        north = createOrg(null, "region");
        OrgUnit south = createOrg(null, "region");
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "报表", "en": "Reports"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [
                   {"key": "%s", "name": {"zh-CN": "总监", "en": "Director"},
                    "grants": [{"form": "*", "actions": ["read", "update", "export"], "rowScope": "all"}]},
                   {"key": "%s", "name": {"zh-CN": "经理", "en": "Manager"},
                    "grants": [{"form": "order", "actions": ["read"], "rowScope": "org_subtree"},
                               {"form": "dealer", "actions": ["read"], "rowScope": "all"}]},
                   {"key": "%s", "name": {"zh-CN": "经销商", "en": "Dealer"},
                    "grants": [{"form": "order", "actions": ["read"], "rowScope": "own_dealer"},
                               {"form": "dealer", "actions": ["read"], "rowScope": "all"}]},
                   {"key": "%s", "name": {"zh-CN": "仓储", "en": "Warehouse"},
                    "grants": [{"form": "order", "actions": ["read"], "rowScope": "all", "fields": {"cost": "hidden"}},
                               {"form": "dealer", "actions": ["read"], "rowScope": "all",
                                "fields": {"region": "hidden"}}]}],
                 "definitions": [{"kind": "form", "key": "area"}, {"kind": "form", "key": "dealer"},
                                 {"kind": "form", "key": "order"}]}"""
                .formatted(app, director, manager, dealerRole, warehouse);
        data = new ReportFixture(app, north.id(), south.id());
        data.install(metadata, roles, manifest, records);
        for (String definition : List.of("sales.dataset", "orders.dataset", "dealer_ranking.report",
                "monthly_trend.report", "remarks.report", "sales_rank.report", "total_kpi.report", "sales.dashboard")) {
            String kind = definition.substring(definition.indexOf('.') + 1);
            metadata.publishContent(app, kind, definition.substring(0, definition.indexOf('.')),
                    ReportFixture.read(definition + ".json"), null, ReportFixture.ACTOR);
        }
        directorUser = as(createUser(director));
    }

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    @Test
    void everyMeasurePerDealerEqualsTheRecordsSums() throws Exception {
        JsonNode result = query(directorUser, "sales", List.of("dealer_name"),
                List.of("amount", "lines", "orders", "average_line", "smallest", "largest", "average_order"), List.of());
        Map<String, List<ReportFixture.Order>> byDealer = approved().stream()
                .collect(Collectors.groupingBy(o -> ReportFixture.DEALERS[o.dealer()]));
        assertThat(result.path("rows")).hasSize(byDealer.size());
        for (JsonNode row : result.path("rows")) {
            List<ReportFixture.Order> orders = byDealer.get(row.get(0).asText());
            List<ReportFixture.Line> lines = orders.stream().flatMap(o -> o.lines().stream()).toList();
            BigDecimal amount = lines.stream().map(ReportFixture.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertNumber(row.get(1), amount);
            assertNumber(row.get(2), BigDecimal.valueOf(lines.size()));
            assertNumber(row.get(3), BigDecimal.valueOf(orders.size()));
            assertNumber(row.get(4), amount.divide(BigDecimal.valueOf(lines.size()), 4, RoundingMode.HALF_UP));
            assertNumber(row.get(5), lines.stream().map(ReportFixture.Line::amount).min(BigDecimal::compareTo).orElseThrow());
            assertNumber(row.get(6), BigDecimal.valueOf(lines.stream().mapToInt(ReportFixture.Line::quantity).max().orElseThrow()));
            assertNumber(row.get(7), amount.divide(BigDecimal.valueOf(orders.size()), 4, RoundingMode.HALF_UP));
        }
        List<BigDecimal> amounts = numbers(result, 1);
        assertThat(amounts).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void everyDateBucketGroupsLikeTheCalendar() throws Exception {
        Map<String, Function<LocalDate, String>> buckets = Map.of(
                "day", LocalDate::toString,
                "week", d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(),
                "month", d -> String.format("%04d-%02d", d.getYear(), d.getMonthValue()),
                "quarter", d -> d.getYear() + "-Q" + d.get(IsoFields.QUARTER_OF_YEAR),
                "year", d -> String.valueOf(d.getYear()));
        for (Map.Entry<String, Function<LocalDate, String>> bucket : buckets.entrySet()) {
            JsonNode result = query(directorUser, "sales", List.of(bucket.getKey()), List.of("amount", "orders"),
                    List.of());
            Map<String, BigDecimal> expected = new TreeMap<>();
            Map<String, Long> orders = new TreeMap<>();
            for (ReportFixture.Order order : approved()) {
                expected.merge(bucket.getValue().apply(order.date()), order.amount(), BigDecimal::add);
                orders.merge(bucket.getValue().apply(order.date()), 1L, Long::sum);
            }
            assertThat(result.path("rows")).as(bucket.getKey()).hasSize(expected.size());
            for (JsonNode row : result.path("rows")) {
                assertNumber(row.get(1), expected.get(row.get(0).asText()));
                assertNumber(row.get(2), BigDecimal.valueOf(orders.get(row.get(0).asText())));
            }
        }
        JsonNode trend = data(directorUser, "monthly_trend");
        assertThat(trend.path("echarts").path("xAxis").path("data").get(0).asText()).isEqualTo("2025-11");
        assertThat(trend.path("echarts").path("series").get(0).path("type").asText()).isEqualTo("line");
        assertThat(trend.path("echarts").path("series")).hasSize(2);
    }

    @Test
    void aHierarchyRollsDealersUpToTheAreaAtEachLevel() throws Exception {
        Map<String, Function<Integer, String>> levels = Map.of(
                "area", dealer -> ReportFixture.AREAS[dealer],
                "area_top", dealer -> "East",
                "area_2", dealer -> dealer == 3 ? "East" : "Shanghai");
        for (Map.Entry<String, Function<Integer, String>> level : levels.entrySet()) {
            JsonNode result = query(directorUser, "sales", List.of(level.getKey()), List.of("amount"), List.of());
            Map<String, BigDecimal> expected = approved().stream().collect(Collectors.groupingBy(
                    o -> level.getValue().apply(o.dealer()), Collectors.reducing(BigDecimal.ZERO,
                            ReportFixture.Order::amount, BigDecimal::add)));
            assertThat(result.path("rows")).as(level.getKey()).hasSize(expected.size());
            result.path("rows").forEach(row -> assertNumber(row.get(1), expected.get(row.get(0).asText())));
        }
    }

    @Test
    void aRegionManagersTotalsCoverOnlyTheirOrgUnit() throws Exception {
        RequestPostProcessor manager = as(createUser(north.id(), this.manager));
        JsonNode result = data(manager, "dealer_ranking");
        Map<String, BigDecimal> expected = approved().stream().filter(o -> o.dealer() < 2).collect(Collectors.groupingBy(
                o -> ReportFixture.DEALERS[o.dealer()], Collectors.reducing(BigDecimal.ZERO,
                        ReportFixture.Order::amount, BigDecimal::add)));
        assertThat(result.path("rows")).hasSize(expected.size());
        result.path("rows").forEach(row -> assertNumber(row.get(1), expected.get(row.get(0).asText())));
        JsonNode total = data(manager, "total_kpi");
        assertNumber(total.path("kpi").path("value"), data.orders.stream().filter(o -> o.dealer() < 2)
                .map(ReportFixture.Order::total).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aDealerSeesOnlyItselfInTheRanking() throws Exception {
        RequestPostProcessor dealer = as(createDealerUser(null, ReportFixture.dealerCode(1), dealerRole));
        JsonNode ranking = data(dealer, "dealer_ranking");
        assertThat(ranking.path("rows")).hasSize(1);
        assertThat(ranking.path("rows").get(0).get(0).asText()).isEqualTo("Bravo");
        assertNumber(ranking.path("rows").get(0).get(1), approved().stream().filter(o -> o.dealer() == 1)
                .map(ReportFixture.Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(ranking.path("echarts").path("yAxis").path("data")).hasSize(1);
        RequestPostProcessor stranger = as(createDealerUser(null, null, dealerRole));
        assertThat(data(stranger, "dealer_ranking").path("rows")).isEmpty();
    }

    @Test
    void aFieldHiddenFromTheViewerCannotBeCountedShownOrFiltered() throws Exception {
        RequestPostProcessor storeman = as(createUser(warehouse, "analyst"));
        queryRequest(storeman, "orders", List.of("status"), List.of("cost"), List.of())
                .andExpect(status().isForbidden())
                .andExpect(result -> assertThat(problemPointer(result)).isEqualTo("/measures/0"));
        queryRequest(storeman, "orders", List.of("status"), List.of("count"),
                List.of(Map.of("field", "cost", "op", "gt", "value", 1))).andExpect(status().isForbidden());
        queryRequest(storeman, "sales", List.of("dealer_region"), List.of("amount"), List.of())
                .andExpect(status().isForbidden());
        queryRequest(storeman, "orders", List.of("status"), List.of("total"), List.of()).andExpect(status().isOk());
        RequestPostProcessor outsider = as(createUser("analyst"));
        queryRequest(outsider, "orders", List.of("status"), List.of("total"), List.of()).andExpect(status().isForbidden());
    }

    @Test
    void hostileFilterValuesStayData() throws Exception {
        RequestPostProcessor analyst = as(createUser(director, "analyst"));
        for (String hostile : List.of("x' OR '1'='1", "'; DROP TABLE f_x; --", "%", "_", "!", "\\")) {
            JsonNode result = query(analyst, "orders", List.of(), List.of("count"),
                    List.of(Map.of("field", "remark", "op", "eq", "value", hostile)));
            assertNumber(result.path("rows").get(0).get(0), BigDecimal.ZERO);
            JsonNode contains = query(analyst, "orders", List.of(), List.of("count"),
                    List.of(Map.of("field", "remark", "op", "contains", "value", hostile)));
            assertNumber(contains.path("rows").get(0).get(0), BigDecimal.valueOf(data.orders.stream()
                    .filter(o -> o.remark().contains(hostile)).count()));
        }
        queryRequest(analyst, "orders", List.of(), List.of("count"),
                List.of(Map.of("field", "remark`) OR 1=1 --", "op", "eq", "value", "x")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(result -> assertThat(problemPointer(result)).isEqualTo("/filters/0/field"));
        queryRequest(analyst, "orders", List.of("status` FROM x; --"), List.of("count"), List.of())
                .andExpect(status().isUnprocessableEntity());
        queryRequest(analyst, "orders", List.of(), List.of("count"),
                List.of(Map.of("field", "total", "op", "gt", "value", "1 OR 1=1")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(result -> assertThat(problemPointer(result)).isEqualTo("/filters/0/value"));
        mvc.perform(put("/api/apps/{app}/definitions/dataset/{key}", app, "x;drop").with(analyst)
                        .contentType(MediaType.APPLICATION_JSON).content(ReportFixture.read("orders.dataset.json")))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void relativeDatesCountFromTheClock() throws Exception {
        clock.set(LocalDate.of(2026, 2, 10).atStartOfDay().toInstant(ZoneOffset.UTC));
        RequestPostProcessor analyst = as(createUser(director, "analyst"));
        Map<String, Predicate<LocalDate>> periods = Map.of(
                "this_month", d -> d.getYear() == 2026 && d.getMonthValue() == 2,
                "this_quarter", d -> d.getYear() == 2026 && d.getMonthValue() <= 3,
                "this_year", d -> d.getYear() == 2026,
                "today", d -> d.equals(LocalDate.of(2026, 2, 10)),
                "this_week", d -> !d.isBefore(LocalDate.of(2026, 2, 9)) && d.isBefore(LocalDate.of(2026, 2, 16)),
                "last_n_days:30", d -> d.isAfter(LocalDate.of(2026, 1, 11)) && !d.isAfter(LocalDate.of(2026, 2, 10)),
                "previous_period", d -> d.getYear() == 2026 && d.getMonthValue() == 1);
        for (Map.Entry<String, Predicate<LocalDate>> period : periods.entrySet()) {
            JsonNode result = query(analyst, "orders", List.of(), List.of("total", "count"),
                    List.of(Map.of("field", "order_date", "op", "relative", "value", period.getKey())));
            List<ReportFixture.Order> inside = data.orders.stream().filter(o -> period.getValue().test(o.date())).toList();
            assertNumber(result.path("rows").get(0).get(1), BigDecimal.valueOf(inside.size()));
            if (!inside.isEmpty()) {
                assertNumber(result.path("rows").get(0).get(0), inside.stream().map(ReportFixture.Order::total)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }
        clock.set(LocalDate.of(2026, 3, 5).atStartOfDay().toInstant(ZoneOffset.UTC));
        JsonNode march = query(analyst, "orders", List.of(), List.of("count"),
                List.of(Map.of("field", "order_date", "op", "relative", "value", "this_month")));
        assertNumber(march.path("rows").get(0).get(0), BigDecimal.valueOf(data.orders.stream()
                .filter(o -> o.date().getMonthValue() == 3 && o.date().getYear() == 2026).count()));
    }

    @Test
    void aComparedMeasureReadsThePreviousPeriodInTheSameStatement() throws Exception {
        clock.set(LocalDate.of(2026, 2, 10).atStartOfDay().toInstant(ZoneOffset.UTC));
        JsonNode kpi = mvc.perform(get("/api/apps/{app}/reports/total_kpi/data", app).with(directorUser)
                        .param("filter", "order_date:relative:this_month"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString().transform(this::read);
        BigDecimal february = sum(o -> o.date().getYear() == 2026 && o.date().getMonthValue() == 2);
        BigDecimal january = sum(o -> o.date().getYear() == 2026 && o.date().getMonthValue() == 1);
        assertNumber(kpi.path("kpi").path("value"), february);
        assertNumber(kpi.path("kpi").path("previous"), january);
        assertNumber(kpi.path("kpi").path("change"), february.subtract(january).divide(january, 4, RoundingMode.HALF_UP));
        assertThat(kpi.path("echarts").isNull()).isTrue();
        JsonNode growth = query(as(createUser(director, "analyst")), "orders", List.of(), List.of("growth"),
                List.of(Map.of("field", "order_date", "op", "between", "value", List.of("2026-02-01", "2026-02-28"))));
        assertNumber(growth.path("rows").get(0).get(0), february.subtract(january).divide(january, 10, RoundingMode.HALF_UP));
    }

    @Test
    void aRankingShowsEachDealersMoveSinceThePreviousPeriod() throws Exception {
        clock.set(LocalDate.of(2026, 2, 10).atStartOfDay().toInstant(ZoneOffset.UTC));
        LocalDate monday = LocalDate.of(2026, 2, 9);
        Map<String, List<Predicate<LocalDate>>> periods = Map.of(
                "this_month", List.of(d -> d.getYear() == 2026 && d.getMonthValue() == 2,
                        d -> d.getYear() == 2026 && d.getMonthValue() == 1),
                "this_week", List.of(d -> !d.isBefore(monday) && d.isBefore(monday.plusWeeks(1)),
                        d -> !d.isBefore(monday.minusWeeks(1)) && d.isBefore(monday)));
        for (Map.Entry<String, List<Predicate<LocalDate>>> period : periods.entrySet()) {
            JsonNode ranking = read(mvc.perform(get("/api/apps/{app}/reports/sales_rank/data", app).with(directorUser)
                            .param("filter", "order_date:relative:" + period.getKey()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("ranking");
            Map<String, BigDecimal> current = amounts(o -> period.getValue().get(0).test(o.date()));
            Map<String, BigDecimal> previous = amounts(o -> period.getValue().get(1).test(o.date()));
            List<String> now = current.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
            List<String> before = previous.entrySet().stream().filter(e -> current.containsKey(e.getKey()))
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
            // A dealer that sold only in the period before is not in this period's ranking.
            assertThat(ranking.path("rows").findValuesAsText("label")).as(period.getKey()).containsExactlyElementsOf(now);
            for (JsonNode row : ranking.path("rows")) {
                String dealer = row.path("label").asText();
                assertThat(row.path("rank").asInt()).isEqualTo(now.indexOf(dealer) + 1);
                assertThat(row.path("rankChange").isNull()).isEqualTo(!before.contains(dealer));
                if (before.contains(dealer)) {
                    assertThat(row.path("rankChange").asInt()).as(dealer)
                            .isEqualTo(before.indexOf(dealer) - now.indexOf(dealer));
                }
            }
            assertThat(ranking.path("showRankChange").asBoolean()).isTrue();
        }
    }

    @Test
    void aDatasetVersionThatDropsWhatAPublishedReportShowsIsRefused() throws Exception {
        String dataset = ReportFixture.read("sales.dataset.json").replace("\"key\": \"orders\", \"aggregation\"",
                "\"key\": \"order_count\", \"aggregation\"").replace("amount / orders", "amount / order_count");
        publish(as(createUser("analyst")), "dataset", "sales", dataset).andExpect(status().isUnprocessableEntity())
                .andExpect(result -> assertThat(read(result.getResponse().getContentAsString()).path("errors")
                        .findValuesAsText("message")).anyMatch(m -> m.contains("monthly_trend")));
    }

    @Test
    void anAnalystPreviewsAnInlineReportOverAnInlineDataset() throws Exception {
        RequestPostProcessor analyst = as(createUser(director, "analyst"));
        String body = "{\"report\": " + ReportFixture.read("dealer_ranking.report.json").replace("\"bar\"", "\"pie\"")
                .replace(", \"horizontal\": true", "") + ", \"dataset\": " + ReportFixture.read("sales.dataset.json") + "}";
        JsonNode preview = read(mvc.perform(post("/api/apps/{app}/reports/preview", app).with(analyst)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(preview.path("echarts").at("/series/0/type").asText()).isEqualTo("pie");
        assertThat(preview.path("sql").asText()).startsWith("SELECT ").contains("GROUP BY");
        mvc.perform(post("/api/apps/{app}/reports/preview", app).with(analyst).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"lines.amount\"", "\"remark\"")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(result -> assertThat(problemPointer(result)).isEqualTo("/measures/0/field"));
        mvc.perform(post("/api/apps/{app}/reports/preview", app).with(directorUser).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isForbidden());
    }

    @Test
    void anAnalystQueriesADatasetsDraftBeforeItIsPublished() throws Exception {
        RequestPostProcessor analyst = as(createUser(director, "analyst"));
        mvc.perform(put("/api/apps/{app}/definitions/dataset/drafted", app).with(analyst)
                .contentType(MediaType.APPLICATION_JSON).content(ReportFixture.read("orders.dataset.json")
                        .replace("\"key\": \"orders\"", "\"key\": \"drafted\""))).andExpect(status().is2xxSuccessful());
        String body = "{\"datasetKey\": \"drafted\", \"draft\": true, \"measures\": [\"count\"]}";
        JsonNode result = read(mvc.perform(post("/api/apps/{app}/datasets/query", app).with(analyst)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertNumber(result.path("rows").get(0).get(0), BigDecimal.valueOf(data.orders.size()));
        mvc.perform(post("/api/apps/{app}/datasets/query", app).with(analyst).contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("\"draft\": true", "\"draft\": false"))).andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs").with(analyst)).andExpect(result2 -> assertThat(result2.getResponse()
                .getContentAsString()).contains("/api/apps/{app}/reports/{key}/data", "/api/apps/{app}/dashboards/{key}/pdf"));
    }

    @Test
    void topNSumsTheRestIntoOthers() throws Exception {
        JsonNode result = query(as(createUser(director, "analyst")), "orders", List.of("dealer_name"),
                List.of("total", "count"), List.of());
        Map<String, BigDecimal> totals = data.orders.stream().collect(Collectors.groupingBy(
                o -> ReportFixture.DEALERS[o.dealer()], Collectors.reducing(BigDecimal.ZERO, ReportFixture.Order::total,
                        BigDecimal::add)));
        List<BigDecimal> sorted = totals.values().stream().sorted((a, b) -> b.compareTo(a)).toList();
        assertThat(result.path("rows")).hasSize(3);
        assertNumber(result.path("rows").get(0).get(1), sorted.get(0));
        assertNumber(result.path("rows").get(1).get(1), sorted.get(1));
        assertThat(result.path("rows").get(2).get(0).asText()).isEqualTo("__others__");
        assertNumber(result.path("rows").get(2).get(1), sorted.get(2).add(sorted.get(3)));
        assertThat(numbers(result, 2).stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(BigDecimal.valueOf(data.orders.size()));
    }

    @Test
    void aRecordChangeReachesTheNextQueryDespiteTheCache() throws Exception {
        JsonNode before = data(directorUser, "total_kpi");
        BigDecimal total = data.orders.stream().map(ReportFixture.Order::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertNumber(before.path("kpi").path("value"), total);
        assertThat(data(directorUser, "total_kpi")).isEqualTo(before);
        ReportFixture.Order first = data.orders.get(0);
        mvc.perform(patch("/api/apps/{app}/forms/order/records/{id}", app, first.id()).with(directorUser)
                        .header("If-Match", "1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"total\": " + first.total().add(BigDecimal.valueOf(1000)) + "}"))
                .andExpect(status().isOk());
        assertNumber(data(directorUser, "total_kpi").path("kpi").path("value"), total.add(BigDecimal.valueOf(1000)));
        ReportFixture.Order added = data.store(records, 3, LocalDate.of(2026, 1, 1), "approved", BigDecimal.TEN,
                BigDecimal.ONE, "", List.of());
        assertNumber(data(directorUser, "total_kpi").path("kpi").path("value"), total.add(BigDecimal.valueOf(1010)));
        records.systemStore(app, "order").delete(added.id(), 1, new io.mosaic.form.store.Actor(1, null, null));
        assertNumber(data(directorUser, "total_kpi").path("kpi").path("value"), total.add(BigDecimal.valueOf(1000)));
        assertThat(inApproval()).isEmpty();
        records.systemStore(app, "order").setWorkflow(first.id(), "in_approval", null);
        assertThat(inApproval()).hasSize(1);
    }

    @Test
    void badDefinitionsAreRefusedAtPublishWithPointers() throws Exception {
        RequestPostProcessor analyst = as(createUser("analyst"));
        String good = ReportFixture.read("orders.dataset.json");
        Map<String, String> bad = Map.of(
                good.replace("\"field\": \"status\"", "\"field\": \"no_such_field\""), "/dimensions/2/field",
                good.replace("\"aggregation\": \"sum\", \"field\": \"cost\"", "\"aggregation\": \"sum\", \"field\": \"remark\""),
                "/measures/2/field",
                good.replace("\"field\": \"remark\", \"label\"", "\"field\": \"remark\", \"bucket\": \"month\", \"label\""),
                "/dimensions/3/bucket",
                good.replace("\"lookups\": [\"dealer\"]", "\"lookups\": []"), "/dimensions/0/field",
                good.replace("\"form\": \"order\"", "\"form\": \"nothing\""), "/source/form");
        for (Map.Entry<String, String> dataset : bad.entrySet()) {
            publish(analyst, "dataset", "broken", dataset.getKey())
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(result -> assertThat(read(result.getResponse().getContentAsString())
                            .path("errors").findValuesAsText("pointer")).contains(dataset.getValue()));
        }
        publish(analyst, "report", "broken", ReportFixture.read("monthly_trend.report.json")
                .replace("\"orders\"]", "\"nothing\"]")).andExpect(status().isUnprocessableEntity())
                .andExpect(result -> assertThat(problemPointer(result)).isEqualTo("/measures/1"));
        publish(analyst, "dashboard", "broken", ReportFixture.read("sales.dashboard.json")
                .replace("\"report\": \"monthly_trend\"", "\"report\": \"nothing\"")).andExpect(status().isUnprocessableEntity())
                .andExpect(result -> assertThat(problemPointer(result)).isEqualTo("/widgets/1/report"));
    }

    @Test
    void anExportNeutralisesFormulasAndLabelsColumns() throws Exception {
        String csv = mvc.perform(get("/api/apps/{app}/reports/dealer_ranking/export", app).with(directorUser)
                        .param("format", "csv").param("locale", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("经销商,金额").contains("'=cmd|' /C calc'!A0").doesNotContain("\n=cmd");
        mvc.perform(get("/api/apps/{app}/reports/remarks/export", app).with(directorUser).param("format", "xlsx"))
                .andExpect(status().isOk());
        RequestPostProcessor dealer = as(createDealerUser(null, ReportFixture.dealerCode(1), dealerRole));
        mvc.perform(get("/api/apps/{app}/reports/dealer_ranking/export", app).with(dealer)).andExpect(status().isForbidden());
    }

    @Test
    void theDataSaysWhetherTheUserMayExportItsRows() throws Exception {
        RequestPostProcessor dealer = as(createDealerUser(null, ReportFixture.dealerCode(1), dealerRole));
        assertThat(read(mvc.perform(get("/api/apps/{app}/reports/dealer_ranking/data", app).with(dealer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .path("exportable").asBoolean(true)).isFalse();
        assertThat(read(mvc.perform(get("/api/apps/{app}/reports/dealer_ranking/data", app).with(directorUser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .path("exportable").asBoolean(false)).isTrue();
    }

    @Test
    void aDrillDownNamesTheRecordsBehindABar() throws Exception {
        JsonNode drill = read(mvc.perform(post("/api/apps/{app}/reports/dealer_ranking/drill", app).with(directorUser)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"point\": {\"dealer_name\": \"Bravo\"}}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(drill.path("form").asText()).isEqualTo("order");
        assertThat(json.convertValue(drill.path("filters"), List.class))
                .containsExactly("dealer:eq:" + data.dealerIds[1], "status:eq:approved");
        assertThat(drill.path("exact").asBoolean()).isTrue();
        assertThat(listed(drill)).isEqualTo(approved().stream().filter(o -> o.dealer() == 1).count());
        JsonNode month = read(mvc.perform(post("/api/apps/{app}/reports/monthly_trend/drill", app).with(directorUser)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"point\": {\"month\": \"2026-02\"}}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(json.convertValue(month.path("filters"), List.class))
                .containsExactly("order_date:ge:2026-02-01", "order_date:lt:2026-03-01", "status:eq:approved");
        assertThat(listed(month)).isEqualTo(approved().stream()
                .filter(o -> o.date().getYear() == 2026 && o.date().getMonthValue() == 2).count());
        mvc.perform(post("/api/apps/{app}/reports/monthly_trend/drill", app).with(directorUser)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"point\": {\"nothing\": \"x\"}}"))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void aDashboardsDateFilterNarrowsTheWidgetsThatUseIt() throws Exception {
        JsonNode dashboard = read(mvc.perform(get("/api/apps/{app}/dashboards/sales", app).with(directorUser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(dashboard.path("widgets").findValuesAsText("chartType")).containsExactly("bar", "line");
        assertThat(dashboard.path("widgets").get(0).path("reportName").asText()).isEqualTo("Dealer ranking");
        JsonNode ranking = read(mvc.perform(get("/api/apps/{app}/dashboards/sales/widgets/ranking/data", app)
                        .with(directorUser).param("param.period", "2026-01-01..2026-01-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        BigDecimal january = approved().stream().filter(o -> o.date().getYear() == 2026 && o.date().getMonthValue() == 1)
                .map(ReportFixture.Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(numbers(ranking, 1).stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(january);
        JsonNode trend = read(mvc.perform(get("/api/apps/{app}/dashboards/sales/widgets/trend/data", app)
                        .with(directorUser).param("param.dealer", String.valueOf(data.dealerIds[0])))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(numbers(trend, 1).stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(
                approved().stream().filter(o -> o.dealer() == 0).map(ReportFixture.Order::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        byte[] pdf = mvc.perform(post("/api/apps/{app}/dashboards/sales/pdf", app).with(directorUser)
                        .contentType(MediaType.IMAGE_PNG).content(png).param("param.period", "2026-01-01..2026-01-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        mvc.perform(post("/api/apps/{app}/dashboards/sales/pdf", app).with(directorUser)
                .contentType(MediaType.IMAGE_PNG).content("not a png".getBytes())).andExpect(status().isUnprocessableEntity());
    }

    private List<ReportFixture.Order> approved() {
        return data.orders.stream().filter(ReportFixture.Order::approved).toList();
    }

    /** How many records the records list shows with a drill-down's filters. */
    private long listed(JsonNode drill) throws Exception {
        org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder list =
                get("/api/apps/{app}/forms/{form}/records", app, drill.path("form").asText()).param("size", "200");
        drill.path("filters").forEach(filter -> list.param("filter", filter.asText()));
        return read(mvc.perform(list.with(directorUser)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).path("items").size();
    }

    private JsonNode inApproval() throws Exception {
        return read(mvc.perform(get("/api/apps/{app}/reports/remarks/data", app).with(directorUser)
                .param("filter", "workflow_status:eq:in_approval")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).path("rows");
    }

    private Map<String, BigDecimal> amounts(Predicate<ReportFixture.Order> which) {
        return approved().stream().filter(which).collect(Collectors.groupingBy(o -> ReportFixture.DEALERS[o.dealer()],
                Collectors.reducing(BigDecimal.ZERO, ReportFixture.Order::amount, BigDecimal::add)));
    }

    private BigDecimal sum(Predicate<ReportFixture.Order> which) {
        return data.orders.stream().filter(which).map(ReportFixture.Order::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private JsonNode query(RequestPostProcessor user, String dataset, List<String> dimensions, List<String> measures,
                           List<Map<String, Object>> filters) throws Exception {
        return read(queryRequest(user == directorUser ? as(createUser(director, "analyst")) : user, dataset,
                dimensions, measures, filters).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.ResultActions queryRequest(RequestPostProcessor user, String dataset,
            List<String> dimensions, List<String> measures, List<Map<String, Object>> filters) throws Exception {
        String body = json.writeValueAsString(Map.of("datasetKey", dataset, "dimensions", dimensions,
                "measures", measures, "filters", filters));
        return mvc.perform(post("/api/apps/{app}/datasets/query", app).with(user)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode data(RequestPostProcessor user, String report) throws Exception {
        return read(mvc.perform(get("/api/apps/{app}/reports/{key}/data", app, report).with(user))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Saves and publishes a definition; when the save itself is refused, that refusal. */
    private org.springframework.test.web.servlet.ResultActions publish(RequestPostProcessor user, String kind,
                                                                       String key, String content) throws Exception {
        org.springframework.test.web.servlet.ResultActions saved = mvc.perform(
                put("/api/apps/{app}/definitions/{kind}/{key}", app, kind, key).with(user)
                .contentType(MediaType.APPLICATION_JSON).content(content.replaceFirst("\"key\": \"[a-z_]+\"",
                        "\"key\": \"" + key + "\"")));
        if (saved.andReturn().getResponse().getStatus() >= 400) {
            return saved;
        }
        return mvc.perform(post("/api/apps/{app}/definitions/{kind}/{key}/publish", app, kind, key).with(user)
                .contentType(MediaType.APPLICATION_JSON).content("{}"));
    }

    private String problemPointer(org.springframework.test.web.servlet.MvcResult result) throws Exception {
        return read(result.getResponse().getContentAsString()).path("errors").get(0).path("pointer").asText();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(text, e);
        }
    }

    private static List<BigDecimal> numbers(JsonNode result, int column) {
        List<BigDecimal> values = new java.util.ArrayList<>();
        result.path("rows").forEach(row -> values.add(row.get(column).decimalValue()));
        return values;
    }

    private static void assertNumber(JsonNode actual, BigDecimal expected) {
        assertThat(actual.isNumber()).as("%s is a number", actual).isTrue();
        assertThat(actual.decimalValue().setScale(4, RoundingMode.HALF_UP))
                .isEqualByComparingTo(expected.setScale(4, RoundingMode.HALF_UP));
    }
}
