package io.mosaic.runtime.form;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.org.OrgUnit;

/** The records of a published form through the REST API, under each user's actions, row scope and field access. */
class RecordApiTest extends SecurityTestSupport {

    private static final String ACTOR = "analyst";

    @Autowired
    MetadataService metadata;

    @Autowired
    ObjectMapper json;

    private final String app = unique("ra").toLowerCase();
    private final String clerk = unique("clerk");
    private final String dealerRep = unique("dealer");
    private final String manager = unique("manager");
    private final String reader = unique("reader");
    private final String outsider = unique("outsider");

    @BeforeEach
    void publishADealForm() {
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "交易", "en": "Deals"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [
                   {"key": "%s", "name": {"zh-CN": "文员", "en": "Clerk"},
                    "grants": [{"form": "deal", "actions": ["create", "read", "update", "delete"], "rowScope": "all"}]},
                   {"key": "%s", "name": {"zh-CN": "经销商", "en": "Dealer"},
                    "grants": [{"form": "deal", "actions": ["create", "read", "update", "delete"],
                                "rowScope": "own_dealer", "fields": {"cost": "hidden", "rating": "read_only"}}]},
                   {"key": "%s", "name": {"zh-CN": "经理", "en": "Manager"},
                    "grants": [{"form": "deal", "actions": ["read", "update"], "rowScope": "org_subtree"}]},
                   {"key": "%s", "name": {"zh-CN": "读者", "en": "Reader"},
                    "grants": [{"form": "deal", "actions": ["read"], "rowScope": "all"}]},
                   {"key": "%s", "name": {"zh-CN": "外人", "en": "Outsider"},
                    "grants": [{"form": "memo", "actions": ["read"], "rowScope": "all"}]}],
                 "definitions": [{"kind": "form", "key": "deal"}, {"kind": "form", "key": "memo"}]}"""
                .formatted(app, clerk, dealerRep, manager, reader, outsider);
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "deal", """
                {"key": "deal", "name": {"zh-CN": "交易", "en": "Deal"},
                 "fields": [
                   {"key": "title", "type": "text", "required": true, "maxLength": 40,
                    "label": {"zh-CN": "标题", "en": "Title"}},
                   {"key": "amount", "type": "integer", "label": {"zh-CN": "金额", "en": "Amount"}},
                   {"key": "cost", "type": "integer", "label": {"zh-CN": "成本", "en": "Cost"}},
                   {"key": "rating", "type": "integer", "label": {"zh-CN": "评级", "en": "Rating"}}
                 ]}""", null, ACTOR);
    }

    @Test
    void createsReadsUpdatesAndListsARecord() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        JsonNode created = body(create(user, "{\"title\": \"Bolts\", \"amount\": 120}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("Bolts"))
                .andExpect(jsonPath("$.version").value(1)));
        long id = created.get("id").asLong();
        mvc.perform(get(records()).with(user)).andExpect(jsonPath("$.items[*].title", contains("Bolts")));

        mvc.perform(get(record(id)).with(user)).andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(120));
        mvc.perform(patch(record(id)).with(user).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 130}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(130))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(patch(record(id)).with(user).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 2, \"title\": \"Nuts\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Nuts"))
                .andExpect(jsonPath("$.version").value(3));
        mvc.perform(get(record(id) + "/history").with(user)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].field", contains("amount", "title")))
                .andExpect(jsonPath("$[0].oldValue").value(120))
                .andExpect(jsonPath("$[0].newValue").value(130));
    }

    @Test
    void refusesAStaleVersionAndChangesNothing() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        long id = id(create(user, "{\"title\": \"Bolts\", \"amount\": 1}"));
        update(user, id, 1, "{\"amount\": 2}").andExpect(status().isOk());

        update(user, id, 1, "{\"amount\": 3}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("conflict.stale"));
        mvc.perform(delete(record(id)).param("version", "1").with(user)).andExpect(status().isConflict());

        mvc.perform(get(record(id)).with(user))
                .andExpect(jsonPath("$.amount").value(2))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void asksForTheVersionAnUpdateStartsFrom() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        long id = id(create(user, "{\"title\": \"Bolts\"}"));

        mvc.perform(patch(record(id)).with(user).contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 3}"))
                .andExpect(status().isPreconditionRequired());
        update(user, id, 1, "{\"amount\": \"many\"}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("record.invalid"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/amount"));
    }

    @Test
    void refusesInvalidRecordsWithAPointerToEachValueAndStoresNothing() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));

        create(user, "{\"title\": \"" + "x".repeat(41) + "\", \"amount\": 1.5, \"colour\": \"red\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("record.invalid"))
                .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/title", "/amount", "/colour")))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/title')].code").value("max_length"))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/title')].message").value("Title must be at most 40 characters"));
        create(user, "{\"title\": ").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("invalid_json"));
        create(user, "[1]").andExpect(status().isUnprocessableEntity());

        mvc.perform(get(records()).with(user)).andExpect(jsonPath("$.items", empty()));
    }

    @Test
    void softDeletesAndRestoresARecord() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        long id = id(create(user, "{\"title\": \"Bolts\"}"));

        mvc.perform(delete(record(id)).param("version", "1").with(user)).andExpect(status().isNoContent());
        mvc.perform(get(record(id)).with(user)).andExpect(status().isNotFound());
        mvc.perform(get(records()).with(user)).andExpect(jsonPath("$.items", empty()));

        mvc.perform(post(record(id) + "/restore").with(user)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Bolts"));
        mvc.perform(get(record(id)).with(user)).andExpect(status().isOk());
        mvc.perform(post(record(id) + "/restore").with(user)).andExpect(status().isNotFound());
    }

    @Test
    void listsInKeysetPagesWithFiltersAndSort() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        for (int amount : new int[] {50, 150, 200, 300, 120}) {
            create(user, "{\"title\": \"Deal " + amount + "\", \"amount\": " + amount + "}").andExpect(status().isCreated());
        }

        JsonNode first = body(mvc.perform(get(records()).with(user).param("filter", "amount:gt:100")
                        .param("sort", "amount").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].amount", contains(120, 150)))
                .andExpect(jsonPath("$.hasMore").value(true))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.totalCapped").value(false)));
        mvc.perform(get(records()).with(user).param("filter", "amount:gt:100").param("sort", "amount")
                        .param("size", "2").param("after", first.get("nextCursor").asText()))
                .andExpect(jsonPath("$.items[*].amount", contains(200, 300)))
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.nextCursor").doesNotExist())
                .andExpect(jsonPath("$.total").doesNotExist());
        mvc.perform(get(records()).with(user).param("filter", "amount:ge:150").param("filter", "amount:lt:300")
                        .param("sort", "-amount"))
                .andExpect(jsonPath("$.items[*].amount", contains(200, 150)));
        mvc.perform(get(records()).with(user).param("filter", "amount:between:1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.invalid"));
        mvc.perform(get(records()).with(user).param("filter", "colour:eq:red"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].pointer").value("filter"))
                .andExpect(jsonPath("$.message").value("The form has no field 'colour' to filter by"));
    }

    @Test
    void keepsSqlMetacharactersInFilterValuesInert() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        create(user, "{\"title\": \"O'Brien; 100%\"}").andExpect(status().isCreated());
        create(user, "{\"title\": \"Other\"}").andExpect(status().isCreated());

        mvc.perform(get(records()).with(user).param("filter", "title:eq:x' OR '1'='1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", empty()));
        mvc.perform(get(records()).with(user).param("filter", "title:contains:%"))
                .andExpect(jsonPath("$.items[*].title", contains("O'Brien; 100%")));
        mvc.perform(get(records()).with(user).param("filter", "title:eq:O'Brien; 100%"))
                .andExpect(jsonPath("$.items", hasSize(1)));
        mvc.perform(get(records()).with(user).param("filter", "amount:gt:1 OR 1=1"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(records()).with(user)).andExpect(jsonPath("$.items", hasSize(2)));
    }

    @Test
    void showsEachDealerOnlyTheirOwnDealersRecords() throws Exception {
        RequestPostProcessor north = as(createDealerUser(null, unique("north"), dealerRep));
        RequestPostProcessor south = as(createDealerUser(null, unique("south"), dealerRep));
        long northId = id(create(north, "{\"title\": \"North deal\"}"));
        long southId = id(create(south, "{\"title\": \"South deal\"}"));

        mvc.perform(get(records()).with(north)).andExpect(jsonPath("$.items[*].title", contains("North deal")));
        mvc.perform(get(records()).with(south)).andExpect(jsonPath("$.items[*].title", contains("South deal")));
        mvc.perform(get(record(southId)).with(north)).andExpect(status().isNotFound());
        update(north, southId, 1, "{\"title\": \"Taken\"}").andExpect(status().isNotFound());
        mvc.perform(delete(record(southId)).param("version", "1").with(north)).andExpect(status().isNotFound());
        mvc.perform(get(record(southId) + "/history").with(north)).andExpect(status().isNotFound());
        mvc.perform(delete(record(northId)).param("version", "1").with(north)).andExpect(status().isNoContent());
        mvc.perform(post(record(northId) + "/restore").with(south)).andExpect(status().isNotFound());

        mvc.perform(get(record(southId)).with(south)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("South deal"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(post(record(northId) + "/restore").with(north)).andExpect(status().isOk());
    }

    @Test
    void showsAManagerTheRecordsOfTheirOrgSubtree() throws Exception {
        OrgUnit region = createOrg(null, "region");
        OrgUnit branch = createOrg(region.id(), "team");
        OrgUnit elsewhere = createOrg(null, "region");
        RequestPostProcessor clerkInBranch = as(createDealerUser(branch.id(), null, clerk));
        RequestPostProcessor clerkElsewhere = as(createDealerUser(elsewhere.id(), null, clerk));
        long inside = id(create(clerkInBranch, "{\"title\": \"Branch deal\"}"));
        long outside = id(create(clerkElsewhere, "{\"title\": \"Other deal\"}"));
        RequestPostProcessor regionalManager = as(createDealerUser(region.id(), null, manager));

        mvc.perform(get(records()).with(regionalManager)).andExpect(jsonPath("$.items[*].title", contains("Branch deal")));
        mvc.perform(get(record(inside)).with(regionalManager)).andExpect(status().isOk());
        update(regionalManager, inside, 1, "{\"amount\": 5}").andExpect(status().isOk());
        mvc.perform(get(record(outside)).with(regionalManager)).andExpect(status().isNotFound());
        update(regionalManager, outside, 1, "{\"amount\": 5}").andExpect(status().isNotFound());
    }

    @Test
    void addsUpTheRowScopesOfSeveralRoles() throws Exception {
        OrgUnit region = createOrg(null, "region");
        OrgUnit elsewhere = createOrg(null, "region");
        String dealer = unique("d");
        create(as(createDealerUser(region.id(), null, clerk)), "{\"title\": \"Region deal\"}");
        create(as(createDealerUser(null, dealer, dealerRep)), "{\"title\": \"Dealer deal\"}");
        create(as(createDealerUser(elsewhere.id(), null, clerk)), "{\"title\": \"Other deal\"}");

        RequestPostProcessor both = as(createDealerUser(region.id(), dealer, manager, dealerRep));

        mvc.perform(get(records()).with(both)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title", contains("Dealer deal", "Region deal")));
    }

    @Test
    void neverShowsNorFiltersAHiddenField() throws Exception {
        RequestPostProcessor rep = as(createDealerUser(null, unique("east"), dealerRep));
        long id = id(create(rep, "{\"title\": \"East deal\"}").andExpect(jsonPath("$.cost").doesNotExist()));
        RequestPostProcessor clerkUser = as(createDealerUser(null, null, clerk));
        update(clerkUser, id, 1, "{\"cost\": 99}").andExpect(status().isOk());

        mvc.perform(get(record(id)).with(rep)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("East deal"))
                .andExpect(jsonPath("$.cost").doesNotExist());
        mvc.perform(get(records()).with(rep)).andExpect(jsonPath("$.items[0].cost").doesNotExist());
        mvc.perform(get(record(id) + "/history").with(rep)).andExpect(jsonPath("$", empty()));
        mvc.perform(get(records()).with(rep).param("filter", "cost:gt:1")).andExpect(status().isBadRequest());
        mvc.perform(get(records()).with(rep).param("sort", "cost")).andExpect(status().isBadRequest());
        update(rep, id, 2, "{\"cost\": 1}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/cost"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown_field"));
        mvc.perform(get(record(id)).with(clerkUser)).andExpect(jsonPath("$.cost").value(99));
    }

    @Test
    void refusesAReadOnlyFieldInCreateAndUpdate() throws Exception {
        RequestPostProcessor rep = as(createDealerUser(null, unique("west"), dealerRep));

        create(rep, "{\"title\": \"West deal\", \"rating\": 5}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("record.invalid"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/rating"))
                .andExpect(jsonPath("$.errors[0].code").value("read_only"));
        mvc.perform(get(records()).with(rep)).andExpect(jsonPath("$.items", empty()));
        long id = id(create(rep, "{\"title\": \"West deal\"}"));
        update(rep, id, 1, "{\"rating\": 5}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("read_only"));
        mvc.perform(get(record(id)).with(rep)).andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void hidesTheFormFromUsersWhoMayNotReadItAndForbidsMissingActions() throws Exception {
        long id = id(create(as(createDealerUser(null, null, clerk)), "{\"title\": \"Bolts\"}"));
        RequestPostProcessor stranger = as(createDealerUser(null, null, outsider));
        RequestPostProcessor readOnly = as(createDealerUser(null, null, reader));

        mvc.perform(get(records()).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get(record(id)).with(stranger)).andExpect(status().isNotFound());
        create(stranger, "{\"title\": \"x\"}").andExpect(status().isNotFound());

        mvc.perform(get(record(id)).with(readOnly)).andExpect(status().isOk());
        create(readOnly, "{\"title\": \"x\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.forbidden"));
        update(readOnly, id, 1, "{\"title\": \"y\"}").andExpect(status().isForbidden());
        mvc.perform(delete(record(id)).param("version", "1").with(readOnly)).andExpect(status().isForbidden());
        mvc.perform(get(records()).with(readOnly)).andExpect(jsonPath("$.items", hasSize(1)));
    }

    private ResultActions create(RequestPostProcessor user, String record) throws Exception {
        return mvc.perform(post(records()).with(user).contentType(MediaType.APPLICATION_JSON).content(record));
    }

    private ResultActions update(RequestPostProcessor user, long id, int version, String patch) throws Exception {
        return mvc.perform(patch(record(id)).with(user).header("If-Match", String.valueOf(version))
                .contentType(MediaType.APPLICATION_JSON).content(patch));
    }

    private long id(ResultActions created) throws Exception {
        return body(created.andExpect(status().isCreated())).get("id").asLong();
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private String records() {
        return "/api/apps/" + app + "/forms/deal/records";
    }

    private String record(long id) {
        return records() + "/" + id;
    }
}
