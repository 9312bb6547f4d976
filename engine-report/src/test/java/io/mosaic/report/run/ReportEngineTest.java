package io.mosaic.report.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.form.store.RowFilter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

class ReportEngineTest {

    private final ReportEngine engine = new ReportEngine(SqlDialect.H2);

    @Test
    void compilesOneGroupedStatementWithEveryValueBound() {
        String hostile = "x' OR '1'='1";
        SqlQuery query = RunFixtures.takings(SqlDialect.H2).query(new QueryRequest(List.of("shop_title"),
                List.of("value", "qty"), List.of(new QueryFilter("note", "eq", TextNode.valueOf(hostile))),
                RowFilter.dealer("D7"), Set.of(), RunFixtures.TODAY, 100));

        assertThat(query.sql())
                .startsWith("SELECT `l0`.`title` AS `d0`, SUM(`s`.`value`) AS `m0`, SUM(`c`.`qty`) AS `m1` FROM ")
                .contains(" JOIN `f_demo_sale__items` c ON `c`.`parent_id` = `s`.`id`")
                .contains(" LEFT JOIN `f_demo_shop` l0 ON `l0`.`id` = `s`.`shop`")
                .contains("WHERE `s`.`deleted_at` IS NULL AND (`s`.`dealer_id` = ?)")
                .contains("GROUP BY `l0`.`title`")
                .doesNotContain(hostile).doesNotContain("'1'");
        assertThat(query.params()).containsExactly("D7", hostile);
        assertThat(query.sql().chars().filter(c -> c == '?').count()).isEqualTo(query.params().size());
    }

    @Test
    void aLookupTheQueryDoesNotReadIsNotJoined() {
        String byMonth = RunFixtures.takings(SqlDialect.H2).query(RunFixtures.request(List.of("month"), List.of("value")))
                .sql();
        assertThat(byMonth).doesNotContain("f_demo_shop").contains(" JOIN `f_demo_sale__items` c");
        String byShop = RunFixtures.takings(SqlDialect.H2).query(RunFixtures.request(List.of("shop_title"),
                List.of("value"))).sql();
        assertThat(byShop).contains(" LEFT JOIN `f_demo_shop` l0 ON `l0`.`id` = `s`.`shop`");
    }

    @Test
    void aWeekIsItsMondayInEachDialect() {
        QueryRequest request = RunFixtures.request(List.of("week"), List.of("value"));
        assertThat(RunFixtures.takings(SqlDialect.H2).query(request).sql())
                .contains("DATEADD(DAY, -((DAYOFWEEK(`s`.`sold_at`) + 5) % 7), CAST(`s`.`sold_at` AS DATE))");
        assertThat(RunFixtures.takings(SqlDialect.MYSQL).query(request).sql())
                .contains("DATE_SUB(CAST(`s`.`sold_at` AS DATE), INTERVAL ((DAYOFWEEK(`s`.`sold_at`) + 5) % 7) DAY)");
    }

    @Test
    void aHierarchyRollsUpTheChainOfParents() {
        String sql = RunFixtures.takings(SqlDialect.H2).query(RunFixtures.request(List.of("chain"), List.of("value")))
                .sql();
        assertThat(sql).contains(" LEFT JOIN `f_demo_shop` h4_0 ON `h4_0`.`id` = `s`.`shop`")
                .contains(" LEFT JOIN `f_demo_shop` h4_4 ON `h4_4`.`id` = `h4_3`.`parent`")
                .contains("CASE WHEN `h4_4`.`id` IS NOT NULL THEN `h4_3`.`title` WHEN `h4_3`.`id` IS NOT NULL THEN "
                        + "`h4_2`.`title`")
                .contains("WHEN `h4_0`.`id` IS NOT NULL THEN `h4_0`.`title` END AS `d0`");
        assertThat(problems(RunFixtures.read("takings.dataset.json").replace("\"field\": \"shop\", \"hierarchy\"",
                "\"field\": \"note\", \"hierarchy\""))).containsExactly("/dimensions/4/field");
    }

