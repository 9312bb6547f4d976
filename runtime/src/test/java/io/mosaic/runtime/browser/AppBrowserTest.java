package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;

/**
 * A browser test over an app of its own: its apps and users carry a suffix no other test's do (the runtime is
 * shared by the test classes), every user signs in with one password, and the designers' tests start from the same
 * published sales app with an order form.
 */
abstract class AppBrowserTest extends BrowserTest {

    static final String PASSWORD = "test-pw-" + UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MetadataService metadata;

    @Autowired
    UserService users;

    final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    /** Creates the app from its manifest and publishes it. */
    void publishApp(String app, String manifest) {
        metadata.createApp(app, manifest, "admin");
        metadata.publish(app, MetadataService.APP_KIND, app, null, "admin");
    }

    /** A published app "Sales" with one role and an order form, which {@link #publishOrderForm} publishes. */
    void publishSalesApp(String app, String roleKey, String roleZh, String roleEn) {
        publishApp(app, """
                {"key": "%1$s", "name": {"zh-CN": "销售 %2$s", "en": "Sales %2$s"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%3$s", "name": {"zh-CN": "%4$s", "en": "%5$s"}, "grants": []}],
                 "definitions": [{"kind": "form", "key": "order"}]}""".formatted(app, suffix, roleKey, roleZh, roleEn));
    }

    /** The order form: a customer, a total and lines of a product with a money column ({@code key}, its labels). */
    void publishOrderForm(String app, String key, String labelZh, String labelEn) {
        metadata.publishContent(app, "form", "order", """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"},
                 "fields": [{"key": "customer", "type": "text", "label": {"zh-CN": "客户", "en": "Customer"}},
                            {"key": "total", "type": "money", "label": {"zh-CN": "合计", "en": "Total"}},
                            {"key": "lines", "type": "subtable", "label": {"zh-CN": "明细", "en": "Lines"},
                             "columns": [{"key": "product", "type": "text", "label": {"zh-CN": "产品", "en": "Product"}},
                                         {"key": "%s", "type": "money", "label": {"zh-CN": "%s", "en": "%s"}}]}]}"""
                .formatted(key, labelZh, labelEn), null, "admin");
    }

    User user(String username, String displayName, Long managerId, String locale, String... roles) {
        return users.create(new UserRequest(username, displayName, null, PASSWORD, null, managerId, null, List.of(roles),
                locale, null));
    }

    /** The desktop layout at 1366×768, the screen the designers are made for. */
    void laptopScreen() {
        browser.desktop();
        browser.viewport(1366, 768);
    }

    /** An analyst of this test's own ({@code analyst_} and the suffix), signed in on a laptop screen. */
    void signInAnalyst(String displayName, String locale) {
        String analyst = "analyst_" + suffix;
        user(analyst, displayName, null, locale, "analyst");
        laptopScreen();
        signIn(analyst, PASSWORD);
    }

    /** The content of a definition's first published version, read through the REST API as the signed-in user. */
    JsonNode published(String app, String kind, String key) throws IOException {
        return JSON.readTree(JSON.readTree(fetchOk("/api/apps/" + app + "/definitions/" + kind + "/" + key + "/versions/1"))
                .path("content").asText());
    }

    String fetchOk(String path) {
        Browser.Fetched answer = browser.fetch(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer.body();
    }
}
