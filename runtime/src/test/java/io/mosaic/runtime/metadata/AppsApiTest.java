package io.mosaic.runtime.metadata;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.mosaic.runtime.support.RuntimeTest;

/** Apps, their manifests and menus through the REST API. */
class AppsApiTest extends RuntimeTest {

    private static final RequestPostProcessor ANALYST = user("ann").roles("analyst");

    @Autowired
    MockMvc mvc;

    private final String app = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void createsAnAppWithItsManifestAsDraft() throws Exception {
        create(app, manifest(app, "订单", "Orders", "1.0.0", "[]")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.nameZh").value("订单"))
                .andExpect(jsonPath("$.version").doesNotExist());

        read("/api/apps").andExpect(jsonPath("$[*].key", hasItem(app)));
        read(manifestPath()).andExpect(jsonPath("$.hasDraft").value(true))
                .andExpect(jsonPath("$.updatedBy").value("ann"));
    }

    @Test
    void refusesAManifestNamingAnotherApp() throws Exception {
        create(app, manifest("other_app", "别的", "Other", "1.0.0", "[]"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("definition.invalid"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/key"));
        create(app, "[]").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value(""));
        send(post("/api/apps").contentType(MediaType.APPLICATION_JSON).content("{\"key\": \"" + app + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/manifest"));

        read("/api/apps/" + app).andExpect(status().isNotFound());
    }

    @Test
    void refusesATakenAppKey() throws Exception {
        create(app, manifest(app, "一", "One", "1.0.0", "[]")).andExpect(status().isCreated());

        create(app, manifest(app, "二", "Two", "2.0.0", "[]")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("app.exists"));
        read("/api/apps/" + app).andExpect(jsonPath("$.nameEn").value("One"));
    }

    @Test
    void appFollowsItsManifestThroughDraftPublishAndDiscard() throws Exception {
        create(app, manifest(app, "旧名", "Old name", "1.0.0", "[]"));
        send(post(manifestPath() + "/publish")).andExpect(status().isCreated());
        read("/api/apps/" + app).andExpect(jsonPath("$.version").value("1.0.0"))
                .andExpect(jsonPath("$.publishedVersion").value(1));

        saveManifest(manifest(app, "新名", "New name", "1.1.0", "[]")).andExpect(status().isOk());
        read("/api/apps/" + app).andExpect(jsonPath("$.nameEn").value("New name"))
                .andExpect(jsonPath("$.version").value("1.0.0"));

        send(delete(manifestPath() + "/draft"))
                .andExpect(status().isNoContent());
        read("/api/apps/" + app).andExpect(jsonPath("$.nameEn").value("Old name"));

        saveManifest(manifest(app, "新名", "New name", "1.1.0", "[]"));
        send(post(manifestPath() + "/publish")).andExpect(status().isCreated());
        read("/api/apps/" + app).andExpect(jsonPath("$.nameZh").value("新名"))
                .andExpect(jsonPath("$.version").value("1.1.0"))
                .andExpect(jsonPath("$.publishedVersion").value(2));
    }

    @Test
    void refusesAManifestStoredUnderAnotherKey() throws Exception {
        create(app, manifest(app, "应用", "App", "1.0.0", "[]"));

        send(put("/api/apps/" + app + "/definitions/app/second_manifest").contentType(MediaType.APPLICATION_JSON)
                .content(manifest("second_manifest", "二", "Two", "1.0.0", "[]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("key"));
    }

    @Test
    void menuShowsItemsToTheRolesTheyNameAndEverythingToAdmins() throws Exception {
        create(app, manifest(app, "经销商管理", "Dealers", "1.0.0", """
                [{"key": "home", "name": {"zh-CN": "Home", "en": "Home"}},
                 {"key": "dealers", "name": {"zh-CN": "Dealers", "en": "Dealers"}, "roles": ["region_manager"], "children": [
                    {"key": "dealer_list", "name": {"zh-CN": "List", "en": "List"}},
                    {"key": "credit", "name": {"zh-CN": "Credit", "en": "Credit"}, "roles": ["finance"]}]},
                 {"key": "finance", "name": {"zh-CN": "Finance", "en": "Finance"}, "roles": ["finance"]}]"""));
        send(post(manifestPath() + "/publish")).andExpect(status().isCreated());
        String menu = "/api/apps/" + app + "/menu";

        mvc.perform(get(menu).with(user("rita").roles("region_manager"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.app").value(app))
                .andExpect(jsonPath("$.name.en").value("Dealers"))
                .andExpect(jsonPath("$.menus[*].key", contains("home", "dealers")))
                .andExpect(jsonPath("$.menus[1].children[*].key", contains("dealer_list")));
        mvc.perform(get(menu).with(user("fred").roles("finance")))
                .andExpect(jsonPath("$.menus[*].key", contains("home", "finance")));
        mvc.perform(get(menu).with(user("root").roles("admin")))
                .andExpect(jsonPath("$.menus[*].key", contains("home", "dealers", "finance")))
                .andExpect(jsonPath("$.menus[1].children[*].key", contains("dealer_list", "credit")));
    }

    @Test
    void menuOfAnUnpublishedAppIsEmpty() throws Exception {
        create(app, manifest(app, "草稿", "Draft only", "0.1.0", "[{\"key\": \"home\", \"name\": {\"zh-CN\": \"首页\", \"en\": \"Home\"}}]"));

        read("/api/apps/" + app + "/menu").andExpect(status().isOk())
                .andExpect(jsonPath("$.name.en").value("Draft only"))
                .andExpect(jsonPath("$.menus", empty()));
    }

    private String manifestPath() {
        return "/api/apps/" + app + "/definitions/app/" + app;
    }

    private static String manifest(String key, String nameZh, String nameEn, String version, String menus) {
        return """
                {"key": "%s", "name": {"zh-CN": "%s", "en": "%s"}, "version": "%s", "platform": ">=0.1.0",
                 "roles": [{"key": "region_manager", "name": {"zh-CN": "区域经理", "en": "Region manager"},
                            "grants": [{"form": "*", "actions": ["read"], "rowScope": "org_subtree"}]},
                           {"key": "finance", "name": {"zh-CN": "财务", "en": "Finance"},
                            "grants": [{"form": "*", "actions": ["read"], "rowScope": "all"}]}],
                 "menus": %s, "definitions": []}"""
                .formatted(key, nameZh, nameEn, version, menus);
    }

    private ResultActions create(String key, String manifest) throws Exception {
        return send(post("/api/apps").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\": \"" + key + "\", \"manifest\": " + manifest + "}"));
    }

    private ResultActions saveManifest(String manifest) throws Exception {
        return send(put(manifestPath()).contentType(MediaType.APPLICATION_JSON).content(manifest));
    }

    private ResultActions read(String path) throws Exception {
        return mvc.perform(get(path).with(ANALYST));
    }

    private ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(ANALYST).with(csrfToken()));
    }
}
