package io.mosaic.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.SqlNames;
import io.mosaic.runtime.MosaicApplication;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.security.Browser;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.runtime.support.TestDatabase;

/** The README's first start: the demo profile on an empty database of its own, which generates the demo size. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataTest {

    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void firstStart() {
        node = new SpringApplicationBuilder(MosaicApplication.class).profiles("test", "demo")
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.freshUrl("demo"),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theFirstDemoStartGeneratesTheDemoSize() throws Exception {
        assertThat(count("region")).isEqualTo(2);
        assertThat(count("dealer")).isEqualTo(8);
        assertThat(count("product")).isEqualTo(20);
        assertThat(count("order")).isEqualTo(DemoSize.DEMO.orders());
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM " + SqlNames.childTable(DemoData.APP, "order", "lines"),
                Long.class)).isEqualTo(3L * DemoSize.DEMO.orders());
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM " + SqlNames.table(DemoData.APP, "order")
                + " WHERE number LIKE 'DO-%' AND total > 0 AND dealer_id IS NOT NULL AND org_id IS NOT NULL",
                Long.class)).isEqualTo(DemoSize.DEMO.orders());
    }

    @Test
    void shipmentsStockOpportunitiesClaimsAndRebateStatementsComeWithTheOrders() throws Exception {
        String orders = SqlNames.table(DemoData.APP, "order");
        String shipments = SqlNames.table(DemoData.APP, "shipment");
        long shippedOrders = jdbc().queryForObject("SELECT COUNT(*) FROM " + orders + " WHERE status = 'shipped'",
                Long.class);
        assertThat(count("shipment")).isEqualTo(shippedOrders).isPositive();
        // Each shipment ships exactly its order's lines, after the order, from a warehouse, scoped like the order.
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM " + shipments + " s JOIN " + orders + " o ON o.id = "
                + "s." + SqlNames.quote("order") + " WHERE o.status = 'shipped' AND s.ship_date >= o.order_date AND "
                + "s.dealer_id = o.dealer_id AND s.org_id = o.org_id AND (SELECT SUM(quantity) FROM "
                + SqlNames.childTable(DemoData.APP, "shipment", "lines") + " WHERE parent_id = s.id) = (SELECT "
                + "SUM(quantity) FROM " + SqlNames.childTable(DemoData.APP, "order", "lines") + " WHERE parent_id = "
                + "o.id)", Long.class)).isEqualTo(shippedOrders);
        assertThat(count("inventory")).isEqualTo(60);
        long below = jdbc().queryForObject("SELECT COUNT(*) FROM " + SqlNames.table(DemoData.APP, "inventory")
                + " WHERE quantity < safety_stock", Long.class);
        assertThat(below).isBetween(1L, 59L);
        Browser purchasing = new Browser(port());
        purchasing.login("purchasing", "Demo@1234");
        assertThat(purchasing.get("/api/flow/inbox/todo").json().get("total").asLong()).isEqualTo(below);
        assertThat(count("opportunity")).isEqualTo(40);
        assertThat(count("expense_claim")).isEqualTo(24);
        assertThat(jdbc().queryForObject("SELECT COUNT(DISTINCT period) FROM " + SqlNames.table(DemoData.APP,
                "rebate_statement"), Long.class)).isEqualTo(4);
    }

    @Test
    void aClosedQuartersStatementHoldsTheDealersApprovedAndShippedPayableAtThePolicyRate() {
        String statements = SqlNames.table(DemoData.APP, "rebate_statement");
        List<java.util.Map<String, Object>> rows = jdbc().queryForList("SELECT r.period, r.sales, r.rate, r.amount, "
                + "r.status, r.confirmed, d.level, d.id AS dealer FROM " + statements + " r JOIN "
                + SqlNames.table(DemoData.APP, "dealer") + " d ON d.id = r.dealer");
        assertThat(rows).isNotEmpty();
        String latest = rows.stream().map(r -> (String) r.get("period")).max(String::compareTo).orElseThrow();
        for (java.util.Map<String, Object> row : rows) {
            String period = (String) row.get("period");
            int year = Integer.parseInt(period.substring(0, 4));
            int quarter = Integer.parseInt(period.substring(6));
            LocalDate from = LocalDate.of(year, quarter * 3 - 2, 1);
            // The dealer's approved and shipped orders of the quarter, summed here line by line in Java.
            BigDecimal payable = BigDecimal.ZERO;
            for (java.util.Map<String, Object> order : jdbc().queryForList("SELECT status, order_date, payable FROM "
                    + SqlNames.table(DemoData.APP, "order") + " WHERE dealer = ?", row.get("dealer"))) {
                LocalDate day = ((java.sql.Date) order.get("order_date")).toLocalDate();
                if (List.of("approved", "shipped").contains((String) order.get("status")) && !day.isBefore(from)
                        && day.isBefore(from.plusMonths(3))) {
                    payable = payable.add((BigDecimal) order.get("payable"));
                }
            }
            assertThat((BigDecimal) row.get("sales")).as(period).isEqualByComparingTo(payable);
            BigDecimal rate = expectedRate(payable, (String) row.get("level"));
            assertThat((BigDecimal) row.get("rate")).as(period).isEqualByComparingTo(rate);
            assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo(payable.multiply(rate)
                    .setScale(2, java.math.RoundingMode.HALF_UP));
            boolean closedEarlier = !period.equals(latest);
            assertThat(row.get("status")).isEqualTo(closedEarlier ? "confirmed" : "prepared");
        }
    }

    /** The pack's rebate policy table, written out: 5 % from 5,000,000 (A, B), 3 % from 2,000,000 (A-C), 1.5 %. */
    private static BigDecimal expectedRate(BigDecimal sales, String level) {
        if (sales.compareTo(new BigDecimal("5000000")) >= 0 && List.of("A", "B").contains(level)) {
            return new BigDecimal("0.05");
        }
        if (sales.compareTo(new BigDecimal("2000000")) >= 0 && sales.compareTo(new BigDecimal("5000000")) < 0
                && List.of("A", "B", "C").contains(level)) {
            return new BigDecimal("0.03");
        }
        if (sales.compareTo(new BigDecimal("500000")) >= 0 && sales.compareTo(new BigDecimal("2000000")) < 0) {
            return new BigDecimal("0.015");
        }
        return BigDecimal.ZERO;
    }

    @Test
    void everyDemoUserLandsOnAFittingFirstPageAndEachDashboardShowsNumbers() {
        java.util.Map<String, String> homes = new java.util.LinkedHashMap<>();
        homes.put("admin", "dashboard:director");
        homes.put("director", "dashboard:director");
        homes.put("manager_east", "dashboard:region");
        homes.put("manager_north", "dashboard:region");
        homes.put("finance", "dashboard:finance");
        homes.put("marketing", "dashboard:marketing");
        homes.put("marketing_director", "dashboard:marketing");
        homes.put("warehouse", "dashboard:stock");
        homes.put("purchasing", "dashboard:stock");
        homes.put("dealer_a", "dashboard:dealer");
        homes.put("dealer_b", "dashboard:dealer");
        homes.put("analyst", "form:product");
        homes.forEach((user, home) -> {
            Browser browser = new Browser(port());
            assertThat(browser.login(user, user.equals("admin") ? "Admin@123" : "Demo@1234").status()).isEqualTo(200);
            JsonNode first = firstTarget(browser.get("/api/apps/dms/menu").json().get("menus"));
            assertThat(first.get("kind").asText() + ":" + first.get("key").asText()).as(user).isEqualTo(home);
            if (!home.startsWith("dashboard:")) {
                return;
            }
            String dashboard = first.get("key").asText();
            for (JsonNode widget : browser.get("/api/apps/dms/dashboards/" + dashboard).json().get("widgets")) {
                Browser.Response data = browser.get("/api/apps/dms/dashboards/" + dashboard + "/widgets/"
                        + widget.get("key").asText() + "/data");
                assertThat(data.status()).as(user + " " + widget).isEqualTo(200);
                assertThat(data.json().get("rows")).as(user + " " + dashboard + " " + widget.get("key"))
                        .anySatisfy(row -> assertThat(row).anySatisfy(value -> assertThat(value.isNumber()
                                && value.decimalValue().signum() > 0).isTrue()));
            }
        });
    }

    /** The first menu entry that opens something, depth first: what the workspace opens on entering the app. */
    private static JsonNode firstTarget(JsonNode menus) {
        for (JsonNode item : menus) {
            if (item.has("target")) {
                return item.get("target");
            }
            JsonNode inChildren = item.has("children") ? firstTarget(item.get("children")) : null;
            if (inChildren != null) {
                return inChildren;
            }
        }
        return null;
    }

    @Test
    void theRegionsAreRunByTheDemoRegionManagers() {
        UserService users = node.getBean(UserService.class);
        assertThat(jdbc().queryForList("SELECT manager FROM " + SqlNames.table(DemoData.APP, "region")
                + " ORDER BY code", Long.class)).containsExactly(
                users.findByUsername("manager_east").orElseThrow().id(),
                users.findByUsername("manager_north").orElseThrow().id());
    }

    @Test
    void generatingAgainOnTheFilledInstallationAddsNothing() throws Exception {
        assertThat(node.getBean(DemoData.class).generateIfEmpty(DemoSize.DEMO)).isNull();

        assertThat(count("dealer")).isEqualTo(8);
        assertThat(count("order")).isEqualTo(DemoSize.DEMO.orders());
    }

    @Test
    void theAdminEndpointRefusesAFilledInstallationAnUnknownSizeAndNonAdmins() throws Exception {
        Browser admin = new Browser(port());
        admin.login("admin", "Admin@123");
        Browser dealerA = new Browser(port());
        dealerA.login("dealer_a", "Demo@1234");

        Browser.Response filled = admin.post("/api/demo-data?size=10k", null);
        Browser.Response unknown = admin.post("/api/demo-data?size=huge", null);
        Browser.Response forbidden = dealerA.post("/api/demo-data?size=demo", null);

        assertThat(filled.status()).isEqualTo(409);
        assertThat(filled.json().get("code").asText()).isEqualTo("demo.not_empty");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("huge", "100k");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(count("order")).isEqualTo(DemoSize.DEMO.orders());
    }

    @Test
    void theSameSeedGivesTheSameOrders() {
        DemoData demoData = node.getBean(DemoData.class);
        LocalDate today = LocalDate.of(2026, 6, 1);
        List<Long> ids = List.of(1L, 2L, 3L);
        List<BigDecimal> prices = List.of(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO);

        assertThat(demoData.orders(new SplittableRandom(DemoData.SEED), 0, 50, today, ids, ids, prices).toString())
                .isEqualTo(demoData.orders(new SplittableRandom(DemoData.SEED), 0, 50, today, ids, ids, prices)
                        .toString())
                .isNotEqualTo(demoData.orders(new SplittableRandom(DemoData.SEED + 1), 0, 50, today, ids, ids, prices)
                        .toString());
    }

    @Test
    void dealerASeesOnlyD001sOrdersThroughTheApi() {
        Browser dealerA = new Browser(port());
        assertThat(dealerA.login("dealer_a", "Demo@1234").status()).isEqualTo(200);

        JsonNode page = dealerA.get("/api/apps/dms/forms/order/records?size=200").json();

        assertThat(page.get("total").asInt()).isBetween(1, DemoSize.DEMO.orders() - 1);
        assertThat(page.get("items"))
                .allSatisfy(order -> assertThat(order.get("dealer_id").asText()).isEqualTo("D001"));
        Browser director = new Browser(port());
        director.login("director", "Demo@1234");
        assertThat(director.get("/api/apps/dms/forms/order/records?size=1").json().get("total").asInt())
                .isEqualTo(DemoSize.DEMO.orders());
    }

    /** Last: the order it submits changes the counts the other tests check. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anOrderBelowTheListPriceGoesToTheDealersRegionManagerNotToAdmin() {
        Browser dealerA = new Browser(port());
        dealerA.login("dealer_a", "Demo@1234");
        long dealer = dealerA.get("/api/apps/dms/forms/dealer/records?size=1").json().get("items").get(0).get("id")
                .asLong();
        JsonNode product = dealerA.get("/api/apps/dms/forms/product/records?size=1").json().get("items").get(0);
        String order = """
                {"dealer": %d, "order_date": "2026-06-01", "payment": "prepaid",
                 "lines": [{"product": %d, "quantity": 1, "price": %s}]}""".formatted(dealer,
                product.get("id").asLong(), product.get("list_price").decimalValue().subtract(BigDecimal.ONE));

        Browser.Response submitted = dealerA.post("/api/apps/dms/forms/order/records?submit=true", order);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        Browser managerEast = new Browser(port());
        managerEast.login("manager_east", "Demo@1234");
        assertThat(managerEast.get("/api/flow/inbox/todo").json().get("total").asInt()).isEqualTo(1);
        Browser admin = new Browser(port());
        admin.login("admin", "Admin@123");
        assertThat(admin.get("/api/flow/inbox/todo").json().get("total").asInt()).isZero();
    }

    private static long count(String form) throws Exception {
        return node.getBean(FormRecords.class).systemStore(DemoData.APP, form)
                .count(ListQuery.firstPage(1), 1_000_000);
    }

    private static JdbcTemplate jdbc() {
        return node.getBean(JdbcTemplate.class);
    }

    private static int port() {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
