package io.mosaic.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.report.api.ChartType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a report shows, built from its definition and its dataset's result in this one place: an ECharts option for
 * the chart types ECharts draws (bar, line, area, pie, donut, funnel, scatter, gauge), and the values with their
 * formatted text for the ones the browser lays out itself (KPI card, ranking table, pivot table), whose
 * {@code echarts} is null. Formatting — unit, decimals, thousands separators, percent, colours — comes from the
 * report's {@code format}; numbers stay numbers in the option, and each block carries its texts.
 */
public final class ChartOptions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final LocalizedText OTHERS = new LocalizedText("其他", "Others");
    private static final LocalizedText BLANK = new LocalizedText("(空)", "(blank)");
    private static final LocalizedText TOTAL = new LocalizedText("合计", "Total");
    private static final LocalizedText SUBTOTAL = new LocalizedText("小计", "Subtotal");

    private ChartOptions() {
    }

    /** {@link #build(JsonNode, DatasetResult, String, String)} without a previous-period measure. */
    public static ObjectNode build(JsonNode report, DatasetResult result, String language) {
        return build(report, result, language, null);
    }

    /**
     * @param previous the key of the result column that holds the first measure's previous-period value (see
     *                 {@link CompiledDataset#previousOf}), for a KPI's change and a ranking's rank change; null when
     *                 there is none
     * @return {@code {"echarts": option or null, "kpi" | "ranking" | "pivot": …}}
     */
    public static ObjectNode build(JsonNode report, DatasetResult result, String language, String previous) {
        ChartType type = ChartType.of(report.path("chart").path("type").asText()).orElse(ChartType.BAR);
        Format format = new Format(report.path("format"), language);
        View view = new View(report, result, language, format);
        ObjectNode out = JSON.objectNode();
        out.putNull("echarts");
        switch (type) {
            case BAR, LINE, AREA -> out.set("echarts", view.cartesian(type));
            case PIE, DONUT, FUNNEL -> out.set("echarts", view.parts(type));
            case SCATTER -> out.set("echarts", view.scatter());
            case GAUGE -> out.set("echarts", view.gauge());
            case KPI -> out.set("kpi", view.kpi(previous));
            case RANKING -> out.set("ranking", view.ranking(previous));
            case PIVOT -> out.set("pivot", view.pivot());
        }
        return out;
    }

    /** A dimension value as people read it: the "others" row's in {@code language}, any other as it is. */
    public static Object shown(Object dimensionValue, String language) {
        return CompiledDataset.OTHERS.equals(dimensionValue) ? OTHERS.in(language) : dimensionValue;
    }

    /** The report's number format in one language. */
    static final class Format {
        private final String unit;
        private final int decimals;
        private final boolean thousands;
        private final boolean percent;
        private final ArrayNode colors;

        Format(JsonNode format, String language) {
            JsonNode unitNode = format.path("unit");
            this.unit = unitNode.isObject() ? new LocalizedText(unitNode.path("zh-CN").asText(),
                    unitNode.path("en").asText()).in(language) : null;
            this.decimals = format.path("decimals").asInt(2);
            this.thousands = format.path("thousands").asBoolean(false);
            this.percent = format.path("percent").asBoolean(false);
            this.colors = format.path("colors").isArray() ? (ArrayNode) format.get("colors") : null;
        }

        String text(Object value) {
            if (!(value instanceof BigDecimal number)) {
                return value == null ? "" : value.toString();
            }
            BigDecimal shown = (percent ? number.movePointRight(2) : number).setScale(decimals, RoundingMode.HALF_UP);
            DecimalFormat pattern = new DecimalFormat((thousands ? "#,##0" : "0")
                    + (decimals > 0 ? "." + "0".repeat(decimals) : ""), DecimalFormatSymbols.getInstance(Locale.ROOT));
            return pattern.format(shown) + (percent ? "%" : "") + (unit == null || unit.isEmpty() ? "" : " " + unit);
        }

        ObjectNode json() {
            ObjectNode node = JSON.objectNode();
            if (unit != null) {
                node.put("unit", unit);
            }
            node.put("decimals", decimals);
            node.put("thousands", thousands);
            node.put("percent", percent);
            if (colors != null) {
                node.set("colors", colors);
            }
            return node;
        }
    }

    private static final class View {
        private final JsonNode report;
        private final DatasetResult result;
        private final String language;
        private final Format format;
        private final List<Integer> dimensions = new ArrayList<>();
        private final List<Integer> measures = new ArrayList<>();

        View(JsonNode report, DatasetResult result, String language, Format format) {
            this.report = report;
            this.result = result;
            this.language = language;
            this.format = format;
            report.path("dimensions").forEach(d -> add(dimensions, d.asText()));
            report.path("measures").forEach(m -> add(measures, m.asText()));
        }

        private void add(List<Integer> to, String key) {
            int at = result.indexOf(key);
            if (at >= 0) {
                to.add(at);
            }
        }

        private ObjectNode base() {
            ObjectNode option = JSON.objectNode();
            if (format.colors != null) {
                option.set("color", format.colors);
            }
            option.putObject("tooltip").put("trigger", "item");
            return option;
        }

        private String label(int column) {
            return result.columns().get(column).label().in(language);
        }

        /** A dimension value as a category name. */
        private String category(Object value) {
            if (CompiledDataset.OTHERS.equals(value)) {
                return (String) shown(value, language);
            }
            return value == null ? BLANK.in(language) : value instanceof BigDecimal n ? n.toPlainString() : value.toString();
        }

        private List<String> categories(int column) {
            Set<String> names = new LinkedHashSet<>();
            result.rows().forEach(row -> names.add(category(row.get(column))));
            return new ArrayList<>(names);
        }

        ObjectNode cartesian(ChartType type) {
            ObjectNode option = base();
            option.with("tooltip").put("trigger", "axis");
            boolean horizontal = report.path("chart").path("horizontal").asBoolean(false);
            boolean stacked = report.path("chart").path("stacked").asBoolean(false);
            int first = dimensions.get(0);
            List<String> names = categories(first);
            ObjectNode categoryAxis = JSON.objectNode().put("type", "category");
            categoryAxis.set("data", strings(names));
            if (type != ChartType.BAR) {
                categoryAxis.put("boundaryGap", false);
            }
            ObjectNode valueAxis = JSON.objectNode().put("type", "value");
            if (format.decimals == 0 && !format.percent) {
                // Whole numbers (counts): ticks between them would all read as the same rounded label.
                valueAxis.put("minInterval", 1);
            }
            option.set(horizontal ? "yAxis" : "xAxis", categoryAxis);
            option.set(horizontal ? "xAxis" : "yAxis", valueAxis);
            if (horizontal) {
                categoryAxis.put("inverse", true);
            }
            ArrayNode series = option.putArray("series");
            if (dimensions.size() > 1) {
                // The second dimension's values become the series of the first measure.
                int second = dimensions.get(1);
                int measure = measures.get(0);
                for (String name : categories(second)) {
                    Map<String, Object> byCategory = new HashMap<>();
                    for (List<Object> row : result.rows()) {
                        if (category(row.get(second)).equals(name)) {
                            byCategory.put(category(row.get(first)), row.get(measure));
                        }
                    }
                    series.add(series(type, name, names.stream().map(byCategory::get).toList(), stacked));
                }
            } else {
                List<Integer> secondary = horizontal || stacked ? List.of() : secondaryMeasures();
                for (int measure : measures) {
                    List<Object> values = result.rows().stream().map(row -> row.get(measure)).toList();
                    ObjectNode one = series(type, label(measure), values, stacked);
                    if (secondary.contains(measure)) {
                        one.put("yAxisIndex", 1);
                    }
                    series.add(one);
                }
                if (!secondary.isEmpty()) {
                    option.set("yAxis", JSON.arrayNode().add(valueAxis).add(secondaryAxis(secondary)));
                }
            }
            // One line that pages, so that in a narrow widget the legend does not wrap down over the plot.
            option.putObject("legend").put("show", series.size() > 1).put("type", "scroll");
            // A second axis's name sits above its top end: room for it below the legend.
            int top = option.path("yAxis").isArray() ? 56 : 32;
            option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 16).put("top", top)
                    .put("bottom", 8);
            return option;
        }

        /**
         * The measures an order of magnitude or more away from the first (orders counted beside sales in money),
         * which on the first's axis would lie flat along zero: they get an axis of their own on the right.
         */
        private List<Integer> secondaryMeasures() {
            BigDecimal first = largest(measures.get(0));
            List<Integer> secondary = new ArrayList<>();
            for (int measure : measures.subList(1, measures.size())) {
                BigDecimal other = largest(measure);
                if (first.signum() > 0 && other.signum() > 0 && (first.compareTo(other.multiply(BigDecimal.TEN)) >= 0
                        || other.compareTo(first.multiply(BigDecimal.TEN)) >= 0)) {
                    secondary.add(measure);
                }
            }
            return secondary;
        }

        private BigDecimal largest(int column) {
            return result.rows().stream().map(row -> row.get(column)).filter(BigDecimal.class::isInstance)
                    .map(value -> ((BigDecimal) value).abs()).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }

        /**
         * The right-hand axis: named after its measures, and labelled with plain numbers, since the report's unit
         * (yuan) belongs to the first measure; without grid lines, which would not meet the left axis's.
         */
        private ObjectNode secondaryAxis(List<Integer> secondary) {
            ObjectNode axis = JSON.objectNode().put("type", "value")
                    .put("name", String.join(" / ", secondary.stream().map(this::label).toList()));
            axis.putObject("splitLine").put("show", false);
            axis.putObject("axisLabel").put("formatter", "{value}");
            boolean whole = secondary.stream().allMatch(measure -> result.rows().stream().map(row -> row.get(measure))
                    .allMatch(value -> !(value instanceof BigDecimal n) || n.stripTrailingZeros().scale() <= 0));
            if (whole) {
                axis.put("minInterval", 1);
            }
            return axis;
        }

        private ObjectNode series(ChartType type, String name, List<Object> values, boolean stacked) {
            ObjectNode series = JSON.objectNode().put("name", name).put("type", type == ChartType.BAR ? "bar" : "line");
            if (type != ChartType.BAR && report.path("chart").path("smooth").asBoolean(false)) {
                series.put("smooth", true);
            }
            if (type == ChartType.AREA) {
                series.putObject("areaStyle");
            }
            if (stacked) {
                series.put("stack", "total");
            }
            ArrayNode data = series.putArray("data");
            values.forEach(v -> data.add(number(v)));
            return series;
        }

        ObjectNode parts(ChartType type) {
            ObjectNode option = base();
            int dimension = dimensions.get(0);
            int measure = measures.get(0);
            ObjectNode series = option.putArray("series").addObject().put("name", label(measure));
            series.put("type", type == ChartType.FUNNEL ? "funnel" : "pie");
            if (type == ChartType.DONUT) {
                series.putArray("radius").add("45%").add("70%");
            }
            if (type == ChartType.FUNNEL) {
                series.put("sort", "descending");
            }
            ArrayNode data = series.putArray("data");
            for (List<Object> row : result.rows()) {
                data.addObject().put("name", category(row.get(dimension))).set("value", number(row.get(measure)));
            }
            option.putObject("legend").put("type", "scroll").put("bottom", 0);
            return option;
        }

        ObjectNode scatter() {
            ObjectNode option = base();
            int dimension = dimensions.get(0);
            int x = measures.get(0);
            int y = measures.get(1);
            option.putObject("xAxis").put("type", "value").put("name", label(x)).put("scale", true);
            option.putObject("yAxis").put("type", "value").put("name", label(y)).put("scale", true);
            ArrayNode data = option.putArray("series").addObject().put("type", "scatter").put("name", label(y))
                    .putArray("data");
            for (List<Object> row : result.rows()) {
                ObjectNode point = data.addObject().put("name", category(row.get(dimension)));
                point.putArray("value").add(number(row.get(x))).add(number(row.get(y)));
            }
            return option;
        }

        ObjectNode gauge() {
            ObjectNode option = base();
            int measure = measures.get(0);
            Object value = result.rows().isEmpty() ? null : result.rows().get(0).get(measure);
            ObjectNode series = option.putArray("series").addObject().put("type", "gauge").put("name", label(measure));
            JsonNode chart = report.path("chart");
            series.set("min", chart.has("min") ? chart.get("min") : JSON.numberNode(0));
            series.set("max", chart.has("max") ? chart.get("max") : JSON.numberNode(100));
            series.putObject("detail").put("formatter", format.text(value));
            series.putArray("data").addObject().put("name", label(measure)).set("value", number(value));
            return option;
        }

        ObjectNode kpi(String previous) {
            int measure = measures.get(0);
            Object value = result.rows().isEmpty() ? null : result.rows().get(0).get(measure);
            int previousColumn = previous == null ? -1 : result.indexOf(previous);
            Object before = previousColumn < 0 || result.rows().isEmpty() ? null
                    : result.rows().get(0).get(previousColumn);
            ObjectNode kpi = JSON.objectNode().put("label", label(measure));
            kpi.set("value", number(value));
            kpi.put("text", format.text(value));
            kpi.set("previous", number(before));
            kpi.put("previousText", before == null ? null : format.text(before));
            kpi.set("change", number(change(value, before)));
            kpi.set("format", format.json());
            return kpi;
        }

        ObjectNode ranking(String previous) {
            int dimension = dimensions.get(0);
            int previousColumn = previous == null ? -1 : result.indexOf(previous);
            boolean showChange = previousColumn >= 0 && report.path("chart").path("showRankChange").asBoolean(true);
            Map<Object, Integer> previousRanks = showChange ? previousRanks(dimension, previousColumn) : Map.of();
            ObjectNode ranking = JSON.objectNode();
            ArrayNode columns = ranking.putArray("columns");
            columns.addObject().put("key", result.columns().get(dimension).key()).put("label", label(dimension));
            measures.forEach(m -> columns.addObject().put("key", result.columns().get(m).key()).put("label", label(m)));
            ArrayNode rows = ranking.putArray("rows");
            int rank = 0;
            for (List<Object> row : result.rows()) {
                boolean others = CompiledDataset.OTHERS.equals(row.get(dimension));
                ObjectNode line = rows.addObject();
                if (others) {
                    line.putNull("rank");
                } else {
                    line.put("rank", ++rank);
                }
                line.put("label", category(row.get(dimension)));
                line.set("key", value(row.get(dimension)));
                ArrayNode values = line.putArray("values");
                ArrayNode texts = line.putArray("texts");
                for (int m : measures) {
                    values.add(number(row.get(m)));
                    texts.add(format.text(row.get(m)));
                }
                if (showChange && !others) {
                    Integer before = previousRanks.get(row.get(dimension));
                    line.set("previousRank", before == null ? JSON.nullNode() : JSON.numberNode(before));
                    // Up is positive: from 5th to 2nd is +3; new entries have no change.
                    line.set("rankChange", before == null ? JSON.nullNode() : JSON.numberNode(before - rank));
                }
            }
            ranking.put("showRankChange", showChange);
            ranking.set("format", format.json());
            return ranking;
        }

        private Map<Object, Integer> previousRanks(int dimension, int previousColumn) {
            List<List<Object>> rows = new ArrayList<>(result.rows().stream()
                    .filter(r -> !CompiledDataset.OTHERS.equals(r.get(dimension)) && r.get(previousColumn) != null)
                    .toList());
            rows.sort((a, b) -> ((BigDecimal) b.get(previousColumn)).compareTo((BigDecimal) a.get(previousColumn)));
            Map<Object, Integer> ranks = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                ranks.put(rows.get(i).get(dimension), i + 1);
            }
            return ranks;
        }

        /**
         * Rows are the first dimensions' value combinations, columns the last dimension's values (with two or more
         * dimensions) times the measures; a total row, and with {@code subtotals} a subtotal after each first-
         * dimension group when there are two row dimensions. Totals add the groups' values up. With {@code spread:
         * false} every dimension is a row header and the columns are the measures alone (a table with totals).
         */
        ObjectNode pivot() {
            boolean spread = dimensions.size() > 1 && report.path("chart").path("spread").asBoolean(true);
            List<Integer> rowDimensions = spread ? dimensions.subList(0, dimensions.size() - 1) : dimensions;
            int columnDimension = spread ? dimensions.get(dimensions.size() - 1) : -1;
            List<String> columnValues = spread ? categories(columnDimension) : List.of("");
            ObjectNode pivot = JSON.objectNode();
            ArrayNode rowHeader = pivot.putArray("rowHeader");
            rowDimensions.forEach(d -> rowHeader.add(label(d)));
            ArrayNode columns = pivot.putArray("columns");
            for (String value : columnValues) {
                for (int m : measures) {
                    String header = !spread ? label(m) : measures.size() == 1 ? value : value + " · " + label(m);
                    columns.add(header);
                }
            }
            Map<List<Object>, BigDecimal[]> cells = new LinkedHashMap<>();
            for (List<Object> row : result.rows()) {
                List<Object> keys = rowDimensions.stream().map(row::get).toList();
                BigDecimal[] line = cells.computeIfAbsent(keys, k -> new BigDecimal[columnValues.size() * measures.size()]);
                int at = spread ? columnValues.indexOf(category(row.get(columnDimension))) : 0;
                for (int i = 0; i < measures.size(); i++) {
                    line[at * measures.size() + i] = (BigDecimal) row.get(measures.get(i));
                }
            }
            boolean subtotals = report.path("chart").path("subtotals").asBoolean(false) && rowDimensions.size() > 1;
            ArrayNode rows = pivot.putArray("rows");
            BigDecimal[] total = new BigDecimal[columns.size()];
            BigDecimal[] subtotal = null;
            Object group = null;
            for (Map.Entry<List<Object>, BigDecimal[]> entry : cells.entrySet()) {
                Object head = entry.getKey().get(0);
                if (subtotals && subtotal != null && !Objects.equals(group, head)) {
                    pivotRow(rows, List.of(category(group), SUBTOTAL.in(language)), subtotal, "subtotal");
                    subtotal = null;
                }
                group = head;
                pivotRow(rows, entry.getKey().stream().map(this::category).toList(), entry.getValue(), "row");
                addUp(total, entry.getValue());
                subtotal = addUp(subtotal == null ? new BigDecimal[total.length] : subtotal, entry.getValue());
            }
            if (subtotals && subtotal != null) {
                pivotRow(rows, List.of(category(group), SUBTOTAL.in(language)), subtotal, "subtotal");
            }
            pivotRow(rows, List.of(TOTAL.in(language)), total, "total");
            pivot.set("format", format.json());
            return pivot;
        }

        private void pivotRow(ArrayNode rows, List<String> keys, BigDecimal[] values, String kind) {
            ObjectNode row = rows.addObject().put("kind", kind);
            row.set("keys", strings(keys));
            ArrayNode numbers = row.putArray("values");
            ArrayNode texts = row.putArray("texts");
            for (BigDecimal value : values) {
                numbers.add(number(value));
                texts.add(format.text(value));
            }
        }

        private static BigDecimal[] addUp(BigDecimal[] into, BigDecimal[] values) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    into[i] = into[i] == null ? values[i] : into[i].add(values[i]);
                }
            }
            return into;
        }
    }

    /** The relative change from {@code before} to {@code value} (0.25 for +25%), or null without a base. */
    static BigDecimal change(Object value, Object before) {
        if (!(value instanceof BigDecimal now) || !(before instanceof BigDecimal then) || then.signum() == 0) {
            return null;
        }
        return now.subtract(then).divide(then.abs(), 4, RoundingMode.HALF_UP);
    }

    private static JsonNode number(Object value) {
        return value instanceof BigDecimal n ? JSON.numberNode(n) : JSON.nullNode();
    }

    private static JsonNode value(Object value) {
        if (value instanceof BigDecimal n) {
            return JSON.numberNode(n);
        }
        return value == null ? JSON.nullNode() : JSON.textNode(value.toString());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
