package io.mosaic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.store.Actor;
import io.mosaic.form.store.RecordStore;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.report.run.QueryFilter;
import io.mosaic.report.run.SqlQuery;
import io.mosaic.runtime.report.Dashboards;
import io.mosaic.runtime.report.ReportService;
import io.mosaic.runtime.report.ReportViews;
import org.springframework.security.core.Authentication;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report side of the runtime as its REST controller runs a request, bean by bean without HTTP: a published
 * report's data ({@code GET /reports/{key}/data}: {@link ReportViews#published} then {@link ReportViews#data}) and a
 * dashboard widget's ({@code GET /dashboards/{key}/widgets/{widget}/data}: {@link Dashboards#widget} first), under
 * the signed-in user's row scope and field access, compiled datasets cached, the result cache as configured.
 */
final class PlatformReports {

    static final String DASHBOARD = "bench_dashboard";
    static final List<String> WIDGETS = List.of("total", "trend", "ranking", "by_region", "by_level", "by_payment");

    private final ReportViews views;
    private final Dashboards dashboards;
    private final ReportService service;
    private final RecordStore dealers;
    private int touches;

    PlatformReports(BenchRuntime runtime) {
        this.views = runtime.bean(ReportViews.class);
        this.dashboards = runtime.bean(Dashboards.class);
        this.service = runtime.bean(ReportService.class);
        this.dealers = runtime.bean(FormRecords.class).systemStore(ReportsData.APP, "dealer");
    }

    /** {@code ReportData} of the published report {@code key} as {@code user} sees it. */
    ObjectNode report(String key, Authentication user) {
        return views.data(ReportsData.APP, views.published(ReportsData.APP, key), List.of(), "en", false, user);
    }

    /** {@code ReportData} of each widget of the benchmark dashboard for the period {@code from..to}, in order. */
    List<ObjectNode> dashboard(LocalDate from, LocalDate to, Authentication user) {
        List<ObjectNode> data = new ArrayList<>();
        for (String widget : WIDGETS) {
            Dashboards.Widget found = widget(widget, from, to);
            data.add(views.data(ReportsData.APP, views.published(ReportsData.APP, found.report()), found.filters(),
                    "en", false, user));
        }
        return data;
    }

    /** The statement behind report {@code key} for {@code user}, with its values (runs it once). */
    SqlQuery sql(String key, List<QueryFilter> filters, Authentication user) {
        ReportViews.Bound bound = views.published(ReportsData.APP, key);
        return service.run(ReportsData.APP, bound.dataset(), new ReportService.Selection(keys(bound.report(),
                "dimensions"), keys(bound.report(), "measures"), filters), user).sql();
    }

    /** The statement behind a dashboard widget for the period {@code from..to}. */
    SqlQuery widgetSql(String widget, LocalDate from, LocalDate to, Authentication user) {
        Dashboards.Widget found = widget(widget, from, to);
        return sql(found.report(), found.filters(), user);
    }

    private Dashboards.Widget widget(String widget, LocalDate from, LocalDate to) {
        return dashboards.widget(ReportsData.APP, DASHBOARD, widget, Map.of("period", from + ".." + to));
    }

    private static List<String> keys(JsonNode report, String member) {
        List<String> keys = new ArrayList<>();
        report.path(member).forEach(key -> keys.add(key.asText()));
        return keys;
    }

    /**
     * Empties the result cache as a user's edit does: dealer 1's contact is saved through the platform, which moves
     * the dealer form's data version that every benchmark result is cached under.
     */
    void forgetResults() throws SQLException {
        JsonNode dealer = dealers.read(1).orElseThrow();
        dealers.update(1, dealer.path("version").asInt(), "{\"contact_name\": \"Contact " + ++touches + "\"}",
                new Actor(dealer.path("owner_id").asLong(), null, null), Locale.ENGLISH);
    }

    /** The measure values of each row of a {@code ReportData}, its last {@code measures} columns, as plain decimals. */
    static List<List<String>> measures(ObjectNode data, int measures) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : data.path("rows")) {
            List<String> values = new ArrayList<>();
            for (int i = row.size() - measures; i < row.size(); i++) {
                values.add(plain(row.get(i).decimalValue()));
            }
            rows.add(values);
        }
        return rows;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
