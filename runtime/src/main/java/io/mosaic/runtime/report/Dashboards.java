package io.mosaic.runtime.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.report.api.DashboardKind;
import io.mosaic.report.api.ReportKind;
import io.mosaic.report.run.FormModels;
import io.mosaic.report.run.QueryFilter;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Published dashboards: their layout for the workspace, their shared filters turned into dataset filters for the
 * widgets that use them, and the PDF of a composed dashboard picture.
 */
@Component
public class Dashboards {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** PNGs larger than this are refused rather than decoded. */
    private static final int MAX_PNG_BYTES = 20 * 1024 * 1024;

    private final PublishedReports reports;

    Dashboards(PublishedReports reports) {
        this.reports = reports;
    }

    /** A widget's report and the dataset filters the dashboard's shared filters give it. */
    public record Widget(String report, List<QueryFilter> filters) {
    }

    /** The dashboard for the workspace, each widget with its report's name and chart type. */
    public ObjectNode view(String app, String key, String language) {
        JsonNode dashboard = reports.published(app, DashboardKind.KEY, key).json();
        ObjectNode out = JSON.objectNode();
        out.put("key", key);
        out.put("name", ReportViews.text(dashboard.path("name"), language));
        copy(dashboard, out, "refreshSeconds");
        // Each widget's report, read once for the widgets and the filters' lookups.
        Map<String, Optional<JsonNode>> reportsByKey = new HashMap<>();
        dashboard.path("widgets").forEach(widget -> reportsByKey.computeIfAbsent(widget.path("report").asText(),
                report -> publishedReport(app, report)));
        ArrayNode filters = out.putArray("filters");
        for (JsonNode filter : dashboard.path("filters")) {
            ObjectNode shown = filters.addObject();
            copy(filter, shown, "key", "type");
            shown.put("label", ReportViews.text(filter.path("label"), language));
            copy(filter, shown, "field", "default");
            shown.set("lookup", lookupOf(app, dashboard, filter, reportsByKey).orElse(null));
        }
        ArrayNode widgets = out.putArray("widgets");
        for (JsonNode widget : dashboard.path("widgets")) {
            ObjectNode shown = widgets.addObject();
            copy(widget, shown, "key", "report");
            Optional<JsonNode> report = reportsByKey.get(widget.path("report").asText());
            shown.put("title", widget.has("title") ? ReportViews.text(widget.get("title"), language)
                    : report.map(r -> ReportViews.text(r.path("name"), language)).orElse(widget.path("report").asText()));
            copy(widget, shown, "x", "y", "w", "h");
            shown.set("filters", widget.has("filters") ? widget.get("filters") : JSON.arrayNode());
            shown.put("reportName", report.map(r -> ReportViews.text(r.path("name"), language)).orElse(null));
            shown.put("chartType", report.map(r -> r.path("chart").path("type").asText()).orElse(null));
        }
        return out;
    }

    /**
     * The lookup whose values a filter takes, when its field leads through lookups of the dataset's form to one
     * ({@code dealer.region}: the dealer's region): {@code {form, field, target, displayField}}, so that the workspace
     * picks a region by name with that lookup's candidates ({@code /forms/dealer/lookup/region}) instead of asking for
     * an id. Resolved against the first widget using the filter whose dataset has the path; empty for other fields.
     */
    private Optional<ObjectNode> lookupOf(String app, JsonNode dashboard, JsonNode filter,
                                          Map<String, Optional<JsonNode>> reportsByKey) {
        String field = filter.path("field").asText("");
        if (field.isEmpty()) {
            return Optional.empty();
        }
        FormModels forms = reports.forms(app);
        for (JsonNode widget : dashboard.path("widgets")) {
            boolean uses = false;
            for (JsonNode used : widget.path("filters")) {
                uses |= used.asText().equals(filter.path("key").asText());
            }
            Optional<String> form = uses ? reportsByKey.get(widget.path("report").asText())
                    .flatMap(report -> datasetForm(app, report.path("dataset").asText())) : Optional.empty();
            Optional<ObjectNode> lookup = form.flatMap(start -> walk(forms, start, field.split("\\.")));
            if (lookup.isPresent()) {
                return lookup;
            }
        }
        return Optional.empty();
    }

    private static Optional<ObjectNode> walk(FormModels forms, String start, String[] hops) {
        String form = start;
        for (int i = 0; i < hops.length; i++) {
            String hop = hops[i];
            Optional<FieldModel> lookup = forms.form(form).flatMap(model -> model.field(hop))
                    .filter(f -> f.type() == FieldType.LOOKUP);
            if (lookup.isEmpty()) {
                return Optional.empty();
            }
            if (i == hops.length - 1) {
                return Optional.of(JSON.objectNode().put("form", form).put("field", hop)
                        .put("target", lookup.get().lookupForm()).put("displayField", lookup.get().lookupDisplayField()));
            }
            form = lookup.get().lookupForm();
        }
        return Optional.empty();
    }

