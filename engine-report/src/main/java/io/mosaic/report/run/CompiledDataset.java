package io.mosaic.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.formula.FormulaException;
import io.mosaic.form.store.SqlNames;
import io.mosaic.form.store.SystemColumns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A dataset compiled against the published forms it reads: each {@link #prepare query} is one parameterised
 * {@code SELECT … GROUP BY} that aggregates in the database under the viewer's row scope, and {@link Prepared#result}
 * turns its rows into the groups a report shows (top N with "others", calculated measures). Immutable and safe to
 * share between threads; the runtime keeps one per published version.
 */
public final class CompiledDataset {

    /** Where the FROM clause goes while a statement is built. */
    private static final String FROM = " {from}";


    /** The dimension value of the row that sums the groups after the top N. */
    public static final String OTHERS = "__others__";

    /** @param joins what the statement joins when the dimension is shown (a hierarchy's parents) */
    record Dimension(String key, LocalizedText label, FieldRef field, String bucket, String sql, List<String> joins) {
    }

    /**
     * An aggregation of a field ({@code aggregation} set, {@code expression} null) or a calculated measure over the
     * others ({@code expression} set); {@code compare} moves an aggregation to the period before the query's;
     * {@code filters} keep an aggregation to the rows that meet them (orders shipped among all orders).
     */
    record Measure(String key, LocalizedText label, String aggregation, FieldRef field, Expression expression,
                   String compare, List<Filter> filters) {
        boolean calculated() {
            return expression != null;
        }
    }

    record Filter(FieldRef field, String op, JsonNode value, String relative, Integer days, String pointer) {
    }

    record Sort(String key, boolean descending) {
    }

    private final String key;
    private final LocalizedText name;
    private final Sources sources;
    private final SqlDialect dialect;
    private final Map<String, Dimension> dimensions;
    private final Map<String, Measure> measures;
    private final List<Filter> filters;
    private final List<Sort> sort;
    private final Integer top;
    private final boolean others;

    CompiledDataset(String key, LocalizedText name, Sources sources, SqlDialect dialect, Map<String, Dimension> dimensions,
                    Map<String, Measure> measures, List<Filter> filters, List<Sort> sort, Integer top, boolean others) {
        this.key = key;
        this.name = name;
        this.sources = sources;
        this.dialect = dialect;
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        this.measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        this.filters = List.copyOf(filters);
        this.sort = List.copyOf(sort);
        this.top = top;
        this.others = others;
    }

    public String key() {
        return key;
    }

    public LocalizedText name() {
        return name;
    }

    /** The source form's key. */
    public String form() {
        return sources.form.key();
    }

    /** The forms whose records the results count: the source and its lookups' targets. */
    public List<String> forms() {
        return sources.forms();
    }

    /** The lookups a query joins, each with the form it points at: whose hidden fields count as {@code lookup.field}. */
    public Map<String, String> lookupForms() {
        Map<String, String> forms = new LinkedHashMap<>();
        sources.lookups.forEach((lookup, joined) -> forms.put(lookup, joined.target().key()));
        return forms;
    }

    public List<String> dimensionKeys() {
        return List.copyOf(dimensions.keySet());
    }

    public List<String> measureKeys() {
        return List.copyOf(measures.keySet());
    }

    public boolean hasDimension(String key) {
        return dimensions.containsKey(key);
    }

    public boolean hasMeasure(String key) {
        return measures.containsKey(key);
    }

    /**
     * The measure that holds {@code measure}'s value in the previous period: one with {@code compare:
     * previous_period} aggregating the same field the same way. A KPI's comparison and a ranking's rank change
     * come from it.
     */
    public Optional<String> previousOf(String measure) {
        Measure current = measures.get(measure);
        if (current == null || current.calculated() || current.compare() != null) {
            return Optional.empty();
        }
        return measures.values().stream()
                .filter(m -> "previous_period".equals(m.compare()) && current.aggregation().equals(m.aggregation())
                        && pathOf(current).equals(pathOf(m)) && selection(current).equals(selection(m)))
                .map(Measure::key).findFirst();
    }

    /** What a measure's filters select, without where they are written. */
    private static List<List<Object>> selection(Measure measure) {
        return measure.filters().stream().map(f -> Arrays.<Object>asList(f.field().path(), f.op(),
                String.valueOf(f.value()), String.valueOf(f.relative()), String.valueOf(f.days()))).toList();
    }

    private static String pathOf(Measure measure) {
        return measure.field() == null ? "" : measure.field().path();
    }

    /** The statement of {@code request}: {@code prepare(request).sql()}. */
    public SqlQuery query(QueryRequest request) {
        return prepare(request).sql();
    }

    /**
     * Plans one run: the statement and how to read its rows.
     *
     * @throws DatasetQueryException for an unknown dimension or measure key, a filter that does not fit its field
     *                               (pointers into the request: {@code /dimensions/0}, {@code /filters/1/value}), or
     *                               a field hidden from the viewer
     */
    public Prepared prepare(QueryRequest request) {
        return new Prepared(request);
    }

    /** One run's plan: the statement, and how its rows become a {@link DatasetResult}. */
    public final class Prepared {

        private final QueryRequest request;
        private final List<Dimension> shownDimensions = new ArrayList<>();
        private final List<Measure> shownMeasures = new ArrayList<>();
        /** Aggregations the statement computes, in column order after the dimensions. */
        private final List<Measure> aggregated = new ArrayList<>();
        /** Of the aggregations, the averages with their sum and count columns (for an exact "others" average). */
        private final Map<String, int[]> averageParts = new HashMap<>();
        private final boolean timeline;
        private final boolean sortInJava;
        private final boolean cutInJava;
        private final SqlQuery sql;

        private Prepared(QueryRequest request) {
            this.request = request;
            for (int i = 0; i < request.dimensions().size(); i++) {
                Dimension dimension = dimensions.get(request.dimensions().get(i));
                if (dimension == null) {
                    throw DatasetQueryException.invalid("/dimensions/" + i, "The dataset '" + key
                            + "' has no dimension '" + request.dimensions().get(i) + "'");
                }
                refuseHidden(dimension.field(), "/dimensions/" + i);
                shownDimensions.add(dimension);
            }
            List<String> measureKeys = request.measures().isEmpty() ? List.copyOf(measures.keySet()) : request.measures();
            Set<Measure> needed = new LinkedHashSet<>();
            for (int i = 0; i < measureKeys.size(); i++) {
                Measure measure = measures.get(measureKeys.get(i));
                if (measure == null) {
                    throw DatasetQueryException.invalid("/measures/" + i, "The dataset '" + key + "' has no measure '"
                            + measureKeys.get(i) + "'");
                }
                shownMeasures.add(measure);
                addNeeded(measure, "/measures/" + i, needed);
            }
            boolean sortsCalculated = false;
            for (Sort s : sort) {
                Measure measure = measures.get(s.key());
                if (measure != null) {
                    addNeeded(measure, "/measures", needed);
                    sortsCalculated |= measure.calculated();
                }
            }
            needed.stream().filter(m -> !m.calculated()).forEach(aggregated::add);
            // A time line stays in time order whatever the dataset sorts by, unless it is cut to a top N.
            timeline = top == null && !shownDimensions.isEmpty() && shownDimensions.get(0).bucket() != null;
            sortInJava = sortsCalculated && !timeline;
            cutInJava = top != null && (others || sortInJava);
            sql = statement();
        }

        private void addNeeded(Measure measure, String pointer, Set<Measure> needed) {
            if (measure.calculated()) {
                for (String reference : measure.expression().references()) {
                    addNeeded(measures.get(reference), pointer, needed);
                }
            } else if (measure.field() != null) {
                refuseHidden(measure.field(), pointer);
            }
            measure.filters().forEach(filter -> refuseHidden(filter.field(), pointer));
            needed.add(measure);
        }

        private void refuseHidden(FieldRef field, String pointer) {
            boolean throughLookup = field.lookup() != null && request.hidden().contains(field.lookup() + ".*");
            if (throughLookup || request.hidden().contains(field.path()) || request.hidden().contains(field.head())) {
                throw DatasetQueryException.hidden(pointer, field.path());
            }
        }

        public SqlQuery sql() {
            return sql;
        }

        private SqlQuery statement() {
            List<Object> whereParams = new ArrayList<>();
            List<String> where = new ArrayList<>();
            where.add(Sources.column(Sources.SOURCE, SystemColumns.DELETED_AT) + " IS NULL");
            where.add("(" + request.rows().sql(Sources.SOURCE, whereParams) + ")");
            List<Filter> all = new ArrayList<>(filters);
            for (int i = 0; i < request.filters().size(); i++) {
                QueryFilter filter = request.filters().get(i);
                String pointer = "/filters/" + i;
                List<DefinitionProblem> problems = new ArrayList<>();
                FieldRef field = sources.resolve(filter.field(), pointer + "/field", problems).orElseThrow(() ->
                        DatasetQueryException.invalid(pointer + "/field", problems.get(0).message()));
                refuseHidden(field, pointer + "/field");
                all.add(new Filter(field, filter.op(), filter.value(), null, null, pointer));
            }
            boolean compares = aggregated.stream().anyMatch(m -> m.compare() != null);
            Filter periodFilter = compares ? periodFilter(all) : null;
            Period period = null;
            if (periodFilter != null) {
                period = periodOf(periodFilter);
                all.remove(periodFilter);
            }
            for (Filter filter : all) {
                where.add(Conditions.sql(filter.field(), filter.op(), filter.value(), filter.relative(), filter.days(),
                        request.today(), whereParams, filter.pointer()));
            }
            List<Object> selectParams = new ArrayList<>();
            List<String> select = new ArrayList<>();
            List<String> groupBy = new ArrayList<>();
            for (int i = 0; i < shownDimensions.size(); i++) {
                select.add(shownDimensions.get(i).sql() + " AS " + alias("d", i));
                groupBy.add(shownDimensions.get(i).sql());
            }
            // With compared measures, each aggregation counts only its own period's rows, and the statement reads
            // the rows of every period some aggregation needs (conditional aggregation: still one statement).
            List<Period> read = new ArrayList<>();
            for (int i = 0; i < aggregated.size(); i++) {
                Measure measure = aggregated.get(i);
                // Without a period a compared measure has nothing to compare with: blank.
                String value = period == null && measure.compare() != null ? "NULL"
                        : aggregate(measure.aggregation(), measure.field(),
                        periodCondition(measure, period, periodFilter, read, selectParams));
                select.add(value + " AS " + alias("m", i));
            }
            if (others && top != null) {
                for (Measure measure : aggregated) {
                    if ("avg".equals(measure.aggregation())) {
                        int at = select.size();
                        select.add(aggregate("sum", measure.field(),
                                periodCondition(measure, period, periodFilter, read, selectParams)) + " AS " + alias("a", at));
                        select.add(aggregate("count", measure.field(),
                                periodCondition(measure, period, periodFilter, read, selectParams)) + " AS " + alias("a", at + 1));
                        averageParts.put(measure.key(), new int[]{at, at + 1});
                    }
                }
            }
            if (period != null) {
                List<String> ranges = new ArrayList<>();
                for (Period p : read) {
                    ranges.add("(" + Conditions.period(periodFilter.field(), p, whereParams) + ")");
                }
                where.add("(" + String.join(" OR ", ranges) + ")");
            }
            StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append(FROM);
            shownDimensions.forEach(dimension -> dimension.joins().forEach(sql::append));
            sql.append(" WHERE ").append(String.join(" AND ", where));
            List<Object> havingParams = new ArrayList<>();
            if (!groupBy.isEmpty()) {
                sql.append(" GROUP BY ").append(String.join(", ", groupBy));
                if (period != null) {
                    // The rows of the period before only feed the compared measures: a group they alone make is not
                    // one of the query's period.
                    sql.append(" HAVING COUNT(CASE WHEN ").append(Conditions.period(periodFilter.field(), period,
                            havingParams)).append(" THEN 1 END) > 0");
                }
            }
            List<String> order = new ArrayList<>();
            for (Sort s : timeline || shownDimensions.isEmpty() ? List.<Sort>of() : sort) {
                int d = indexOfDimension(s.key());
                int m = indexOfAggregated(s.key());
                String column = d >= 0 ? alias("d", d) : m >= 0 ? alias("m", m) : null;
                if (column != null && !sortInJava) {
                    order.add(column + (s.descending() ? " DESC" : " ASC"));
                }
            }
            if (order.isEmpty() && !sortInJava) {
                for (int i = 0; i < shownDimensions.size(); i++) {
                    order.add(alias("d", i) + " ASC");
                }
            }
            if (!order.isEmpty()) {
                sql.append(" ORDER BY ").append(String.join(", ", order));
            }
            long limit = (long) request.rowCap() + 1;
            if (top != null && !cutInJava) {
                limit = Math.min(limit, top);
            }
            if (!shownDimensions.isEmpty()) {
                sql.append(" LIMIT ").append(limit);
            }
            List<Object> params = new ArrayList<>(selectParams);
            params.addAll(whereParams);
            params.addAll(havingParams);
            // The FROM clause binds no values, so it can be settled last, once the statement shows the lookups it reads.
            String rest = sql.toString();
            return new SqlQuery(rest.replace(FROM, sources.from(alias -> rest.contains(SqlNames.quote(alias) + "."))), params);
        }

        /**
         * The condition that keeps an aggregation to its period (the query's, or the one before for a compared
         * measure, noted in {@code read}) and to the rows its own filters select; null when neither applies.
         */
        private String periodCondition(Measure measure, Period period, Filter periodFilter, List<Period> read,
                                       List<Object> params) {
            List<String> conditions = new ArrayList<>();
            if (period != null) {
                Period own = measure.compare() == null ? period : period.compared(measure.compare());
                if (!read.contains(own)) {
                    read.add(own);
                }
                conditions.add(Conditions.period(periodFilter.field(), own, params));
            }
            for (Filter filter : measure.filters()) {
                conditions.add(Conditions.sql(filter.field(), filter.op(), filter.value(), filter.relative(),
                        filter.days(), request.today(), params, filter.pointer()));
            }
            return conditions.isEmpty() ? null : conditions.size() == 1 ? conditions.get(0)
                    : "(" + String.join(") AND (", conditions) + ")";
        }

        /** The filter that sets the query's period for compared measures: the request's first, else the dataset's. */
        private Filter periodFilter(List<Filter> all) {
            List<Filter> candidates = new ArrayList<>(all.subList(filters.size(), all.size()));
            candidates.addAll(all.subList(0, filters.size()));
            for (Filter filter : candidates) {
                if (filter.field().type().isDate() && (filter.op().equals("relative") || filter.op().equals("between"))) {
                    return filter;
                }
            }
            return null;
        }

        private Period periodOf(Filter filter) {
            if (filter.op().equals("relative")) {
                return Conditions.relativePeriod(filter.value(), filter.relative(), filter.days(), request.today(),
                        filter.pointer());
            }
            List<Object> ignored = new ArrayList<>();
            Conditions.sql(filter.field(), "between", filter.value(), null, null, request.today(), ignored,
                    filter.pointer());
            LocalDate from = LocalDate.parse(filter.value().get(0).asText());
            LocalDate to = LocalDate.parse(filter.value().get(1).asText());
            return Period.days(from, to.plusDays(1));
        }

        private int indexOfDimension(String key) {
            for (int i = 0; i < shownDimensions.size(); i++) {
                if (shownDimensions.get(i).key().equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        private int indexOfAggregated(String key) {
            for (int i = 0; i < aggregated.size(); i++) {
                if (aggregated.get(i).key().equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The groups of the statement's rows (each as many values as it selects, in order): date buckets as text,
         * numbers as BigDecimal, then sorted, cut to the top N with an "others" row, calculated measures computed.
         */
        public DatasetResult result(List<Object[]> rows) {
            List<Row> groups = new ArrayList<>();
            boolean truncated = false;
            for (Object[] raw : rows) {
                if (groups.size() == request.rowCap()) {
                    truncated = true;
                    break;
                }
                groups.add(row(raw));
            }
            if (sortInJava) {
                groups.sort(comparator());
            }
            if (cutInJava && groups.size() > top) {
                List<Row> rest = new ArrayList<>(groups.subList(top, groups.size()));
                groups = new ArrayList<>(groups.subList(0, top));
                if (others) {
                    groups.add(othersRow(rest));
                }
            }
            List<List<Object>> out = new ArrayList<>();
            for (Row group : groups) {
                List<Object> values = new ArrayList<>(group.dimensions());
                for (Measure measure : shownMeasures) {
                    values.add(group.measures().get(measure.key()));
                }
                out.add(Collections.unmodifiableList(values));
            }
            return new DatasetResult(columns(), out, truncated);
        }

        public List<ResultColumn> columns() {
            List<ResultColumn> columns = new ArrayList<>();
            for (Dimension dimension : shownDimensions) {
                columns.add(new ResultColumn(dimension.key(), dimension.label(), "dimension",
                        dimension.bucket() == null && dimension.joins().isEmpty() ? dimension.field().type().columnType()
                                : "text"));
            }
            for (Measure measure : shownMeasures) {
                String type = measure.field() != null && measure.field().type().isDate()
                        && !measure.aggregation().contains("count") ? "date" : "number";
                columns.add(new ResultColumn(measure.key(), measure.label(), "measure", type));
            }
            return columns;
        }

        private Row row(Object[] raw) {
            List<Object> dims = new ArrayList<>();
            for (int i = 0; i < shownDimensions.size(); i++) {
                dims.add(dimensionValue(shownDimensions.get(i), raw[i]));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < aggregated.size(); i++) {
                values.put(aggregated.get(i).key(), measureValue(raw[shownDimensions.size() + i]));
            }
            Map<String, BigDecimal[]> parts = new HashMap<>();
            averageParts.forEach((measure, at) -> parts.put(measure, new BigDecimal[]{
                    (BigDecimal) measureValue(raw[at[0]]), (BigDecimal) measureValue(raw[at[1]])}));
            calculate(values);
            return new Row(dims, values, parts);
        }

        private Row othersRow(List<Row> rest) {
            List<Object> dims = new ArrayList<>(Collections.nCopies(shownDimensions.size(), null));
            if (!dims.isEmpty()) {
                dims.set(0, OTHERS);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, BigDecimal[]> parts = new HashMap<>();
            for (Measure measure : aggregated) {
                Object value = null;
                if ("avg".equals(measure.aggregation())) {
                    BigDecimal sum = null;
                    BigDecimal count = null;
                    for (Row row : rest) {
                        BigDecimal[] p = row.parts().get(measure.key());
                        sum = add(sum, p[0]);
                        count = add(count, p[1]);
                    }
                    value = sum == null || count == null || count.signum() == 0 ? null
                            : sum.divide(count, 10, RoundingMode.HALF_UP);
                } else {
                    for (Row row : rest) {
                        value = combine(measure.aggregation(), value, row.measures().get(measure.key()));
                    }
                }
                values.put(measure.key(), value);
            }
            calculate(values);
            return new Row(dims, values, parts);
        }

        private void calculate(Map<String, Object> values) {
            for (Measure measure : shownMeasures) {
                if (measure.calculated()) {
                    values.put(measure.key(), evaluate(measure, values));
                }
            }
        }

        private Comparator<Row> comparator() {
            Comparator<Row> order = (a, b) -> 0;
            for (Sort s : sort) {
                int d = indexOfDimension(s.key());
                Comparator<Row> next = (a, b) -> compare(
                        d >= 0 ? a.dimensions().get(d) : a.measures().get(s.key()),
                        d >= 0 ? b.dimensions().get(d) : b.measures().get(s.key()), s.descending());
                order = order.thenComparing(next);
            }
            return order;
        }
    }

    /**
     * The records-list filters ({@code field:op:value}, all must hold) that select the source records behind one
     * chart element.
     *
     * @param exact false when some condition cannot be said as a list filter (an "others" element, a sub-table
     *              column, a lookup target's value held by several records, an {@code in} of several values): the
     *              list then shows more records than the element counts
     */
    public record Drill(String form, List<String> filters, boolean exact) {
    }

    /**
     * The drill-down of the element {@code point} (dimension key → the value a result row shows) under the dataset's
     * filters and the query's {@code filters}; {@code statements} runs the one-column lookups that turn a lookup
     * target's value ({@code dealer.name}) into the lookup's id.
     *
     * @throws DatasetQueryException for an unknown dimension key ({@code /point/<key>}) or a filter that does not fit
     */
    public Drill drill(Map<String, JsonNode> point, List<QueryFilter> filters, LocalDate today,
                       Function<SqlQuery, List<Object[]>> statements) {
        List<String> out = new ArrayList<>();
        boolean exact = true;
        for (Map.Entry<String, JsonNode> entry : point.entrySet()) {
            Dimension dimension = dimensions.get(entry.getKey());
            if (dimension == null) {
                throw DatasetQueryException.invalid("/point/" + entry.getKey(), "The dataset '" + key
                        + "' has no dimension '" + entry.getKey() + "'");
            }
            JsonNode value = entry.getValue();
            FieldRef field = dimension.field();
            if (value == null || value.isNull() || OTHERS.equals(value.asText())) {
                exact = false;
            } else if (dimension.bucket() != null) {
                Optional<Period> days = Buckets.days(dimension.bucket(), value.asText());
                if (days.isPresent() && field.topLevel()) {
                    out.add(field.path() + ":ge:" + days.get().start());
                    out.add(field.path() + ":lt:" + days.get().end());
                } else {
                    exact = false;
                }
            } else if (!dimension.joins().isEmpty()) {
                exact = false;
            } else if (field.topLevel()) {
                out.add(field.path() + ":eq:" + value.asText());
            } else if (field.lookup() != null && !sources.lookups.get(field.lookup()).inSubtable()) {
                Optional<Long> id = lookupId(field, value, statements);
                if (id.isPresent()) {
                    out.add(field.lookup() + ":eq:" + id.get());
                } else {
                    exact = false;
                }
            } else {
                exact = false;
            }
        }
        List<Filter> all = new ArrayList<>(this.filters);
        for (int i = 0; i < filters.size(); i++) {
            String pointer = "/filters/" + i;
            List<DefinitionProblem> problems = new ArrayList<>();
            QueryFilter filter = filters.get(i);
            FieldRef field = sources.resolve(filter.field(), pointer + "/field", problems).orElseThrow(() ->
                    DatasetQueryException.invalid(pointer + "/field", problems.get(0).message()));
            all.add(new Filter(field, filter.op(), filter.value(), null, null, pointer));
        }
        for (Filter filter : all) {
            exact &= listFilters(filter, today, out);
        }
        return new Drill(form(), out, exact);
    }

    private Optional<Long> lookupId(FieldRef field, JsonNode value,
                                    Function<SqlQuery, List<Object[]>> statements) {
        Sources.Lookup lookup = sources.lookups.get(field.lookup());
        String target = SqlNames.quote(SqlNames.table(sources.app,
                lookup.target().key()));
        String column = field.sql().substring(field.sql().indexOf('.') + 1);
        List<Object> params = new ArrayList<>();
        String condition;
        try {
            condition = Conditions.sql(new FieldRef(field.path(), column, field.type(), null, false), "eq", value,
                    null, null, LocalDate.now(Clock.systemUTC()), params, "/point");
        } catch (DatasetQueryException e) {
            return Optional.empty();
        }
        SqlQuery query = new SqlQuery("SELECT " + SqlNames.quote("id") + " FROM " + target
                + " WHERE " + condition + " LIMIT 2", params);
        List<Object[]> rows = statements.apply(query);
        return rows.size() == 1 ? Optional.of(((Number) rows.get(0)[0]).longValue()) : Optional.empty();
    }

    /** Adds {@code filter} as list filters; false when the records list cannot say it. */
    private static boolean listFilters(Filter filter, LocalDate today, List<String> out) {
        FieldRef field = filter.field();
        if (!field.topLevel()) {
            return false;
        }
        String path = field.path();
        JsonNode value = filter.value();
        switch (filter.op()) {
            case "eq", "ne", "gt", "lt", "contains":
                out.add(path + ":" + filter.op() + ":" + value.asText());
                return true;
            case "gte":
                out.add(path + ":ge:" + value.asText());
                return true;
            case "lte":
                out.add(path + ":le:" + value.asText());
                return true;
            case "between":
                out.add(path + ":ge:" + value.get(0).asText());
                out.add(path + ":le:" + value.get(1).asText());
                return true;
            case "relative": {
                Period period = Conditions.relativePeriod(value, filter.relative(), filter.days(), today,
                        filter.pointer());
                out.add(path + ":ge:" + period.start());
                out.add(path + ":lt:" + period.end());
                return true;
            }
            case "in":
                if (value.isArray() && value.size() == 1 || !value.isArray()) {
                    out.add(path + ":eq:" + (value.isArray() ? value.get(0) : value).asText());
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private record Row(List<Object> dimensions, Map<String, Object> measures, Map<String, BigDecimal[]> parts) {
    }

    private static String alias(String prefix, int index) {
        return SqlNames.quote(prefix + index);
    }

    /** One aggregation; with {@code condition} it counts only the rows that meet it (a period's). */
    private static String aggregate(String aggregation, FieldRef field, String condition) {
        if (field == null) {
            return condition == null ? "COUNT(*)" : "COUNT(CASE WHEN " + condition + " THEN 1 END)";
        }
        String value = condition == null ? field.sql() : "CASE WHEN " + condition + " THEN " + field.sql() + " END";
        return switch (aggregation) {
            case "count" -> "COUNT(" + value + ")";
            case "distinct_count" -> "COUNT(DISTINCT " + value + ")";
            case "sum" -> "SUM(" + value + ")";
            case "avg" -> "AVG(" + value + ")";
            case "min" -> "MIN(" + value + ")";
            case "max" -> "MAX(" + value + ")";
            default -> throw new IllegalStateException(aggregation);
        };
    }

    private static Object dimensionValue(Dimension dimension, Object raw) {
        if (raw == null) {
            return null;
        }
        if (dimension.bucket() != null) {
            return Buckets.label(dimension.bucket(), raw);
        }
        return plain(raw);
    }

    private static Object measureValue(Object raw) {
        return raw == null ? null : plain(raw);
    }

    /** JDBC values as results carry them: numbers as BigDecimal, dates as ISO text. */
    static Object plain(Object raw) {
        if (raw instanceof BigDecimal decimal) {
            return decimal;
        }
        if (raw instanceof Number number) {
            return number instanceof Double || number instanceof Float ? BigDecimal.valueOf(number.doubleValue())
                    : new BigDecimal(number.toString());
        }
        if (raw instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (raw instanceof Timestamp at) {
            return at.toLocalDateTime().toString();
        }
        if (raw instanceof LocalDate || raw instanceof LocalDateTime) {
            return raw.toString();
        }
        return raw;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object combine(String aggregation, Object so, Object next) {
        if (next == null) {
            return so;
        }
        if (so == null) {
            return next;
        }
        switch (aggregation) {
            case "min":
                return ((Comparable) so).compareTo(next) <= 0 ? so : next;
            case "max":
                return ((Comparable) so).compareTo(next) >= 0 ? so : next;
            default:
                // Counts and sums add up; a distinct count adds up exactly when no value is in two groups.
                return ((BigDecimal) so).add((BigDecimal) next);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b, boolean descending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int order = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y)
                : ((Comparable) a).compareTo(b);
        return descending ? -order : order;
    }

    /** A calculated measure over the aggregated ones; blank when it cannot be computed (a division by zero). */
    private static Object evaluate(Measure measure, Map<String, Object> values) {
        Map<String, Object> numbers = new HashMap<>();
        for (String reference : measure.expression().references()) {
            numbers.put(reference, values.get(reference));
        }
        try {
            Object value = measure.expression().evaluate(FormulaContext.of(numbers, Clock.fixed(
                    Instant.EPOCH, ZoneOffset.UTC)));
            return value instanceof BigDecimal || value == null ? value : null;
        } catch (FormulaException e) {
            return null;
        }
    }
}
