package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.RowFilter;
import io.mosaic.runtime.MosaicApplication;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.support.TestDatabase;

/**
 * The README's first start in headless Chromium: each demo role signs in, opens the dms app and lands on its
 * dashboard, every widget loaded with the demo data. Screenshots land in {@code target/screenshots} ({@code home-*}).
 */
@Tag("browser")
class DemoHomePagesBrowserTest {

    private static ConfigurableApplicationContext node;
    private static Browser browser;

    @BeforeAll
    static void firstDemoStart() throws IOException {
        node = new SpringApplicationBuilder(MosaicApplication.class).profiles("test", "demo")
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.freshUrl("homes"),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password());
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        node.close();
    }

    @Test
    void eachRoleLandsOnItsDashboardWithNumbers() {
        Map<String, String> homes = new LinkedHashMap<>();
        homes.put("director", "director");
        homes.put("manager_east", "region");
        homes.put("finance", "finance");
        homes.put("marketing", "marketing");
        homes.put("warehouse", "stock");
        homes.put("dealer_a", "dealer");
        homes.forEach((user, dashboard) -> {
            signIn(user);
            browser.waitUntil(() -> browser.currentUrl().contains("/apps/dms/dashboards/" + dashboard));
            browser.waitFor("[data-test=widget]");
            int widgets = browser.all("[data-test=widget]").size();
            browser.waitForCount("[data-test=widget][data-loaded=true]", widgets);
            assertThat(browser.all("[data-test=widget] .alert-error")).as(user).isEmpty();
            browser.screenshot("home-" + user);
        });
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void theDirectorNarrowsTheDashboardToARegionPickedByNameAndSeesWhatItsManagerSees() {
        signIn("manager_east");
        browser.waitUntil(() -> browser.currentUrl().contains("/apps/dms/dashboards/region"));
        String east = totalSales();

        signIn("director");
        browser.waitUntil(() -> browser.currentUrl().contains("/apps/dms/dashboards/director"));
        String all = totalSales();
        assertThat(all).isNotEqualTo(east);
        // The region filter is a picker over the regions by name, not a box for an id.
        browser.type("[data-filter=region] input[name=region]", "East");
        browser.click("[data-filter=region] .picker-list button");
        browser.waitForText("[data-filter=region] .picker-value", "East");
        browser.screenshot("home-director-region-picked");
        browser.click("[data-test=apply-dashboard-filters]");
        browser.waitUntil(() -> browser.currentUrl().contains("region="));
        browser.waitUntil(() -> totalSalesNow().equals(east));
        browser.screenshot("home-director-east");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aDealersOrderLineShowsItsPriceListPriceAsSoonAsTheProductIsChosen() throws Exception {
        // Head office prices product 1 at 123.45 for every level; product 2 has no row and keeps its list price.
        FormRecords records = node.getBean(FormRecords.class);
        long productOne = productId(records, "P001");
        for (String level : List.of("A", "B", "C", "D")) {
            records.systemStore("dms", "price_list").create("{\"level\": \"%s\", \"product\": %d, \"price\": 123.45, \"valid_from\": \"%s\"}"
                    .formatted(level, productOne, LocalDate.now().minusDays(1)), new Actor(1, null, null), Locale.ENGLISH);
        }
        BigDecimal listPriceTwo = records.systemStore("dms", "product").read(productId(records, "P002")).orElseThrow()
                .path("list_price").decimalValue();

        signIn("dealer_a");
        browser.click(".sidebar [data-menu=orders]");
        browser.click("[data-test=new-record]");
        browser.type("[data-test=lookup-dealer]", "Dealer A");
        browser.click("[data-test=input-dealer] .picker-list button");
        choose("Product 1");
        // Before any save: the dealer may not read the price list, the server prices the line for it.
        browser.waitUntil(() -> price().compareTo(new BigDecimal("123.45")) == 0);
        browser.type("[data-test=row-0] input[name='lines.quantity']", "2");
        browser.waitForText("[data-test=value-total]", "246.9");
        browser.screenshot("order-line-priced");
        // Another product prices the line anew; a price typed by the dealer is the dealer's.
        choose("Product 2");
        browser.waitUntil(() -> price().compareTo(listPriceTwo) == 0);
        browser.type("[data-test=row-0] input[name='lines.price']", "99");
        choose("Product 1");
        // The preview for Product 1 has arrived once the line's price-list price (only the server computes it) shows.
        browser.waitForText("[data-test=row-0] [data-test='value-lines.list_price']", "123.45");
        assertThat(price()).isEqualByComparingTo("99");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    private static long productId(FormRecords records, String code) throws Exception {
        return records.systemStore("dms", "product").list(new ListQuery(List.of(new ListQuery.Filter("code",
                ListQuery.Op.EQ, code)), null, true, 1, null, RowFilter.ALL, Set.of())).records().get(0).path("id").asLong();
    }

    /** Picks a product in the first order line by its name. */
    private static void choose(String product) {
        String cell = "[data-test=row-0] [data-test='input-lines.product']";
        if (!browser.all(cell + " .picker-value button").isEmpty()) {
            browser.click(cell + " .picker-value button");
        }
        browser.type("[data-test=row-0] [data-test='lookup-lines.product']", product);
        browser.waitUntil(() -> browser.all(cell + " .picker-list button").stream()
                .anyMatch(button -> button.getText().equals(product)));
        browser.all(cell + " .picker-list button").stream().filter(button -> button.getText().equals(product))
                .findFirst().orElseThrow().click();
    }

    /** The first line's price as its input shows it; zero while it is blank. */
    private static BigDecimal price() {
        String shown = browser.value("[data-test=row-0] input[name='lines.price']").replaceAll("[^0-9.]", "");
        return shown.isEmpty() ? BigDecimal.ZERO : new BigDecimal(shown);
    }

    private static void signIn(String user) {
        browser.openSignedOut(url("/"));
        browser.type("input[name=username]", user);
        browser.type("input[name=password]", "Demo@1234");
        browser.click("button[type=submit]");
        browser.click("[data-app=dms]");
    }

    private static final String TOTAL = "[data-widget=total] [data-test=widget][data-loaded=true] [data-test=kpi] .kpi-value";

    /** The total sales KPI of the dashboard on screen, once its data arrived. */
    private static String totalSales() {
        return browser.text(TOTAL);
    }

    /** The total sales KPI as shown now: "" while the widget reloads (its element may be replaced under the read). */
    private static String totalSalesNow() {
        try {
            return browser.all(TOTAL).stream().map(WebElement::getText).findFirst().orElse("");
        } catch (StaleElementReferenceException replaced) {
            return "";
        }
    }

    private static String url(String path) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path;
    }
}