    private Optional<String> datasetForm(String app, String dataset) {
        try {
            return Optional.of(reports.dataset(app, dataset).dataset().form());
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /** The members {@code names} of {@code from} into {@code to}, null where {@code from} has none. */
    private static void copy(JsonNode from, ObjectNode to, String... names) {
        for (String name : names) {
            to.set(name, from.has(name) ? from.get(name) : JSON.nullNode());
        }
    }

    private Optional<JsonNode> publishedReport(String app, String key) {
        try {
            return Optional.of(reports.published(app, ReportKind.KEY, key).json());
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /**
     * Widget {@code widgetKey} of the dashboard with the dataset filters of the shared filters it lists: a
     * {@code date_range} ({@code from..to}, or a relative period such as {@code this_month}) becomes {@code between}
     * ({@code relative}) on its field; a region, select, dealer or org value becomes {@code eq} on its field, a dealer
     * without a field the record's dealer code, an org without one the record's org unit. An empty value drops the
     * filter; a missing one takes the filter's default. 404 for an unknown widget.
     */
    public Widget widget(String app, String key, String widgetKey, Map<String, String> values) {
        JsonNode dashboard = reports.published(app, DashboardKind.KEY, key).json();
        JsonNode widget = null;
        for (JsonNode candidate : dashboard.path("widgets")) {
            if (candidate.path("key").asText().equals(widgetKey)) {
                widget = candidate;
            }
        }
        if (widget == null) {
            throw ApiException.notFound("Widget '" + widgetKey + "' of dashboard '" + key + "'");
        }
        List<QueryFilter> filters = new ArrayList<>();
        for (JsonNode used : widget.path("filters")) {
            for (JsonNode filter : dashboard.path("filters")) {
                if (filter.path("key").asText().equals(used.asText())) {
                    String value = values.containsKey(used.asText()) ? values.get(used.asText())
                            : filter.has("default") ? filter.get("default").asText() : "";
                    if (!value.isBlank()) {
                        filters.add(datasetFilter(filter, value));
                    }
                }
            }
        }
        return new Widget(widget.path("report").asText(), filters);
    }

    private static QueryFilter datasetFilter(JsonNode filter, String value) {
        String type = filter.path("type").asText();
        String field = filter.has("field") ? filter.get("field").asText()
                : type.equals("dealer") ? "dealer_id" : type.equals("org") ? "org_id" : null;
        if (field == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "request.invalid", "The filter '"
                    + filter.path("key").asText() + "' names no field",
                    List.of(new ApiError.Problem("param." + filter.path("key").asText(), "Not a filter with a field")));
        }
        if (type.equals("date_range")) {
            return value.contains("..") ? QueryFilter.parse(field + ":between:" + value, "/param")
                    : new QueryFilter(field, "relative", TextNode.valueOf(value));
        }
        return new QueryFilter(field, "eq", TextNode.valueOf(value));
    }

    /**
     * One A4 landscape page: the title, the filters in use and the time, then the picture scaled to fit. The text is
     * in the standard PDF fonts, which carry no Chinese, so it is the English text; the document title holds
     * {@code language}'s.
     */
    public byte[] pdf(String app, String key, byte[] png, Map<String, String> params, String language) throws IOException {
        if (png == null || png.length == 0 || png.length > MAX_PNG_BYTES) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "request.invalid", "Post the dashboard as a PNG "
                    + "of at most " + MAX_PNG_BYTES / 1024 / 1024 + " MB", List.of(new ApiError.Problem("body", "A PNG")));
        }
        JsonNode dashboard = reports.published(app, DashboardKind.KEY, key).json();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(size);
            document.addPage(page);
            document.getDocumentInformation().setTitle(ReportViews.text(dashboard.path("name"), language));
            PDImageXObject image;
            try {
                image = PDImageXObject.createFromByteArray(document, png, "dashboard.png");
            } catch (IOException | IllegalArgumentException e) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "request.invalid", "The body is not a PNG "
                        + "picture", List.of(new ApiError.Problem("body", "A PNG")));
            }
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float margin = 36;
            float top = size.getHeight() - margin;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                top = line(content, bold, 16, margin, top, dashboard.path("name").path("en").asText());
                List<String> used = new ArrayList<>();
                for (JsonNode filter : dashboard.path("filters")) {
                    String value = params.get("param." + filter.path("key").asText());
                    if (value != null && !value.isBlank()) {
                        used.add(filter.path("label").path("en").asText() + ": " + value);
                    }
                }
                String when = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
                top = line(content, plain, 10, margin, top - 4, (used.isEmpty() ? "All data" : String.join("; ", used))
                        + "  |  " + when);
                float width = size.getWidth() - 2 * margin;
                float height = top - margin - 8;
                float scale = Math.min(width / image.getWidth(), height / image.getHeight());
                content.drawImage(image, margin, top - 8 - image.getHeight() * scale, image.getWidth() * scale,
                        image.getHeight() * scale);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Writes one line of text the font can show (other characters become '?'); returns the next line's top. */
    private static float line(PDPageContentStream content, PDType1Font font, float size, float x, float top, String text)
            throws IOException {
        StringBuilder shown = new StringBuilder();
        for (char c : text.toCharArray()) {
            shown.append(c >= 32 && c < 127 ? c : '?');
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, top - size);
        content.showText(shown.toString());
        content.endText();
        return top - size * 1.4f;
    }
}
