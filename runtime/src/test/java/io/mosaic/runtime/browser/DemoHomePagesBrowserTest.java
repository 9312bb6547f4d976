package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
            browser.openSignedOut(url("/"));
            browser.type("input[name=username]", user);
            browser.type("input[name=password]", "Demo@1234");
            browser.click("button[type=submit]");
            browser.click("[data-app=dms]");
            browser.waitUntil(() -> browser.currentUrl().contains("/apps/dms/dashboards/" + dashboard));
            browser.waitFor("[data-test=widget]");
            int widgets = browser.all("[data-test=widget]").size();
            browser.waitForCount("[data-test=widget][data-loaded=true]", widgets);
            assertThat(browser.all("[data-test=widget] .alert-error")).as(user).isEmpty();
            browser.screenshot("home-" + user);
        });
        assertThat(browser.scriptErrors()).isEmpty();
    }

    private static String url(String path) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path;
    }
}
