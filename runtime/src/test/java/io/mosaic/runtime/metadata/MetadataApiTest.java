package io.mosaic.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.mosaic.runtime.support.RuntimeTest;

/** The metadata repository through its REST API, as the designers use it. */
class MetadataApiTest extends RuntimeTest {

    private static final RequestPostProcessor ANALYST = user("ann").roles("analyst");
    private static final RequestPostProcessor ADMIN = user("root").roles("admin");
    private static final RequestPostProcessor NO_ROLES = user("bob").roles();

    @Autowired
    MockMvc mvc;

    @Autowired
    PublishedEvents publishedEvents;

    /** Every test works in an app of its own: the database is shared by all tests of the run. */
    private final String app = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void createApp() throws Exception {
        send(post("/api/apps").contentType(MediaType.APPLICATION_JSON).content("""
                {"key": "%s", "manifest": {"key": "%s", "name": {"zh-CN": "测试应用", "en": "Test app"},
                 "version": "1.0.0", "platform": ">=0.1.0", "menus": [], "definitions": []}}""".formatted(app, app)), ANALYST)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key").value(app))
                .andExpect(jsonPath("$.nameZh").value("测试应用"))
                .andExpect(jsonPath("$.nameEn").value("Test app"))
                .andExpect(jsonPath("$.publishedVersion").doesNotExist());
    }

