package io.mosaic.report.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.api.definition.LocalizedText;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

class ChartOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ResultColumn dimension(String key) {
        return new ResultColumn(key, new LocalizedText(key + "中", key), "dimension", "text");
    }

    private static ResultColumn measure(String key) {
        return new ResultColumn(key, new LocalizedText(key + "中", key), "measure", "number");
    }

    private static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value instanceof Number n && !(value instanceof BigDecimal) ? new BigDecimal(n.toString()) : value);
        }
        return row;
    }

    private static JsonNode report(String json) throws Exception {
        return JSON.readTree(json);
    }

    private final DatasetResult byDealer = new DatasetResult(List.of(dimension("dealer"), measure("sales"), measure("before")),
            List.of(row("North", 300, 100), row("South", 200, 250), row("East", 50, null),
                    row(CompiledDataset.OTHERS, 10, 5)), false);

    @Test
    void aHorizontalBarPutsTheCategoriesOnTheYAxisInRankOrder() throws Exception {
        ObjectNode view = ChartOptions.build(report("""
                {"chart": {"type": "bar", "horizontal": true}, "dimensions": ["dealer"], "measures": ["sales"],
                 "format": {"colors": ["#112233"]}}"""), byDealer, "en");
        JsonNode option = view.get("echarts");
        assertThat(option.at("/yAxis/type").asText()).isEqualTo("category");
        assertThat(option.at("/yAxis/inverse").asBoolean()).isTrue();
        assertThat(option.at("/yAxis/data").toString()).isEqualTo("[\"North\",\"South\",\"East\",\"Others\"]");
        assertThat(option.at("/xAxis/type").asText()).isEqualTo("value");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[300,200,50,10]");
        assertThat(option.at("/color/0").asText()).isEqualTo("#112233");
        assertThat(option.at("/series/0/stack").isMissingNode()).isTrue();
    }

    @Test
    void wholeNumbersGetWholeTicksAndOthersAsManyAsTheChartLikes() throws Exception {
        String counts = "{\"chart\": {\"type\": \"bar\"}, \"dimensions\": [\"dealer\"], \"measures\": [\"sales\"], "
                + "\"format\": {\"decimals\": 0}}";
        assertThat(ChartOptions.build(report(counts), byDealer, "en").at("/echarts/yAxis/minInterval").asInt())
                .isEqualTo(1);
        assertThat(ChartOptions.build(report(counts.replace("}}", ", \"percent\": true}}")), byDealer, "en")
                .at("/echarts/yAxis/minInterval").isMissingNode()).isTrue();
        assertThat(ChartOptions.build(report(counts.replace("0}}", "2}}")), byDealer, "en")
                .at("/echarts/yAxis/minInterval").isMissingNode()).isTrue();
    }

    @Test
    void aMeasureAnOrderOfMagnitudeFromTheFirstGetsAnAxisOfItsOwnInPlainNumbers() throws Exception {
        DatasetResult trend = new DatasetResult(List.of(dimension("month"), measure("sales"), measure("orders"),
                measure("average")),
                List.of(row("2026-01", 1_200_000, 3, 400_000), row("2026-02", 600_000, 2, 300_000)), false);
        String line = """
                {"chart": {"type": "line"}, "dimensions": ["month"], "measures": ["sales", "orders", "average"],
                 "format": {"decimals": 0, "unit": {"zh-CN": "元", "en": "CNY"}}}""";
        JsonNode option = ChartOptions.build(report(line), trend, "en").get("echarts");
        assertThat(option.at("/yAxis").isArray()).isTrue();
        assertThat(option.at("/yAxis/1/name").asText()).isEqualTo("orders");
        assertThat(option.at("/yAxis/1/axisLabel/formatter").asText()).isEqualTo("{value}");
        assertThat(option.at("/yAxis/1/minInterval").asInt()).isEqualTo(1);
        assertThat(option.at("/yAxis/0/axisLabel").isMissingNode()).isTrue();
        assertThat(option.at("/series/1/yAxisIndex").asInt()).isEqualTo(1);
        // Within tenfold of the first, a measure shares its axis.
        assertThat(option.at("/series/0/yAxisIndex").isMissingNode()).isTrue();
        assertThat(option.at("/series/2/yAxisIndex").isMissingNode()).isTrue();

        // Stacked (the stack adds them up) or horizontal, the measures keep one axis.
        for (String one : List.of(line.replace("\"line\"}", "\"bar\", \"stacked\": true}"),
                line.replace("\"line\"}", "\"bar\", \"horizontal\": true}"))) {
            JsonNode single = ChartOptions.build(report(one), trend, "en").get("echarts");
            assertThat(single.at("/series/1/yAxisIndex").isMissingNode()).as(one).isTrue();
            assertThat(single.at("/yAxis").isArray()).as(one).isFalse();
        }
    }

    @Test
    void aStackedBarOverTwoDimensionsMakesASeriesPerSecondValue() throws Exception {
        DatasetResult result = new DatasetResult(List.of(dimension("month"), dimension("level"), measure("sales")),
                List.of(row("2026-01", "A", 5), row("2026-01", "B", 7), row("2026-02", "A", 3)), false);
        JsonNode option = ChartOptions.build(report("""
                {"chart": {"type": "bar", "stacked": true}, "dimensions": ["month", "level"], "measures": ["sales"]}"""),
                result, "en").get("echarts");
        assertThat(option.at("/xAxis/data").toString()).isEqualTo("[\"2026-01\",\"2026-02\"]");
        assertThat(option.at("/series/0/name").asText()).isEqualTo("A");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[5,3]");
        assertThat(option.at("/series/1/data").toString()).isEqualTo("[7,null]");
        assertThat(option.at("/series/1/stack").asText()).isEqualTo("total");
        assertThat(option.at("/legend/show").asBoolean()).isTrue();
        assertThat(option.at("/legend/type").asText()).isEqualTo("scroll");
    }

    @Test
    void lineAreaPieDonutFunnelScatterAndGaugeEachHaveTheirSeries() throws Exception {
        assertThat(ChartOptions.build(report("{\"chart\": {\"type\": \"area\", \"smooth\": true}, \"dimensions\": "
                + "[\"dealer\"], \"measures\": [\"sales\"]}"), byDealer, "en").at("/echarts/series/0").toString())
                .contains("\"type\":\"line\"", "\"smooth\":true", "\"areaStyle\":{}");
        JsonNode donut = ChartOptions.build(report("{\"chart\": {\"type\": \"donut\"}, \"dimensions\": [\"dealer\"], "
                + "\"measures\": [\"sales\"]}"), byDealer, "zh-CN").get("echarts");
        assertThat(donut.at("/series/0/radius").toString()).isEqualTo("[\"45%\",\"70%\"]");
        assertThat(donut.at("/series/0/data/3/name").asText()).isEqualTo("其他");
        assertThat(ChartOptions.build(report("{\"chart\": {\"type\": \"funnel\"}, \"dimensions\": [\"dealer\"], "
                + "\"measures\": [\"sales\"]}"), byDealer, "en").at("/echarts/series/0/type").asText()).isEqualTo("funnel");
        JsonNode scatter = ChartOptions.build(report("{\"chart\": {\"type\": \"scatter\"}, \"dimensions\": [\"dealer\"], "
                + "\"measures\": [\"sales\", \"before\"]}"), byDealer, "en").get("echarts");
        assertThat(scatter.at("/series/0/data/0").toString()).isEqualTo("{\"name\":\"North\",\"value\":[300,100]}");
        JsonNode gauge = ChartOptions.build(report("{\"chart\": {\"type\": \"gauge\", \"max\": 500}, \"measures\": "
                + "[\"sales\"], \"format\": {\"decimals\": 1, \"unit\": {\"zh-CN\": \"元\", \"en\": \"CNY\"}}}"),
                byDealer, "en").get("echarts");
        assertThat(gauge.at("/series/0/max").asInt()).isEqualTo(500);
        assertThat(gauge.at("/series/0/detail/formatter").asText()).isEqualTo("300.0 CNY");
    }

    @Test
    void aKpiComparesWithThePreviousPeriod() throws Exception {
        DatasetResult result = new DatasetResult(List.of(measure("sales"), measure("before")),
                List.of(row(1234567.891, 1000000)), false);
        ObjectNode view = ChartOptions.build(report("{\"chart\": {\"type\": \"kpi\"}, \"measures\": [\"sales\"], "
                + "\"format\": {\"decimals\": 2, \"thousands\": true}}"), result, "en", "before");
        assertThat(view.get("echarts").isNull()).isTrue();
        assertThat(view.at("/kpi/text").asText()).isEqualTo("1,234,567.89");
        assertThat(view.at("/kpi/previous").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(view.at("/kpi/change").decimalValue()).isEqualByComparingTo("0.2346");
        assertThat(ChartOptions.build(report("{\"chart\": {\"type\": \"kpi\"}, \"measures\": [\"sales\"]}"), result,
                "en").at("/kpi/change").isNull()).isTrue();
    }

    @Test
    void aRankingShowsHowFarEachRowMoved() throws Exception {
        ObjectNode view = ChartOptions.build(report("{\"chart\": {\"type\": \"ranking\"}, \"dimensions\": [\"dealer\"], "
                + "\"measures\": [\"sales\"], \"format\": {\"percent\": true, \"decimals\": 0}}"), byDealer, "en", "before");
        JsonNode rows = view.at("/ranking/rows");
        assertThat(rows.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(rows.get(0).path("previousRank").asInt()).isEqualTo(2);
        assertThat(rows.get(0).path("rankChange").asInt()).isEqualTo(1);
        assertThat(rows.get(1).path("rankChange").asInt()).isEqualTo(-1);
        assertThat(rows.get(2).path("previousRank").isNull()).isTrue();
        assertThat(rows.get(3).path("rank").isNull()).isTrue();
        assertThat(rows.get(3).path("label").asText()).isEqualTo("Others");
        assertThat(rows.get(0).path("texts").get(0).asText()).isEqualTo("30000%");
        JsonNode without = ChartOptions.build(report("{\"chart\": {\"type\": \"ranking\"}, \"dimensions\": [\"dealer\"], "
                + "\"measures\": [\"sales\"]}"), byDealer, "en");
        assertThat(without.at("/ranking/showRankChange").asBoolean()).isFalse();
        assertThat(without.at("/ranking/rows/0/rankChange").isMissingNode()).isTrue();
    }

    @Test
    void aPivotSpreadsTheLastDimensionAndAddsSubtotals() throws Exception {
        DatasetResult result = new DatasetResult(List.of(dimension("region"), dimension("dealer"), dimension("month"),
                measure("sales")), Arrays.asList(row("N", "a", "01", 1), row("N", "a", "02", 2), row("N", "b", "01", 3),
                row("S", "c", "02", 4)), false);
        JsonNode pivot = ChartOptions.build(report("{\"chart\": {\"type\": \"pivot\", \"subtotals\": true}, "
                + "\"dimensions\": [\"region\", \"dealer\", \"month\"], \"measures\": [\"sales\"]}"), result, "en").get("pivot");
        assertThat(pivot.get("columns").toString()).isEqualTo("[\"01\",\"02\"]");
        assertThat(pivot.get("rowHeader").toString()).isEqualTo("[\"region\",\"dealer\"]");
        List<String> kinds = pivot.get("rows").findValuesAsText("kind");
        assertThat(kinds).containsExactly("row", "row", "subtotal", "row", "subtotal", "total");
        assertThat(pivot.at("/rows/2/values").toString()).isEqualTo("[4,2]");
        assertThat(pivot.at("/rows/5/values").toString()).isEqualTo("[4,6]");
        assertThat(pivot.at("/rows/5/keys/0").asText()).isEqualTo("Total");
    }

    @Test
    void aPivotThatDoesNotSpreadKeepsEveryDimensionAsARowHeader() throws Exception {
        DatasetResult result = new DatasetResult(List.of(dimension("dealer"), dimension("period"), measure("sales")),
                Arrays.asList(row("a", "2026-Q1", 1), row("a", "2026-Q2", 2), row("b", "2026-Q1", 3)), false);
        JsonNode pivot = ChartOptions.build(report("{\"chart\": {\"type\": \"pivot\", \"spread\": false, "
                + "\"subtotals\": true}, \"dimensions\": [\"dealer\", \"period\"], \"measures\": [\"sales\"]}"), result,
                "en").get("pivot");
        assertThat(pivot.get("rowHeader").toString()).isEqualTo("[\"dealer\",\"period\"]");
        assertThat(pivot.get("columns").toString()).isEqualTo("[\"sales\"]");
        assertThat(pivot.get("rows").findValuesAsText("kind")).containsExactly("row", "row", "subtotal", "row",
                "subtotal", "total");
        assertThat(pivot.at("/rows/1/keys").toString()).isEqualTo("[\"a\",\"2026-Q2\"]");
        assertThat(pivot.at("/rows/5/values").toString()).isEqualTo("[6]");
    }
}