    @Test
    void aTimeLineStaysInTimeOrder() {
        CompiledDataset dataset = new ReportEngine(SqlDialect.H2).compile("demo",
                RunFixtures.read("takings.dataset.json").replace("\"top\": {\"n\": 2, \"others\": true}", "\"top\": null")
                        .replace(",\n \"top\": null", ""), RunFixtures.PUBLISHED);
        assertThat(dataset.query(RunFixtures.request(List.of("month"), List.of("value"))).sql())
                .contains("GROUP BY YEAR(`s`.`sold_on`) * 100 + MONTH(`s`.`sold_on`) ORDER BY `d0` ASC");
    }

    @Test
    void aComparedMeasureAggregatesItsOwnPeriodInTheSameStatement() {
        SqlQuery query = RunFixtures.takings(SqlDialect.H2).query(RunFixtures.request(List.of(),
                List.of("value", "value_before"), new QueryFilter("sold_on", "relative", TextNode.valueOf("this_month"))));

        assertThat(query.sql()).contains("SUM(CASE WHEN `s`.`sold_on` >= ? AND `s`.`sold_on` < ? THEN `s`.`value` END) AS `m0`")
                .contains("AND ((`s`.`sold_on` >= ? AND `s`.`sold_on` < ?) OR (`s`.`sold_on` >= ? AND `s`.`sold_on` < ?))")
                .doesNotContain("GROUP BY");
        assertThat(query.params()).containsExactly(
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
    }

    @Test
    void aGroupOnlyThePreviousPeriodHasIsNoneOfTheQuerys() {
        SqlQuery query = RunFixtures.takings(SqlDialect.H2).query(RunFixtures.request(List.of("shop_title"),
                List.of("value", "value_before"), new QueryFilter("sold_on", "relative", TextNode.valueOf("this_month"))));
        assertThat(query.sql()).contains("GROUP BY `l0`.`title` HAVING COUNT(CASE WHEN `s`.`sold_on` >= ? AND "
                + "`s`.`sold_on` < ? THEN 1 END) > 0 ORDER BY `m0` DESC");
        assertThat(query.params().subList(query.params().size() - 2, query.params().size()))
                .containsExactly(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1));
        assertThat(query.sql().chars().filter(c -> c == '?').count()).isEqualTo(query.params().size());
    }

    @Test
    void datesOfADateTimeFieldCompareByWholeDays() {
        SqlQuery query = RunFixtures.takings(SqlDialect.H2).query(RunFixtures.request(List.of(), List.of("value"),
                new QueryFilter("sold_at", "eq", TextNode.valueOf("2026-05-02"))));
        assertThat(query.sql()).contains("`s`.`sold_at` >= ? AND `s`.`sold_at` < ?");
        assertThat(query.params()).containsExactly(LocalDate.of(2026, 5, 2).atStartOfDay(),
                LocalDate.of(2026, 5, 3).atStartOfDay());
    }

    @Test
    void refusesAHiddenFieldWherever() {
        CompiledDataset dataset = RunFixtures.takings(SqlDialect.H2);
        assertThatThrownBy(() -> dataset.prepare(new QueryRequest(List.of("shop_title"), List.of("per_sale"), List.of(),
                RowFilter.ALL, Set.of("value"), RunFixtures.TODAY, 10)))
                .isInstanceOfSatisfying(DatasetQueryException.class, e -> {
                    assertThat(e.hiddenField()).isTrue();
                    assertThat(e.pointer()).isEqualTo("/measures/0");
                });
        assertThatThrownBy(() -> dataset.prepare(new QueryRequest(List.of("shop_title"), List.of("qty"), List.of(),
                RowFilter.ALL, Set.of("shop.*"), RunFixtures.TODAY, 10)))
                .isInstanceOfSatisfying(DatasetQueryException.class, e -> assertThat(e.pointer()).isEqualTo("/dimensions/0"));
        assertThatThrownBy(() -> dataset.prepare(new QueryRequest(List.of(), List.of("value"),
                List.of(QueryFilter.parse("items.sku:eq:x", "/filters/0")), RowFilter.ALL, Set.of("items"),
                RunFixtures.TODAY, 10)))
                .isInstanceOfSatisfying(DatasetQueryException.class, e -> assertThat(e.pointer()).isEqualTo("/filters/0/field"));
    }

