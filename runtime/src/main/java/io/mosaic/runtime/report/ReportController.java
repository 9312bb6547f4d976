package io.mosaic.runtime.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.security.FormAction;
import io.mosaic.form.transfer.SheetFormat;
import io.mosaic.form.transfer.SheetWriter;
import io.mosaic.report.api.DatasetKind;
import io.mosaic.report.run.ChartOptions;
import io.mosaic.report.run.CompiledDataset;
import io.mosaic.report.run.DatasetQueryException;
import io.mosaic.report.run.QueryFilter;
import io.mosaic.runtime.form.FormController;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Datasets, reports and dashboards at run time: queries, report data with its chart, export, drill-down, dashboard
 * widgets and the dashboard PDF. Every query runs under the signed-in user's row scope and field access on the
 * dataset's source form ({@link ReportService}).
 */
@Tag(name = "Reports", description = "Run datasets and reports, export them, drill down, read dashboards")
@RestController
@RequestMapping("/api/apps/{app}")
@PreAuthorize("isAuthenticated()")
public class ReportController {

    private final PublishedReports reports;
    private final ReportViews views;
    private final ReportService service;
    private final FormRecords records;
    private final Dashboards dashboards;

    ReportController(PublishedReports reports, ReportViews views, ReportService service, FormRecords records,
                     Dashboards dashboards) {
        this.reports = reports;
        this.views = views;
        this.service = service;
        this.records = records;
        this.dashboards = dashboards;
    }

    /** The body of a dataset query. */
    public record DatasetQuery(JsonNode dataset, String datasetKey, boolean draft, List<String> dimensions,
                               List<String> measures, JsonNode filters) {
    }

