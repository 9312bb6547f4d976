package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

import io.mosaic.runtime.MosaicApplication;
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
