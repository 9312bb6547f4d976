package io.mosaic.report.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.definition.UniqueKeys;

import java.util.ArrayList;
import java.util.List;

/**
 * Dashboards ({@code *.dashboard.json}): report widgets placed on a grid {@value #COLUMNS} columns
 * wide at {@code x, y} with size {@code w × h}, never overlapping, plus filters they share.
 */
public final class DashboardKind extends JsonSchemaDefinitionKind {

    public static final String KEY = "dashboard";
    public static final int COLUMNS = 12;

    public DashboardKind() {
        super(KEY, ".dashboard.json", new LocalizedText("仪表板", "Dashboard"), "dashboard.schema.json");
    }

    @Override
    protected List<DefinitionProblem> semanticProblems(JsonNode dashboard) {
        List<DefinitionProblem> problems = new ArrayList<>();
        UniqueKeys filters = new UniqueKeys("filter", problems);
        JsonNode filterList = dashboard.path("filters");
        for (int f = 0; f < filterList.size(); f++) {
            JsonNode filter = filterList.get(f);
            filters.add(filter.path("key").asText(), "/filters/" + f + "/key");
            if ("select".equals(filter.path("type").asText()) && !filter.has("field")) {
                problems.add(DefinitionProblem.at("/filters/" + f + "/field", "A select filter names the field it offers"));
            }
        }
        UniqueKeys widgetKeys = new UniqueKeys("widget", problems);
        List<Cell> placed = new ArrayList<>();
        JsonNode widgets = dashboard.path("widgets");
        for (int i = 0; i < widgets.size(); i++) {
            JsonNode widget = widgets.get(i);
            String at = "/widgets/" + i;
            widgetKeys.add(widget.path("key").asText(), at + "/key");
            Cell cell = new Cell(widget.path("key").asText(), at, widget.path("x").asInt(), widget.path("y").asInt(),
                    widget.path("w").asInt(), widget.path("h").asInt());
            if (cell.x + cell.w > COLUMNS) {
                problems.add(DefinitionProblem.at(at + "/w", "The widget '" + cell.key + "' reaches past the grid's "
                        + COLUMNS + " columns (x " + cell.x + " + w " + cell.w + ")"));
            }
            placed.stream().filter(cell::overlaps).findFirst().ifPresent(other ->
                    problems.add(DefinitionProblem.at(at, "The widget '" + cell.key + "' overlaps the widget '"
                            + other.key + "' at " + other.at)));
            placed.add(cell);
            JsonNode used = widget.path("filters");
            for (int u = 0; u < used.size(); u++) {
                if (!filters.contains(used.get(u).asText())) {
                    problems.add(DefinitionProblem.at(at + "/filters/" + u, "'" + used.get(u).asText()
                            + "' is not a filter of this dashboard"));
                }
            }
        }
        return problems;
    }

    private record Cell(String key, String at, int x, int y, int w, int h) {
        boolean overlaps(Cell o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }
}
