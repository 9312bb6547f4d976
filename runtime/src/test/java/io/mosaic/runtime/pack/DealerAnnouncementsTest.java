package io.mosaic.runtime.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.user.User;

/**
 * The dms announcements as dealers read them: a dealer user lists, reads and exports only the announcements that
 * target its dealer's level and region (no target levels or region meaning all), through the grant's row filter on
 * the reader's dealer record; head office sees every one.
 */
class DealerAnnouncementsTest extends SecurityTestSupport {

    @Autowired
    ObjectMapper json;

    private RequestPostProcessor admin;
    private RequestPostProcessor dealerUser;
    private RequestPostProcessor marketing;
    private final List<Long> visible = new ArrayList<>();
    private final List<Long> hidden = new ArrayList<>();
    private String tag;

    @BeforeEach
    void eastAndNorthWithADealerAndTargetedAnnouncements() throws Exception {
        admin = as(createUser("admin"));
        marketing = as(createUser("marketing"));
        tag = unique("t");
        long east = create(admin, "region", "{\"code\": \"" + unique("e") + "\", \"name\": \"East\", \"level\": \"area\"}");
        long north = create(admin, "region", "{\"code\": \"" + unique("n") + "\", \"name\": \"North\", \"level\": \"area\"}");
        String code = unique("D").substring(0, 12);
        create(admin, "dealer", """
                {"code": "%s", "name": "Dealer %s", "level": "B", "region": %d, "contact_name": "Wang",
                 "contact_phone": "13900000000", "contract_start": "2026-01-01", "contract_end": "2027-12-31",
                 "credit_limit": 1000, "status": "active"}""".formatted(code, code, east));
        User user = createDealerUser(null, code, "dealer");
        dealerUser = as(user);
        visible.add(announcement("for everyone", null, null));
        visible.add(announcement("for the East", null, east));
        visible.add(announcement("for level B in the East", "[\"B\", \"C\"]", east));
        visible.add(announcement("for level B anywhere", "[\"B\"]", null));
        hidden.add(announcement("for the North", null, north));
        hidden.add(announcement("for level A", "[\"A\"]", null));
        hidden.add(announcement("for level B in the North", "[\"B\"]", north));
    }

    @Test
    void aDealerListsReadsAndExportsOnlyTheAnnouncementsForItsLevelAndRegion() throws Exception {
        assertThat(ids(dealerUser)).containsExactlyInAnyOrderElementsOf(visible);
        assertThat(ids(marketing)).containsAll(visible).containsAll(hidden);
        for (long id : visible) {
            mvc.perform(get("/api/apps/dms/forms/announcement/records/{id}", id).with(dealerUser)).andExpect(status().isOk());
        }
        for (long id : hidden) {
            mvc.perform(get("/api/apps/dms/forms/announcement/records/{id}", id).with(dealerUser))
                    .andExpect(status().isNotFound());
        }

        String export = mvc.perform(get("/api/apps/dms/forms/announcement/export").param("format", "csv")
                        .param("filter", "title:contains:" + tag).param("locale", "en").with(dealerUser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).contains(tag + " for everyone", tag + " for the East", tag + " for level B anywhere")
                .doesNotContain(tag + " for the North", tag + " for level A", tag + " for level B in the North");
    }

    @Test
    void theDealersPermissionShowsItsFilteredScope() throws Exception {
        JsonNode permission = json.readTree(mvc.perform(get("/api/permissions/dms/announcement").with(dealerUser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(permission.path("rowScopes")).isEmpty();
        assertThat(permission.at("/filteredScopes/0/rowScope").asText()).isEqualTo("all");
        assertThat(permission.at("/filteredScopes/0/rowFilter/0/value").asText()).isEqualTo("$dealer.level");
    }

    private List<Long> ids(RequestPostProcessor user) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/apps/dms/forms/announcement/records")
                        .param("filter", "title:contains:" + tag).param("size", "50").with(user))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private long announcement(String title, String levels, Long region) throws Exception {
        return create(marketing, "announcement", """
                {"title": "%s %s", "category": "announcement", "published_on": "2026-11-01", "content": "<p>Read me</p>", "levels": %s, "region": %s}"""
                .formatted(tag, title, levels, region));
    }

    private long create(RequestPostProcessor who, String form, String record) throws Exception {
        String body = mvc.perform(post("/api/apps/dms/forms/{form}/records", form).with(who)
                        .contentType(MediaType.APPLICATION_JSON).content(record))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("id").asLong();
    }
}