    @Test
    void refusesAFilterValueThatDoesNotFitItsField() {
        CompiledDataset dataset = RunFixtures.takings(SqlDialect.H2);
        for (String filter : List.of("value:gt:lots", "sold_on:eq:yesterday", "value:contains:1", "sold_on:relative:soon",
                "value:between:1")) {
            assertThatThrownBy(() -> dataset.query(RunFixtures.request(List.of(), List.of("value"),
                    QueryFilter.parse(filter, "/filters/0")))).as(filter)
                    .isInstanceOfSatisfying(DatasetQueryException.class, e -> {
                        assertThat(e.hiddenField()).isFalse();
                        assertThat(e.pointer()).startsWith("/filters/0/");
                    });
        }
    }

    @Test
    void rejectsDefinitionsThatDoNotFitTheirFormsWithPointers() {
        String good = RunFixtures.read("takings.dataset.json");
        assertThat(engine.check("demo", good, RunFixtures.PUBLISHED)).isEmpty();
        assertThat(problems(good.replace("\"field\": \"value\", \"label\": {\"zh-CN\": \"金额\"",
                "\"field\": \"note\", \"label\": {\"zh-CN\": \"金额\""))).containsExactly("/measures/0/field");
        assertThat(problems(good.replace("\"field\": \"sold_on\", \"bucket\"", "\"field\": \"note\", \"bucket\"")))
                .containsExactly("/dimensions/3/bucket");
        assertThat(problems(good.replace("\"shop.title\"", "\"shop.nothing\""))).containsExactly("/dimensions/0/field");
        assertThat(problems(good.replace("\"lookups\": [\"shop\"]", "\"lookups\": [\"shop\", \"note\"]")))
                .containsExactly("/source/lookups/1");
        assertThat(problems(good.replace("\"subtable\": \"items\"", "\"subtable\": \"note\"").replace("items.", "note."))).containsExactly("/source/subtable");
        assertThat(problems(good.replace("\"op\": \"not_empty\"}", "\"op\": \"gt\", \"value\": \"x\"}")))
                .isEmpty();
        assertThat(problems(good.replace("{\"field\": \"note\", \"op\": \"not_empty\"}",
                "{\"field\": \"value\", \"op\": \"contains\", \"value\": \"x\"}"))).containsExactly("/filters/0/op");
        assertThat(problems(good.replace("\"form\": \"sale\"", "\"form\": \"nothing\""))).containsExactly("/source/form");
    }

    @Test
    void checksAReportAgainstItsDataset() {
        CompiledDataset dataset = RunFixtures.takings(SqlDialect.H2);
        String report = "{\"key\": \"r\", \"name\": {\"zh-CN\": \"报\", \"en\": \"R\"}, \"dataset\": \"takings\", "
                + "\"dimensions\": [\"nothing\"], \"measures\": [\"value\", \"nope\"], \"chart\": {\"type\": \"bar\"}}";
        assertThat(engine.checkReport(report, dataset)).extracting(DefinitionProblem::pointer)
                .containsExactly("/dimensions/0", "/measures/1");
    }

    @Test
    void topNSumsTheRestAndAveragesExactly() {
        CompiledDataset.Prepared prepared = RunFixtures.takings(SqlDialect.H2).prepare(RunFixtures.request(
                List.of("shop_title"), List.of("value", "mean", "sales", "per_sale")));
        assertThat(prepared.sql().sql()).contains("ORDER BY `m0` DESC LIMIT 101")
                .contains("SUM(`c`.`qty`) AS `a4`, COUNT(`c`.`qty`) AS `a5`");
        DatasetResult result = prepared.result(List.of(
                new Object[]{"A", 50, 2.0, 5L, 10, 5},
                new Object[]{"B", 40, 1.0, 4L, 4, 4},
                new Object[]{"C", 30, 4.0, 3L, 8, 2},
                new Object[]{"D", 20, 1.0, 2L, 2, 2}));
        assertThat(result.rows()).hasSize(3);
        List<Object> others = result.rows().get(2);
        assertThat(others.get(0)).isEqualTo(CompiledDataset.OTHERS);
        assertThat((java.math.BigDecimal) others.get(1)).isEqualByComparingTo("50");
        assertThat((java.math.BigDecimal) others.get(2)).isEqualByComparingTo("2.5");
        assertThat((java.math.BigDecimal) others.get(3)).isEqualByComparingTo("5");
        assertThat((java.math.BigDecimal) others.get(4)).isEqualByComparingTo("10");
        assertThat(result.columns()).extracting(ResultColumn::key).containsExactly("shop_title", "value", "mean", "sales",
                "per_sale");
    }