    @Test
    void publishCreatesNumberedVersionsThatNeverChange() throws Exception {
        String first = note("First", "a");
        saveNote("todo", first).andExpect(status().isOk())
                .andExpect(jsonPath("$.hasDraft").value(true))
                .andExpect(jsonPath("$.content").value(first))
                .andExpect(jsonPath("$.updatedBy").value("ann"));

        publish("todo", "first cut").andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.checksum").value(DigestUtils.sha256Hex(first)))
                .andExpect(jsonPath("$.publishedBy").value("ann"))
                .andExpect(jsonPath("$.comment").value("first cut"));

        String second = note("Second", "a", "b");
        saveNote("todo", second).andExpect(status().isOk());
        publish("todo", null).andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2));

        read(notePath("todo") + "/versions/1").andExpect(status().isOk())
                .andExpect(jsonPath("$.content").value(first))
                .andExpect(jsonPath("$.checksum").value(DigestUtils.sha256Hex(first)));
        read(notePath("todo") + "/versions/2").andExpect(jsonPath("$.content").value(second));
        read(notePath("todo")).andExpect(jsonPath("$.hasDraft").value(false))
                .andExpect(jsonPath("$.publishedVersion").value(2))
                .andExpect(jsonPath("$.content").value(second));
    }

    @Test
    void listsVersionsNewestFirstWithoutContent() throws Exception {
        for (String title : new String[] {"One", "Two", "Three"}) {
            saveNote("log", note(title));
            publish("log", title);
        }
        read(notePath("log") + "/versions").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].version", contains(3, 2, 1)))
                .andExpect(jsonPath("$[*].comment", contains("Three", "Two", "One")))
                .andExpect(jsonPath("$[0].content").doesNotExist());
        read(notePath("log") + "/versions/4").andExpect(status().isNotFound());
    }

    @Test
    void rejectsPublishWithoutDraft() throws Exception {
        saveNote("once", note("Once"));
        publish("once", null).andExpect(status().isCreated());

        publish("once", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("definition.no_draft"));
        read(notePath("once") + "/versions").andExpect(jsonPath("$.length()").value(1));
        publish("never_saved", null).andExpect(status().isNotFound());
    }

    @Test
    void rejectsInvalidNewDefinitionWithPointersAndStoresNothing() throws Exception {
        saveNote("broken", "{\"title\": \"\", \"items\": [\"ok\", 7]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("definition.invalid"))
                .andExpect(jsonPath("$.errors[*].pointer", contains("/title", "/items/1")));

        read(notePath("broken")).andExpect(status().isNotFound());
        read("/api/apps/" + app + "/definitions?kind=testnote").andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void rejectsInvalidEditAndKeepsThePreviousDraft() throws Exception {
        String good = note("Good");
        saveNote("kept", good);

        saveNote("kept", "[1, 2]").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value(""));
        saveNote("kept", "{\"items\": []}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/title"));

        read(notePath("kept")).andExpect(jsonPath("$.content").value(good));
    }

    @Test
    void discardingTheDraftRestoresThePublishedVersion() throws Exception {
        String published = note("Published");
        saveNote("memo", published);
        publish("memo", null);
        saveNote("memo", note("Unwanted edit"));

        send(delete(notePath("memo") + "/draft"), ANALYST).andExpect(status().isNoContent());

        read(notePath("memo")).andExpect(jsonPath("$.hasDraft").value(false))
                .andExpect(jsonPath("$.content").value(published));
        publish("memo", null).andExpect(status().isConflict());
    }

    @Test
    void refusesToDiscardTheDraftOfANeverPublishedDefinition() throws Exception {
        String draft = note("Only a draft");
        saveNote("fresh", draft);

        send(delete(notePath("fresh") + "/draft"), ANALYST).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("definition.never_published"));
        read(notePath("fresh")).andExpect(jsonPath("$.content").value(draft));
    }

    @Test
    void diffListsChangedPointersAndALineDiff() throws Exception {
        saveNote("plan", note("Before", "x", "y"));
        publish("plan", null);
        saveNote("plan", "{\"title\": \"After\", \"items\": [\"x\", \"y\", \"z\"], \"colour\": \"red\"}");

        read(notePath("plan") + "/diff").andExpect(status().isOk())
                .andExpect(jsonPath("$.baseVersion").value(1))
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.changes[*].pointer", contains("/title", "/items/2", "/colour")))
                .andExpect(jsonPath("$.changes[*].op", contains("replace", "add", "add")))
                .andExpect(jsonPath("$.changes[0].before").value("\"Before\""))
                .andExpect(jsonPath("$.changes[0].after").value("\"After\""))
                .andExpect(jsonPath("$.unifiedDiff", containsString("--- plan.testnote.json (version 1)")))
                .andExpect(jsonPath("$.unifiedDiff", containsString("-  \"title\" : \"Before\",")))
                .andExpect(jsonPath("$.unifiedDiff", containsString("+  \"title\" : \"After\",")));
    }

    @Test
    void diffOfAnXmlDefinitionIsALineDiff() throws Exception {
        String path = "/api/apps/" + app + "/definitions/testpage/home";
        send(put(path).contentType(MediaType.APPLICATION_XML).content("<page>\n  <title>Home</title>\n</page>"),
                ANALYST).andExpect(status().isOk());
        publishAt(path, null);
        send(put(path).contentType(MediaType.APPLICATION_XML).content("<page>\n  <title>Start</title>\n</page>"),
                ANALYST).andExpect(status().isOk());

        read(path + "/diff").andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.changes.length()").value(0))
                .andExpect(jsonPath("$.unifiedDiff", containsString("-  <title>Home</title>")))
                .andExpect(jsonPath("$.unifiedDiff", containsString("+  <title>Start</title>")));
        send(put(path).contentType(MediaType.APPLICATION_XML).content("<book/>"), ANALYST)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("book"));
    }

    @Test
    void diffWithoutDraftShowsNoChange() throws Exception {
        saveNote("still", note("Still"));
        publish("still", null);

        read(notePath("still") + "/diff").andExpect(jsonPath("$.changed").value(false))
                .andExpect(jsonPath("$.changes.length()").value(0))
                .andExpect(jsonPath("$.unifiedDiff").value(""));
    }

    @Test
    void refusesAPublishThatWouldLoseData() throws Exception {
        saveNote("stock", note("Stock", "bolts", "nuts"));
        publish("stock", null);
        saveNote("stock", note("Stock", "bolts"));

        publish("stock", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("definition.data_loss"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/items"))
                .andExpect(jsonPath("$.errors[0].message", containsString("nuts")));
        read(notePath("stock") + "/versions").andExpect(jsonPath("$.length()").value(1));
        read(notePath("stock")).andExpect(jsonPath("$.hasDraft").value(true));
    }

    @Test
    void failingListenerRollsThePublishBack() throws Exception {
        String draft = note("Refused");
        saveNote(PublishedEvents.REFUSED_KEY, draft);

        publish(PublishedEvents.REFUSED_KEY, null).andExpect(status().isInternalServerError());

        read(notePath(PublishedEvents.REFUSED_KEY) + "/versions").andExpect(jsonPath("$.length()").value(0));
        read(notePath(PublishedEvents.REFUSED_KEY)).andExpect(jsonPath("$.hasDraft").value(true))
                .andExpect(jsonPath("$.publishedVersion").doesNotExist())
                .andExpect(jsonPath("$.content").value(draft));
    }

    @Test
    void publishingTellsListenersInsideTheTransaction() throws Exception {
        String first = note("First");
        String second = note("Second");
        saveNote("told", first);
        publish("told", null);
        saveNote("told", second);
        publish("told", null);

        assertThat(publishedEvents.forApp(app)).extracting(PublishedEvents.Received::event).containsExactly(
                new DefinitionPublished(app, "testnote", "told", 1, first, null),
                new DefinitionPublished(app, "testnote", "told", 2, second, first));
        assertThat(publishedEvents.forApp(app)).allMatch(PublishedEvents.Received::inTransaction);
    }

    @Test
    void writesNeedTheAnalystOrAdminRole() throws Exception {
        saveNote("guarded", note("Guarded"));

        send(put(notePath("guarded")).contentType(MediaType.APPLICATION_JSON).content(note("Hijacked")), NO_ROLES)
                .andExpect(status().isForbidden());
        send(post(notePath("guarded") + "/publish"), NO_ROLES).andExpect(status().isForbidden());
        send(delete(notePath("guarded") + "/draft"), NO_ROLES).andExpect(status().isForbidden());
        send(post("/api/apps").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\": \"bobs_app\", \"manifest\": {\"key\": \"bobs_app\"}}"), NO_ROLES)
                .andExpect(status().isForbidden());

        // a user none of whose roles has a grant in the app does not learn that it exists
        mvc.perform(get(notePath("guarded")).with(NO_ROLES)).andExpect(status().isNotFound());
        mvc.perform(get(notePath("guarded")).with(ANALYST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.content").value(note("Guarded")));
        send(put(notePath("guarded")).contentType(MediaType.APPLICATION_JSON).content(note("By admin")), ADMIN)
                .andExpect(status().isOk());
    }

    @Test
    void readsNeedASignedInUser() throws Exception {
        mvc.perform(get("/api/apps/" + app)).andExpect(status().isUnauthorized());
    }

    @Test
    void rejectsAnOverlongPublishComment() throws Exception {
        saveNote("talkative", note("Talkative"));

        publishAt(notePath("talkative"), "x".repeat(1001)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/comment"));
        read(notePath("talkative") + "/versions").andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void unknownAppIsNotFoundAndGetsNothingStored() throws Exception {
        send(put("/api/apps/no_such_app/definitions/testnote/orphan").contentType(MediaType.APPLICATION_JSON)
                .content(note("Orphan")), ANALYST)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message", containsString("no_such_app")));
        read("/api/apps/no_such_app/definitions").andExpect(status().isNotFound());
        read("/api/apps/no_such_app/menu").andExpect(status().isNotFound());
    }

    @Test
    void describesTheEndpointsInOpenApi() throws Exception {
        read("/v3/api-docs").andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/apps/{app}/definitions/{kind}/{key}/publish'].post").exists())
                .andExpect(jsonPath("$.paths['/api/apps/{app}/menu'].get").exists());
    }

    @Test
    void unknownKindIsNotFound() throws Exception {
        send(put("/api/apps/" + app + "/definitions/spreadsheet/budget").contentType(MediaType.APPLICATION_JSON)
                .content("{}"), ANALYST)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("definition.unknown_kind"))
                .andExpect(jsonPath("$.message", containsString("spreadsheet")));
        read("/api/apps/" + app + "/definitions?kind=spreadsheet").andExpect(status().isNotFound());
    }

    @Test
    void rejectsKeysThatCannotBecomeTableNames() throws Exception {
        saveNote("Todo", note("Upper case")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("key"));
        saveNote("1st", note("Digit first")).andExpect(status().isBadRequest());
        saveNote("a".repeat(49), note("Too long")).andExpect(status().isBadRequest());
        send(post("/api/apps").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\": \"Bad-Key\", \"manifest\": {\"key\": \"Bad-Key\"}}"), ANALYST)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/key"));
        read("/api/apps/" + app + "/definitions").andExpect(jsonPath("$[*].kind", not(hasItem("testnote"))));
    }

    @Test
    void listsDefinitionsOfOneKindOrAll() throws Exception {
        saveNote("beta", note("Beta"));
        saveNote("alpha", note("Alpha"));

        read("/api/apps/" + app + "/definitions?kind=testnote").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", contains("alpha", "beta")))
                .andExpect(jsonPath("$[0].hasDraft").value(true))
                .andExpect(jsonPath("$[0].content").doesNotExist());
        read("/api/apps/" + app + "/definitions").andExpect(jsonPath("$[*].kind", contains("app", "testnote",
                "testnote")));
    }

    @Test
    void listsRegisteredDefinitionKinds() throws Exception {
        read("/api/definition-kinds").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == 'testnote')].fileSuffix").value(".testnote.json"))
                .andExpect(jsonPath("$[?(@.key == 'testnote')].format").value("json"))
                .andExpect(jsonPath("$[?(@.key == 'testnote')].nameEn").value("Test note"))
                .andExpect(jsonPath("$[?(@.key == 'testpage')].format").value("xml"));
    }

    private String notePath(String key) {
        return "/api/apps/" + app + "/definitions/testnote/" + key;
    }

    private static String note(String title, String... items) {
        StringBuilder json = new StringBuilder("{\n  \"title\": \"" + title + "\",\n  \"items\": [");
        for (int i = 0; i < items.length; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(items[i]).append('"');
        }
        return json.append("]\n}").toString();
    }

    private ResultActions saveNote(String key, String content) throws Exception {
        return send(put(notePath(key)).contentType(MediaType.APPLICATION_JSON).content(content), ANALYST);
    }

    private ResultActions publish(String key, String comment) throws Exception {
        return publishAt(notePath(key), comment);
    }

    private ResultActions publishAt(String path, String comment) throws Exception {
        MockHttpServletRequestBuilder request = post(path + "/publish");
        if (comment != null) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"" + comment + "\"}");
        }
        return send(request, ANALYST);
    }

    private ResultActions read(String path) throws Exception {
        return mvc.perform(get(path).with(ANALYST));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
        return mvc.perform(request.with(user).with(csrfToken()));
    }
}
