package io.mosaic.rule.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gaps and overlaps of a decision table's rows, found on save.
 *
 * <ul>
 *   <li><b>Gaps</b> (first and priority tables): input combinations no row matches, over the whole number line
 *   and calendar for number and date inputs, and over the listed values plus "any other value" for text inputs
 *   (true and false for booleans). A collect table may have gaps: no hit simply aggregates nothing.</li>
 *   <li><b>Overlaps</b>: in a priority table two overlapping rows of the same priority are ambiguous. In a first
 *   table overlaps are how it works (the upper row wins), but a row that an upper row fully covers can never
 *   apply. In a collect table overlaps are intended.</li>
 * </ul>
 * Blank inputs are outside this analysis. Messages name the rows (1-based, with their keys) and the values.
 */
public final class DecisionCoverage {

    /** Reported gaps at most; one hole in a table usually shows as several. */
    private static final int MAX_GAPS = 5;
    private static final int MAX_OVERLAPS = 10;
    /** Bound on the gap search over column combinations, so that a huge table cannot stall a save. */
    private static final int MAX_STEPS = 200_000;

    private record Column(String key, String type) {
        boolean ordered() {
            return "number".equals(type) || "date".equals(type);
        }
    }

    /** A piece of a column's domain that every cell either holds whole or not at all. */
    private record Segment(DecisionCell.Interval interval, String category, Object representative) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final DecisionCell[][] cells;
    private final String[] names;
    private final JsonNode rows;
    private final String hitPolicy;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private int gaps;
    private int steps;

