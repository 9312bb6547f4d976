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