    @Operation(summary = "Run a dataset (inline 'dataset', or 'datasetKey' published or with draft=true its draft) "
            + "with optional dimensions, measures and filters [{field, op, value}] under your permissions: "
            + "QueryResult {columns, rows, truncated, sql}. Analysts and admins; 422 with pointers for a dataset or "
            + "request that does not check, 403 without read access to the source form or for a hidden field")
    @PostMapping("/datasets/query")
    @PreAuthorize("hasAnyRole('admin','analyst')")
    ObjectNode query(@PathVariable String app, @RequestBody DatasetQuery body,
                     @RequestParam(required = false) String locale, Authentication user) {
        PublishedReports.Compiled dataset;
        if (body.dataset() != null && body.dataset().isObject()) {
            dataset = reports.inline(app, body.dataset().toString());
        } else if (body.datasetKey() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "request.invalid", "Name a dataset",
                    List.of(new ApiError.Problem("/dataset", "Give an inline dataset or a datasetKey")));
        } else if (body.draft()) {
            dataset = reports.inline(app, reports.current(app, DatasetKind.KEY, body.datasetKey()).text());
        } else {
            dataset = reports.dataset(app, body.datasetKey());
        }
        ReportService.Selection selection = new ReportService.Selection(
                body.dimensions() == null ? List.of() : body.dimensions(),
                body.measures() == null ? List.of() : body.measures(), filters(body.filters()));
        return views.result(service.run(app, dataset, selection, user), language(locale, user), true);
    }

    /** The body of a report preview. */
    public record Preview(JsonNode report, JsonNode dataset) {
    }

    @Operation(summary = "Run an inline report over an inline dataset, or the draft of the dataset it names: "
            + "ReportData with the statement. Analysts and admins; 422 with pointers when either does not check")
    @PostMapping("/reports/preview")
    @PreAuthorize("hasAnyRole('admin','analyst')")
    ObjectNode preview(@PathVariable String app, @RequestBody Preview body,
                       @RequestParam(required = false) String locale, Authentication user) {
        if (body.report() == null || !body.report().isObject()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "request.invalid", "Give the report to preview",
                    List.of(new ApiError.Problem("/report", "An inline report is required")));
        }
        return views.data(app, views.preview(app, body.report(), body.dataset()), List.of(), language(locale, user),
                true, user);
    }

    @Operation(summary = "A published report's data under your permissions: ReportData {columns, rows, truncated, "
            + "report, echarts, kpi | ranking | pivot, drillable}; filter=field:op:value (repeatable) narrows it")
    @GetMapping("/reports/{key}/data")
    ObjectNode data(@PathVariable String app, @PathVariable String key, @RequestParam(required = false) String locale,
                    Authentication user, HttpServletRequest request) {
        ReportViews.Bound bound = views.published(app, key);
        return exportable(views.data(app, bound, parse(filters(request)), language(locale, user), false, user), app,
                bound, user);
    }

    @Operation(summary = "A published report's rows as a csv or xlsx download, headed by the column labels in your "
            + "language; text that a spreadsheet would run as a formula is neutralised. Needs the export permission "
            + "on the source form")
    @GetMapping("/reports/{key}/export")
    void export(@PathVariable String app, @PathVariable String key, @RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) String locale, Authentication user, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        ReportViews.Bound bound = views.published(app, key);
        records.access(app, bound.dataset().dataset().form(), user, FormAction.EXPORT);
        String language = language(locale, user);
        SheetFormat sheet = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> SheetFormat.CSV;
            case "xlsx" -> SheetFormat.XLSX;
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "Unknown format '" + format
                    + "'", List.of(new ApiError.Problem("format", "Use csv or xlsx")));
        };
        List<String> dimensions = texts(bound.report().path("dimensions"));
        List<String> measures = texts(bound.report().path("measures"));
        ReportService.Run run = service.run(app, bound.dataset(),
                new ReportService.Selection(dimensions, measures, parse(filters(request))), user);
        String name = ReportViews.text(bound.report().path("name"), language);
        response.setContentType(sheet.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(key + "-" + service.today() + "." + sheet.extension()).build().toString());
        try (OutputStream out = response.getOutputStream(); SheetWriter writer = SheetWriter.open(sheet, out, name)) {
            writer.row(run.result().columns().stream().map(c -> (Object) c.label().in(language)).toList());
            for (List<Object> row : run.result().rows()) {
                List<Object> shown = new ArrayList<>(row.size());
                row.forEach(value -> shown.add(ChartOptions.shown(value, language)));
                writer.row(shown);
            }
            writer.finish();
        }
    }

    /** The body of a drill-down. */
    public record DrillRequest(Map<String, JsonNode> point, JsonNode filters) {
    }

    @Operation(summary = "The records-list filters behind one chart element: {app, form, filters: ['field:op:value'], "
            + "exact}; exact is false when the list cannot select exactly those records (an 'others' bar, a "
            + "sub-table column)")
    @PostMapping("/reports/{key}/drill")
    ObjectNode drill(@PathVariable String app, @PathVariable String key, @RequestBody DrillRequest body,
                     Authentication user) {
        ReportViews.Bound bound = views.published(app, key);
        CompiledDataset dataset = bound.dataset().dataset();
        if (records.readable(app, dataset.form(), user).isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden", "You may not read the records of form '"
                    + dataset.form() + "'");
        }
        CompiledDataset.Drill drill;
        try {
            drill = dataset.drill(body.point() == null ? Map.of() : body.point(), filters(body.filters()),
                    service.today(), service::lookupIds);
        } catch (DatasetQueryException e) {
            throw ReportService.refused(e);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("app", app);
        out.put("form", drill.form());
        drill.filters().forEach(out.putArray("filters")::add);
        out.put("exact", drill.exact());
        return out;
    }

    @Operation(summary = "A published dashboard: {key, name, refreshSeconds, filters, widgets: [{key, report, title, "
            + "x, y, w, h, filters, reportName, chartType}]}")
    @GetMapping("/dashboards/{key}")
    ObjectNode dashboard(@PathVariable String app, @PathVariable String key,
                         @RequestParam(required = false) String locale, Authentication user) {
        return dashboards.view(app, key, language(locale, user));
    }

    @Operation(summary = "One widget's ReportData with the dashboard's shared filters the widget uses: "
            + "param.<filter>=value (a date_range as from..to, a region, dealer, org or select value as its id or "
            + "value); a filter left out takes its default")
    @GetMapping("/dashboards/{key}/widgets/{widget}/data")
    ObjectNode widget(@PathVariable String app, @PathVariable String key, @PathVariable String widget,
                      @RequestParam Map<String, String> params, @RequestParam(required = false) String locale,
                      Authentication user) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("param.")) {
                values.put(name.substring("param.".length()), value);
            }
        });
        Dashboards.Widget found = dashboards.widget(app, key, widget, values);
        ReportViews.Bound bound = views.published(app, found.report());
        return exportable(views.data(app, bound, found.filters(), language(locale, user), false, user), app, bound,
                user);
    }

    /** Whether the user may download the rows, so that a page offers the export only to those the server lets. */
    private ObjectNode exportable(ObjectNode data, String app, ReportViews.Bound bound, Authentication user) {
        boolean may;
        try {
            records.access(app, bound.dataset().dataset().form(), user, FormAction.EXPORT);
            may = true;
        } catch (ApiException e) {
            may = false;
        }
        return data.put("exportable", may);
    }

    @Operation(summary = "The dashboard as a PDF: the posted PNG (image/png, the composed dashboard) under its title, "
            + "the filters in use (param.<filter>=value) and the time")
    @PostMapping(path = "/dashboards/{key}/pdf", consumes = MediaType.IMAGE_PNG_VALUE,
            produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String app, @PathVariable String key, @RequestBody byte[] png,
                               @RequestParam Map<String, String> params, @RequestParam(required = false) String locale,
                               Authentication user) throws IOException {
        String language = language(locale, user);
        byte[] pdf = dashboards.pdf(app, key, png, params, language);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(key + "-" + service.today() + ".pdf").build().toString())
                .body(pdf);
    }

    private static String language(String locale, Authentication user) {
        return FormController.language(locale, user);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    /**
     * The {@code filter} parameters as sent: a single {@code filter=dealer.region:in:1,2} stays one filter, where a
     * {@code List<String>} parameter would split it at its commas.
     */
    private static List<String> filters(HttpServletRequest request) {
        String[] values = request.getParameterValues("filter");
        return values == null ? null : List.of(values);
    }

    /** Query-string filters {@code field:op:value}; 422 at {@code /filters/<i>} for one that is not. */
    private static List<QueryFilter> parse(List<String> texts) {
        List<QueryFilter> filters = new ArrayList<>();
        if (texts != null) {
            for (int i = 0; i < texts.size(); i++) {
                filters.add(filter(texts.get(i), "/filters/" + i));
            }
        }
        return filters;
    }

    /** Filters of a body: each {@code {field, op, value}} or the text {@code field:op:value}. */
    private static List<QueryFilter> filters(JsonNode nodes) {
        List<QueryFilter> filters = new ArrayList<>();
        if (nodes == null || nodes.isNull()) {
            return filters;
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            filters.add(node.isTextual() ? filter(node.asText(), "/filters/" + i)
                    : new QueryFilter(node.path("field").asText(), node.path("op").asText(), node.get("value")));
        }
        return filters;
    }

    private static QueryFilter filter(String text, String pointer) {
        try {
            return QueryFilter.parse(text, pointer);
        } catch (DatasetQueryException e) {
            throw ReportService.refused(e);
        }
    }
}
