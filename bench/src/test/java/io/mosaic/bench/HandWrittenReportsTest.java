package io.mosaic.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baselines are only worth comparing with if they count what the generator wrote: each query's numbers against
 * the same sums worked out here, order by order, from the generator's own formulas.
 */
class HandWrittenReportsTest {

    private static final int ORDERS = 4_000;
    private static ReportsData data;
    private static HandWrittenReports baseline;

    @BeforeAll
    static void generate() throws Exception {
        System.setProperty("bench.data", "target/bench-data");
        data = ReportsData.create(ORDERS);
        baseline = new HandWrittenReports(data.dataSource());
    }

    @AfterAll
    static void close() throws Exception {
        data.close();
    }

    @Test
    void writesOneToSevenLinesAnOrderFourOnAverage() {
        assertThat(data.lines()).isEqualTo(ORDERS * 4L);
    }

    @Test
    void ranksTheTopTenDealersBySales() throws Exception {
        Map<String, BigDecimal> byDealer = sum(line -> true, line -> String.format("Dealer D%03d", line.dealer));
        List<List<Object>> expected = byDealer.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).limit(10)
                .map(e -> List.<Object>of(e.getKey(), e.getValue())).toList();

        assertThat(normalised(baseline.run(HandWrittenReports.ranking(HandWrittenReports.Scope.ALL))))
                .isEqualTo(normalised(expected));
    }

    @Test
    void sumsSalesAndCountsOrdersByMonth() throws Exception {
        Map<YearMonth, BigDecimal> sales = sum(line -> true, line -> YearMonth.from(line.day));
        Map<YearMonth, Set<Integer>> orders = new TreeMap<>();
        lines().stream().filter(Line::counted).forEach(l ->
                orders.computeIfAbsent(YearMonth.from(l.day), m -> new HashSet<>()).add(l.order));
        List<List<Object>> expected = new ArrayList<>();
        sales.forEach((month, value) -> expected.add(List.of(month.getYear(), month.getMonthValue(), value,
                orders.get(month).size())));

        assertThat(normalised(baseline.run(HandWrittenReports.trend(HandWrittenReports.Scope.ALL))))
                .hasSize(24).isEqualTo(normalised(expected));
    }

    @Test
    void countsOnlyTheOrdersOfTheRegionManagersOrgUnit() throws Exception {
        // Dealer k is in region 1 + k mod 8: region 1 has the dealers whose number is a multiple of 8.
        Map<String, BigDecimal> byDealer = sum(line -> line.dealer % 8 == 0,
                line -> String.format("Dealer D%03d", line.dealer));
        List<List<Object>> expected = byDealer.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).limit(10)
                .map(e -> List.<Object>of(e.getKey(), e.getValue())).toList();

        assertThat(normalised(baseline.run(HandWrittenReports.ranking(
                HandWrittenReports.Scope.orgs(data.regionOrgs()))))).isEqualTo(normalised(expected));
    }

    @Test
    void givesTheDashboardsSixAnswersForAPeriod() throws Exception {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 6, 30);
        Predicate<Line> inPeriod = line -> !line.day.isBefore(from) && !line.day.isAfter(to);
        List<List<List<Object>>> answers = new ArrayList<>();
        for (HandWrittenReports.Query query : HandWrittenReports.dashboard(HandWrittenReports.Scope.period(from, to))) {
            answers.add(baseline.run(query));
        }

        BigDecimal total = sum(inPeriod, line -> "all").get("all");
        assertThat(normalised(answers.get(0))).containsExactly(List.of(total.stripTrailingZeros().toPlainString()));
        assertThat(answers.get(1)).hasSize(6);
        assertThat(answers.get(2)).hasSize(10);
        for (int widget = 3; widget < 6; widget++) {
            BigDecimal sum = answers.get(widget).stream().map(row -> new BigDecimal(row.get(1).toString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("widget %d", widget).isEqualByComparingTo(total);
        }
        assertThat(normalised(answers.get(4))).isEqualTo(normalised(rows(sum(inPeriod,
                line -> String.valueOf("ABCD".charAt(line.dealer % 4))))));
        assertThat(normalised(answers.get(5))).isEqualTo(normalised(rows(sum(inPeriod,
                line -> line.order % 3 == 0 ? "prepaid" : "credit"))));
    }

    /** One order line as the generator's formulas make it. */
    private record Line(int order, int dealer, LocalDate day, boolean counted, BigDecimal amount) {
    }

    private static List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        for (int x = 1; x <= ORDERS; x++) {
            int dealer = 1 + x * 37 % ReportsData.DEALERS;
            LocalDate day = ReportsData.FIRST_DAY.plusDays((long) (x - 1) * ReportsData.DAYS / ORDERS);
            String status = ReportsData.STATUSES.get(x % 5);
            boolean counted = x % 100 != 0 && (status.equals("approved") || status.equals("shipped"));
            for (int n = 1; n <= 1 + 2 * (x % 4); n++) {
                int product = 1 + (7 * x + 13 * n) % ReportsData.PRODUCTS;
                BigDecimal price = new BigDecimal("9.90").add(new BigDecimal("7.35")
                        .multiply(BigDecimal.valueOf(product * 37L % 50)));
                int quantity = 1 + (3 * x + 5 * n) % 20 + dealer % 3;
                lines.add(new Line(x, dealer, day, counted,
                        price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP)));
            }
        }
        return lines;
    }

    private static <K> Map<K, BigDecimal> sum(Predicate<Line> which, Function<Line, K> key) {
        Map<K, BigDecimal> sums = new TreeMap<>();
        lines().stream().filter(Line::counted).filter(which)
                .forEach(line -> sums.merge(key.apply(line), line.amount, BigDecimal::add));
        return sums;
    }

    /** In key order. */
    private static List<List<Object>> rows(Map<String, BigDecimal> sums) {
        return sums.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList();
    }

    /** Rows with numbers as plain decimals, whatever type the driver chose, and texts as they are. */
    private static List<List<String>> normalised(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(v -> v instanceof Number n
                ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : String.valueOf(v)).toList()).toList();
    }
}
