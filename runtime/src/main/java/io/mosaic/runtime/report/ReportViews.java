package io.mosaic.runtime.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.report.api.DatasetKind;
import io.mosaic.report.api.ReportKind;
import io.mosaic.report.run.ChartOptions;
import io.mosaic.report.run.CompiledDataset;
import io.mosaic.report.run.QueryFilter;
import io.mosaic.report.run.ReportEngine;
import io.mosaic.report.run.ResultColumn;
import io.mosaic.runtime.web.ApiException;

/**
 * Reports as the API answers them: a report's dataset run with the report's dimensions and measures (plus the
 * previous-period measure a KPI or ranking compares with) and the chart built from the result — the JSON shapes
 * {@code QueryResult} and {@code ReportData} of docs/api.md.
 */
@Component
public class ReportViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PublishedReports reports;
    private final ReportService service;
    private final ReportEngine engine;

    ReportViews(PublishedReports reports, ReportService service, ReportEngine engine) {
        this.reports = reports;
        this.service = service;
        this.engine = engine;
    }

    /** A report with the dataset it runs on. */
    public record Bound(JsonNode report, PublishedReports.Compiled dataset) {
    }

    /** The published report {@code key} over its published dataset. */
    public Bound published(String app, String key) {
        JsonNode report = reports.published(app, ReportKind.KEY, key).json();
        return new Bound(report, reports.dataset(app, report.path("dataset").asText()));
    }

    /**
     * An inline report (a designer's preview) over an inline dataset, or else the draft of the dataset it names;
     * 422 with pointers when either does not check.
     */
    public Bound preview(String app, JsonNode report, JsonNode dataset) {
        PublishedReports.Compiled compiled = dataset != null && dataset.isObject()
                ? reports.inline(app, dataset.toString())
                : reports.inline(app, reports.current(app, DatasetKind.KEY, report.path("dataset").asText()).text());
        var problems = engine.checkReport(report.toString(), compiled.dataset());
        if (!problems.isEmpty()) {
            throw ApiException.invalidDefinition("The report does not fit its dataset", problems);
        }
        return new Bound(report, compiled);
    }

    /** {@code ReportData}: the report run for {@code user} with {@code filters} on top of its dataset's. */
    public ObjectNode data(String app, Bound bound, List<QueryFilter> filters, String language, boolean withSql,
                           Authentication user) {
        JsonNode report = bound.report();
        CompiledDataset dataset = bound.dataset().dataset();
        List<String> measures = new ArrayList<>();
        report.path("measures").forEach(m -> measures.add(m.asText()));
        String chart = report.path("chart").path("type").asText();
        String previous = null;
        if ((chart.equals("kpi") || chart.equals("ranking")) && !measures.isEmpty()) {
            previous = dataset.previousOf(measures.get(0)).filter(p -> !measures.contains(p)).orElse(null);
            if (previous != null) {
                measures.add(previous);
            }
        }
        List<String> dimensions = new ArrayList<>();
        report.path("dimensions").forEach(d -> dimensions.add(d.asText()));
        ReportService.Run run = service.run(app, bound.dataset(),
                new ReportService.Selection(dimensions, measures, filters), user);
        ObjectNode data = result(run, language, withSql);
        ObjectNode about = data.putObject("report");
        about.put("key", report.path("key").asText());
        about.put("name", text(report.path("name"), language));
        about.put("dataset", report.path("dataset").asText());
        about.set("chart", report.path("chart"));
        about.set("format", report.has("format") ? report.get("format") : JSON.objectNode());
        about.set("drillThrough", report.has("drillThrough") ? report.get("drillThrough") : JSON.nullNode());
        data.setAll(ChartOptions.build(report, run.result(), language, previous));
        data.put("drillable", !dimensions.isEmpty());
        return data;
    }

    /** {@code QueryResult}: columns, rows, truncated, and the statement when an analyst previews. */
    public ObjectNode result(ReportService.Run run, String language, boolean withSql) {
        ObjectNode out = JSON.objectNode();
        var columns = out.putArray("columns");
        for (ResultColumn column : run.result().columns()) {
            columns.addObject().put("key", column.key()).put("label", column.label().in(language))
                    .put("role", column.role()).put("type", column.type());
        }
        var rows = out.putArray("rows");
        for (List<Object> row : run.result().rows()) {
            var line = rows.addArray();
            row.forEach(value -> line.add(value(value)));
        }
        out.put("truncated", run.result().truncated());
        if (withSql) {
            out.put("sql", run.sql().sql());
        }
        return out;
    }

    static JsonNode value(Object value) {
        if (value instanceof java.math.BigDecimal number) {
            return JSON.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return JSON.booleanNode(flag);
        }
        return value == null ? JSON.nullNode() : JSON.textNode(value.toString());
    }

    static String text(JsonNode text, String language) {
        return new LocalizedText(text.path("zh-CN").asText(), text.path("en").asText()).in(language);
    }

}
