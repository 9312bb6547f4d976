package io.mosaic.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.report.api.DashboardKind;
import io.mosaic.report.api.DatasetKind;
import io.mosaic.report.api.ReportKind;
import io.mosaic.report.run.CompiledDataset;
import io.mosaic.report.run.ReportEngine;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.DefinitionSummary;
import io.mosaic.runtime.metadata.DefinitionVersion;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.web.ApiException;

/**
 * Keeps published datasets, reports and dashboards true to what they name, which their kinds alone cannot see: a
 * dataset's fields against the app's published forms (unknown field, sum over text, bucket on a non-date, a lookup
 * not joined), a report's dimensions and measures against its published dataset, a dashboard's widgets against the
 * published reports. A disagreement refuses the publish (422) with the pointers.
 */
@Component
public class ReportPublishCheck {

    private final MetadataService metadata;
    private final PublishedReports reports;
    private final ReportEngine engine;

    ReportPublishCheck(MetadataService metadata, PublishedReports reports, ReportEngine engine) {
        this.metadata = metadata;
        this.reports = reports;
        this.engine = engine;
    }

    @EventListener
    @Order(0)
    void onPublished(DefinitionPublished published) {
        List<DefinitionProblem> problems = switch (published.kind()) {
            case DatasetKind.KEY -> datasetProblems(published.appKey(), published.key(), published.content());
            case ReportKind.KEY -> reportProblems(published.appKey(), published.content());
            case DashboardKind.KEY -> dashboardProblems(published.appKey(), published.content());
            default -> List.of();
        };
        if (!problems.isEmpty()) {
            throw ApiException.invalidDefinition("The " + published.kind() + " '" + published.key()
                    + "' does not fit what it names", problems);
        }
    }

    /**
     * A dataset's own problems against the forms, then what its new version takes away from the published reports
     * that show it (a dimension or measure they name), at {@code /dimensions} or {@code /measures}.
     */
    private List<DefinitionProblem> datasetProblems(String app, String key, String content) {
        List<DefinitionProblem> problems = engine.check(app, content, reports.forms(app));
        if (!problems.isEmpty()) {
            return problems;
        }
        CompiledDataset compiled = engine.compile(app, content, reports.forms(app));
        for (DefinitionSummary summary : metadata.definitions(app, ReportKind.KEY)) {
            Optional<DefinitionVersion> report = metadata.latestPublished(app, ReportKind.KEY, summary.key());
            if (report.isEmpty() || !key.equals(PublishedReports.read(report.get().content()).path("dataset").asText())) {
                continue;
            }
            for (DefinitionProblem lost : engine.checkReport(report.get().content(), compiled)) {
                String member = lost.pointer().startsWith("/dimensions") ? "/dimensions" : "/measures";
                problems.add(DefinitionProblem.at(member, "The published report '" + summary.key()
                        + "' no longer fits: " + lost.message()));
            }
        }
        return problems;
    }

    private List<DefinitionProblem> reportProblems(String app, String content) {
        JsonNode report = PublishedReports.read(content);
        String dataset = report.path("dataset").asText();
        Optional<DefinitionVersion> version = metadata.latestPublished(app, DatasetKind.KEY, dataset);
        if (version.isEmpty()) {
            return List.of(DefinitionProblem.at("/dataset", "The app has no published dataset '" + dataset
                    + "'; publish it first"));
        }
        CompiledDataset compiled = engine.compile(app, version.get().content(), reports.forms(app));
        // A drill-through target may be published after this report (reports can name each other), so it is not
        // checked here; the workspace offers it once it exists.
        return engine.checkReport(content, compiled);
    }

    private List<DefinitionProblem> dashboardProblems(String app, String content) {
        JsonNode dashboard = PublishedReports.read(content);
        List<DefinitionProblem> problems = new ArrayList<>();
        JsonNode widgets = dashboard.path("widgets");
        for (int i = 0; i < widgets.size(); i++) {
            String report = widgets.get(i).path("report").asText();
            if (metadata.latestPublished(app, ReportKind.KEY, report).isEmpty()) {
                problems.add(DefinitionProblem.at("/widgets/" + i + "/report", "The app has no published report '"
                        + report + "'; publish it first"));
            }
        }
        JsonNode filters = dashboard.path("filters");
        for (int f = 0; f < filters.size(); f++) {
            JsonNode filter = filters.get(f);
            String type = filter.path("type").asText();
            if (!filter.has("field") && (type.equals("date_range") || type.equals("region"))) {
                problems.add(DefinitionProblem.at("/filters/" + f + "/field", "A " + type + " filter names the "
                        + "dataset field it sets"));
            }
        }
        return problems;
    }
}