    private DecisionCoverage(JsonNode table) {
        table.path("inputs").forEach(input -> columns.add(new Column(input.path("key").asText(),
                input.path("type").asText())));
        rows = table.path("rows");
        hitPolicy = table.path("hitPolicy").asText();
        cells = new DecisionCell[rows.size()][columns.size()];
        names = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            names[r] = (r + 1) + (row.has("key") ? " (" + row.get("key").asText() + ")" : "");
            for (int c = 0; c < columns.size(); c++) {
                cells[r][c] = DecisionCell.of(row.path("inputs").get(c), columns.get(c).type());
            }
        }
    }

    /** Problems of a table that is otherwise valid (schema and per-row checks passed). */
    public static List<DefinitionProblem> problems(JsonNode table) {
        DecisionCoverage coverage = new DecisionCoverage(table);
        coverage.overlaps();
        if (!"collect".equals(coverage.hitPolicy)) {
            BitSet all = new BitSet();
            all.set(0, coverage.cells.length);
            coverage.gaps(0, all, List.of());
        }
        return coverage.problems;
    }

    private void overlaps() {
        if ("collect".equals(hitPolicy)) {
            return;
        }
        int reported = 0;
        for (int j = 1; j < cells.length && reported < MAX_OVERLAPS; j++) {
            for (int i = 0; i < j && reported < MAX_OVERLAPS; i++) {
                List<String> shared = intersection(i, j);
                if (shared == null) {
                    continue;
                }
                if ("first".equals(hitPolicy)) {
                    if (covers(i, j)) {
                        problems.add(DefinitionProblem.at("/rows/" + j, "Row " + names[j] + " never applies: row "
                                + names[i] + " above it matches every case it does"));
                        reported++;
                        break;
                    }
                } else if (rows.get(i).path("priority").asInt() == rows.get(j).path("priority").asInt()) {
                    problems.add(DefinitionProblem.at("/rows/" + j, "Rows " + names[i] + " and " + names[j]
                            + " overlap for " + (shared.isEmpty() ? "every input" : String.join(" and ", shared))
                            + " with the same priority " + rows.get(j).path("priority").asInt()
                            + "; give one of them a higher priority"));
                    reported++;
                }
            }
        }
    }

    /** The descriptions of the columns where rows i and j both match something specific, or null if disjoint. */
    private List<String> intersection(int i, int j) {
        List<String> shared = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            DecisionCell both = cells[i][c].intersect(cells[j][c]);
            if (both.isEmpty()) {
                return null;
            }
            if (!both.isAny()) {
                shared.add(columns.get(c).key() + " " + both.describe());
            }
        }
        return shared;
    }

    private boolean covers(int upper, int lower) {
        for (int c = 0; c < columns.size(); c++) {
            if (!cells[lower][c].within(cells[upper][c])) {
                return false;
            }
        }
        return true;
    }

    /** Splits the remaining rows column by column; an empty set of rows is a region nobody covers. */
    private void gaps(int column, BitSet candidates, List<String> region) {
        if (gaps >= MAX_GAPS || ++steps > MAX_STEPS) {
            return;
        }
        if (candidates.isEmpty()) {
            gaps++;
            problems.add(DefinitionProblem.at("/rows", "No row covers " + (region.isEmpty() ? "any input"
                    : String.join(" and ", region)) + "; add a row for it, or a last row with every input any"));
            return;
        }
        if (column == columns.size()) {
            return;
        }
        List<Segment> segments = segments(column, candidates);
        List<Group> groups = group(column, segments, candidates);
        for (Group group : groups) {
            List<String> next = region;
            if (groups.size() > 1) {
                next = new ArrayList<>(region);
                next.add(columns.get(column).key() + " " + describe(column, group.segments(), segments));
            }
            gaps(column + 1, group.rows(), next);
        }
    }

    /** A run of a column's segments matched by the same candidate rows. */
    private record Group(BitSet rows, List<Segment> segments) {
    }

    /**
     * Segments of a column grouped by the candidate rows that match them. In ordered columns only neighbouring
     * segments join, so that each group reads as one range; text values join wherever they are.
     */
    private List<Group> group(int column, List<Segment> segments, BitSet candidates) {
        List<Group> groups = new ArrayList<>();
        Map<BitSet, Group> byRows = new LinkedHashMap<>();
        boolean ordered = columns.get(column).ordered();
        for (Segment segment : segments) {
            BitSet matching = matching(column, candidates, segment);
            Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            Group joined = ordered ? (last != null && last.rows().equals(matching) ? last : null) : byRows.get(matching);
            if (joined == null) {
                joined = new Group(matching, new ArrayList<>());
                groups.add(joined);
                byRows.put(matching, joined);
            }
            joined.segments().add(segment);
        }
        return groups;
    }

    private BitSet matching(int column, BitSet candidates, Segment segment) {
        BitSet matching = new BitSet();
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            if (cells[r][column].matches(segment.representative())) {
                matching.set(r);
            }
        }
        return matching;
    }

    /** The column's domain cut at every bound the candidate rows use, or into its listed values and the rest. */
    private List<Segment> segments(int column, BitSet candidates) {
        List<Segment> segments = new ArrayList<>();
        if (columns.get(column).ordered()) {
            TreeSet<BigDecimal> bounds = new TreeSet<>();
            for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
                for (DecisionCell.Interval interval : ((DecisionCell.Ordered) cells[r][column]).intervals()) {
                    if (interval.low() != null) {
                        bounds.add(interval.low());
                    }
                    if (interval.high() != null) {
                        bounds.add(interval.high());
                    }
                }
            }
            BigDecimal previous = null;
            for (BigDecimal bound : bounds) {
                BigDecimal inside = previous == null ? bound.subtract(BigDecimal.ONE)
                        : previous.add(bound).divide(BigDecimal.valueOf(2));
                segments.add(new Segment(new DecisionCell.Interval(previous, false, bound, false), null, inside));
                segments.add(new Segment(DecisionCell.Interval.point(bound), null, bound));
                previous = bound;
            }
            segments.add(new Segment(new DecisionCell.Interval(previous, false, null, false), null,
                    previous == null ? BigDecimal.ZERO : previous.add(BigDecimal.ONE)));
            return segments;
        }
        TreeSet<String> listed = new TreeSet<>();
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            listed.addAll(((DecisionCell.Categories) cells[r][column]).values());
        }
        boolean bool = "boolean".equals(columns.get(column).type());
        if (bool) {
            listed.addAll(List.of("false", "true"));
        }
        listed.forEach(value -> segments.add(new Segment(null, value, value)));
        if (!bool) {
            segments.add(new Segment(null, null, "\u0000other"));
        }
        return segments;
    }

    private String describe(int column, List<Segment> group, List<Segment> all) {
        if (columns.get(column).ordered()) {
            DecisionCell.Interval first = group.get(0).interval();
            DecisionCell.Interval last = group.get(group.size() - 1).interval();
            return new DecisionCell.Interval(first.low(), first.lowIncluded(), last.high(), last.highIncluded())
                    .describe("date".equals(columns.get(column).type()));
        }
        TreeSet<String> named = new TreeSet<>();
        boolean other = false;
        for (Segment segment : group) {
            if (segment.category() == null) {
                other = true;
            } else {
                named.add(segment.category());
            }
        }
        if (!other) {
            return DecisionCell.Categories.quoted(named);
        }
        TreeSet<String> excluded = new TreeSet<>();
        for (Segment segment : all) {
            if (segment.category() != null && !named.contains(segment.category())) {
                excluded.add(segment.category());
            }
        }
        return excluded.isEmpty() ? "any" : "other than " + DecisionCell.Categories.quoted(excluded);
    }
}