    @Test
    void aRowCapCutsAndSaysSo() {
        CompiledDataset.Prepared prepared = RunFixtures.takings(SqlDialect.H2).prepare(new QueryRequest(
                List.of("sku"), List.of("qty"), List.of(), RowFilter.ALL, Set.of(), LocalDate.now(), 2));
        // The sort's measure (value) is computed too, after the shown one.
        DatasetResult result = prepared.result(List.of(new Object[]{"a", 3, 9}, new Object[]{"b", 2, 8},
                new Object[]{"c", 1, 7}));
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void drillsABucketAndALookupValueToListFilters() {
        CompiledDataset dataset = RunFixtures.takings(SqlDialect.H2);
        CompiledDataset.Drill drill = dataset.drill(java.util.Map.of("month", TextNode.valueOf("2026-02")),
                List.of(QueryFilter.parse("value:gte:10", "/filters/0")), RunFixtures.TODAY, sql -> List.of());
        // The dataset's "note not empty" has no list filter, so the list shows more than the bucket counts.
        assertThat(drill.filters()).containsExactly("sold_on:ge:2026-02-01", "sold_on:lt:2026-03-01", "value:ge:10");
        assertThat(drill.exact()).isFalse();
        CompiledDataset.Drill shop = dataset.drill(java.util.Map.of("shop_title", TextNode.valueOf("North")), List.of(),
                RunFixtures.TODAY, sql -> {
                    assertThat(sql.sql()).isEqualTo("SELECT `id` FROM `f_demo_shop` WHERE `title` = ? LIMIT 2");
                    assertThat(sql.params()).containsExactly("North");
                    return List.<Object[]>of(new Object[]{7L});
                });
        assertThat(shop.filters()).first().isEqualTo("shop:eq:7");
    }

    @Test
    void aMeasureWithFiltersCountsOnlyItsRowsInTheSameStatement() {
        String dataset = RunFixtures.read("takings.dataset.json").replace("\"measures\": [", "\"measures\": [\n"
                + "   {\"key\": \"big\", \"aggregation\": \"sum\", \"field\": \"value\", \"label\": {\"zh-CN\": \"大\", "
                + "\"en\": \"Big\"}, \"filters\": [{\"field\": \"value\", \"op\": \"gt\", \"value\": 100}]},");
        SqlQuery query = engine.compile("demo", dataset, RunFixtures.PUBLISHED).query(RunFixtures.request(List.of(),
                List.of("value", "big", "value_before"), new QueryFilter("sold_on", "relative",
                        TextNode.valueOf("this_month"))));

        assertThat(query.sql()).contains("SUM(CASE WHEN `s`.`sold_on` >= ? AND `s`.`sold_on` < ? THEN `s`.`value` END) "
                        + "AS `m0`")
                .contains("SUM(CASE WHEN (`s`.`sold_on` >= ? AND `s`.`sold_on` < ?) AND (`s`.`value` > ?) THEN "
                        + "`s`.`value` END) AS `m1`");
        assertThat(query.params().subList(0, 5)).containsExactly(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1), new java.math.BigDecimal("100"));
        assertThat(query.sql().chars().filter(c -> c == '?').count()).isEqualTo(query.params().size());
        // A KPI's previous value is the unfiltered sum's, never the filtered one's.
        CompiledDataset compiled = engine.compile("demo", dataset, RunFixtures.PUBLISHED);
        assertThat(compiled.previousOf("value")).contains("value_before");
        assertThat(compiled.previousOf("big")).isEmpty();
    }

