package io.mosaic.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.runtime.security.SecurityTestSupport;

/** The dealer-management pack's reports and dashboards, as installed on first start, run for its channel director. */
class SamplePackReportsTest extends SecurityTestSupport {

    @Autowired
    ObjectMapper json;

    @Test
    void theSalesDashboardAndItsReportsRun() throws Exception {
        RequestPostProcessor director = as(createUser("channel_director"));
        JsonNode dashboard = json.readTree(mvc.perform(get("/api/apps/dms/dashboards/sales").with(director))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(dashboard.path("filters").findValuesAsText("type")).containsExactly("date_range", "select");
        for (JsonNode widget : dashboard.path("widgets")) {
            JsonNode data = json.readTree(mvc.perform(get("/api/apps/dms/dashboards/sales/widgets/{widget}/data",
                            widget.path("key").asText()).with(director).param("param.period", "2026-01-01..2026-12-31"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(data.path("report").path("key").asText()).isEqualTo(widget.path("report").asText());
        }
        for (String report : new String[]{"dealer_ranking", "monthly_trend", "sales_total"}) {
            mvc.perform(get("/api/apps/dms/reports/{key}/data", report).with(director)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/apps/dms/dashboards/director").with(director)).andExpect(status().isOk());
    }

    @Test
    void everyDashboardOfThePackRunsEachWidgetForTheRoleItIsMadeFor() throws Exception {
        java.util.Map<String, String> roleOf = java.util.Map.of("director", "channel_director", "region",
                "region_manager", "finance", "finance", "marketing", "marketing_director", "stock", "purchasing",
                "dealer", "dealer");
        for (var entry : roleOf.entrySet()) {
            RequestPostProcessor user = as(createUser(entry.getValue()));
            JsonNode dashboard = json.readTree(mvc.perform(get("/api/apps/dms/dashboards/{key}", entry.getKey())
                    .with(user)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            for (JsonNode widget : dashboard.path("widgets")) {
                mvc.perform(get("/api/apps/dms/dashboards/{key}/widgets/{widget}/data", entry.getKey(),
                        widget.path("key").asText()).with(user)).andExpect(status().isOk());
            }
        }
    }
}