    @Test
    void refusesMeasureFiltersThatDoNotFitOrSitOnACalculatedMeasure() {
        String good = RunFixtures.read("takings.dataset.json");
        assertThat(problems(good.replace("\"field\": \"items.qty\", \"label\": {\"zh-CN\": \"件数\"",
                "\"field\": \"items.qty\", \"filters\": [{\"field\": \"nothing\", \"op\": \"eq\", \"value\": 1}], "
                        + "\"label\": {\"zh-CN\": \"件数\""))).containsExactly("/measures/1/filters/0/field");
        assertThat(problems(good.replace("\"field\": \"items.qty\", \"label\": {\"zh-CN\": \"件数\"",
                "\"field\": \"items.qty\", \"filters\": [{\"field\": \"value\", \"op\": \"contains\", \"value\": \"x\"}], "
                        + "\"label\": {\"zh-CN\": \"件数\""))).containsExactly("/measures/1/filters/0/op");
        assertThat(problems(good.replace("\"expression\": \"value / sales\",",
                "\"expression\": \"value / sales\", \"filters\": [{\"field\": \"value\", \"op\": \"gt\", \"value\": 1}],")))
                .containsExactly("/measures/5/filters");
    }

    @Test
    void refusesAMeasureFilterOverAHiddenField() {
        String dataset = RunFixtures.read("takings.dataset.json").replace("\"field\": \"items.qty\", \"label\": "
                + "{\"zh-CN\": \"件数\"", "\"field\": \"items.qty\", \"filters\": [{\"field\": \"note\", \"op\": "
                + "\"not_empty\"}], \"label\": {\"zh-CN\": \"件数\"");
        assertThatThrownBy(() -> engine.compile("demo", dataset, RunFixtures.PUBLISHED).prepare(new QueryRequest(List.of(),
                List.of("qty"), List.of(), RowFilter.ALL, Set.of("note"), RunFixtures.TODAY, 10)))
                .isInstanceOfSatisfying(DatasetQueryException.class, e -> assertThat(e.pointer()).isEqualTo("/measures/0"));
    }

    @Test
    void aMonthOfTheYearPutsTheSameMonthOfEachYearTogetherAndDrillsInexactly() {
        String dataset = RunFixtures.read("takings.dataset.json").replace("\"dimensions\": [", "\"dimensions\": [\n"
                + "   {\"key\": \"moy\", \"field\": \"sold_on\", \"bucket\": \"month_of_year\", \"label\": {\"zh-CN\": "
                + "\"月份\", \"en\": \"Month\"}},\n   {\"key\": \"year\", \"field\": \"sold_on\", \"bucket\": \"year\", "
                + "\"label\": {\"zh-CN\": \"年\", \"en\": \"Year\"}},").replace(",\n \"top\": {\"n\": 2, \"others\": true}", "");
        CompiledDataset compiled = engine.compile("demo", dataset, RunFixtures.PUBLISHED);
        CompiledDataset.Prepared prepared = compiled.prepare(RunFixtures.request(List.of("moy", "year"), List.of("value")));
        assertThat(prepared.sql().sql()).contains("MONTH(`s`.`sold_on`) AS `d0`, YEAR(`s`.`sold_on`) AS `d1`")
                .contains("ORDER BY `d0` ASC");
        DatasetResult result = prepared.result(List.<Object[]>of(new Object[]{3, 2025, new java.math.BigDecimal("5")},
                new Object[]{3, 2026, new java.math.BigDecimal("7")}));
        assertThat(result.rows()).extracting(row -> row.get(0)).containsExactly("03", "03");
        CompiledDataset.Drill drill = compiled.drill(java.util.Map.of("moy", TextNode.valueOf("03")), List.of(),
                RunFixtures.TODAY, q -> List.of());
        assertThat(drill.exact()).isFalse();
        assertThat(drill.filters()).noneMatch(f -> f.startsWith("sold_on:"));
    }

    private List<String> problems(String dataset) {
        return engine.check("demo", dataset, RunFixtures.PUBLISHED).stream().map(DefinitionProblem::pointer).toList();
    }
}
