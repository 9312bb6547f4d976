package io.mosaic.report.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaException;
import io.mosaic.report.api.DatasetKind;
import io.mosaic.report.api.ReportKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The report engine's facade: compiles datasets against the published forms they read (checking every field path,
 * aggregation and bucket against the fields' types, with JSON Pointers) and checks reports against their dataset.
 * Stateless; the runtime caches what it compiles per published version.
 */
public final class ReportEngine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DatasetKind DATASETS = new DatasetKind();
    private static final ReportKind REPORTS = new ReportKind();
    private static final Set<String> NUMERIC = Set.of("sum", "avg");
    private static final Set<String> ORDERED = Set.of("min", "max");

    private final SqlDialect dialect;

    public ReportEngine(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @throws InvalidDefinitionException with every problem, each at a pointer into the dataset: the kind's own
     *                                    checks, then an unknown form, sub-table, lookup or field, an aggregation
     *                                    or bucket that does not fit its field's type, a filter value that does not
     */
    public CompiledDataset compile(String app, String datasetJson, FormModels forms) {
        List<DefinitionProblem> problems = new ArrayList<>();
        CompiledDataset compiled = compile(app, datasetJson, forms, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException("Dataset", problems);
        }
        return compiled;
    }

    /** What {@link #compile} would refuse; empty when the dataset compiles. */
    public List<DefinitionProblem> check(String app, String datasetJson, FormModels forms) {
        List<DefinitionProblem> problems = new ArrayList<>();
        compile(app, datasetJson, forms, problems);
        return problems;
    }

    /**
     * The problems of a report over {@code dataset}: the report kind's own checks, and dimensions or measures the
     * dataset does not have ({@code /dimensions/0}, {@code /measures/1}).
     */
    public List<DefinitionProblem> checkReport(String reportJson, CompiledDataset dataset) {
        JsonNode report = read(reportJson);
        List<DefinitionProblem> problems = new ArrayList<>(REPORTS.validate(report.path("key").asText(), reportJson));
        if (!problems.isEmpty()) {
            return problems;
        }
        JsonNode dimensions = report.path("dimensions");
        for (int i = 0; i < dimensions.size(); i++) {
            if (!dataset.hasDimension(dimensions.get(i).asText())) {
                problems.add(DefinitionProblem.at("/dimensions/" + i, "The dataset '" + dataset.key()
                        + "' has no dimension '" + dimensions.get(i).asText() + "'"));
            }
        }
        JsonNode measures = report.path("measures");
        for (int i = 0; i < measures.size(); i++) {
            if (!dataset.hasMeasure(measures.get(i).asText())) {
                problems.add(DefinitionProblem.at("/measures/" + i, "The dataset '" + dataset.key()
                        + "' has no measure '" + measures.get(i).asText() + "'"));
            }
        }
        return problems;
    }

    private CompiledDataset compile(String app, String datasetJson, FormModels forms, List<DefinitionProblem> problems) {
        JsonNode dataset = read(datasetJson);
        problems.addAll(DATASETS.validate(dataset.path("key").asText(), datasetJson));
        if (!problems.isEmpty()) {
            return null;
        }
        Sources sources = Sources.of(app, dataset.path("source"), forms, problems);
        if (sources == null) {
            return null;
        }
        Map<String, CompiledDataset.Dimension> dimensions = new LinkedHashMap<>();
        JsonNode dimensionNodes = dataset.path("dimensions");
        for (int i = 0; i < dimensionNodes.size(); i++) {
            JsonNode node = dimensionNodes.get(i);
            String at = "/dimensions/" + i;
            Optional<FieldRef> field = sources.resolve(node.path("field").asText(), at + "/field", problems);
            if (field.isEmpty()) {
                continue;
            }
            String bucket = node.has("bucket") ? node.get("bucket").asText() : null;
            if (field.get().type() == ValueType.JSON) {
                problems.add(DefinitionProblem.at(at + "/field", "'" + field.get().path() + "' holds several values "
                        + "and cannot be a dimension"));
            } else if (bucket != null && !field.get().type().isDate()) {
                problems.add(DefinitionProblem.at(at + "/bucket", "Only a date or date-time field has " + bucket
                        + " buckets; '" + field.get().path() + "' is " + typeName(field.get())));
            } else if (node.has("hierarchy") && !isType(sources, field.get(), FieldType.ORG)) {
                Hierarchy.of(app, field.get(), sources.model(field.get().path()).orElse(null), forms,
                        node.has("level") ? node.get("level").asInt() : null, "h" + i + "_", at, problems)
                        .ifPresent(tree -> dimensions.put(node.path("key").asText(), new CompiledDataset.Dimension(
                                node.path("key").asText(), text(node.path("label")), field.get(), null, tree.sql(),
                                tree.joins())));
            } else {
                // An org unit field groups by the unit itself: the org tree is the platform's, not a form's.
                String sql = bucket == null ? field.get().sql() : Buckets.sql(bucket, field.get().sql(), dialect);
                dimensions.put(node.path("key").asText(), new CompiledDataset.Dimension(node.path("key").asText(),
                        text(node.path("label")), field.get(), bucket, sql, List.of()));
            }
        }
        Map<String, CompiledDataset.Measure> measures = new LinkedHashMap<>();
        JsonNode measureNodes = dataset.path("measures");
        for (int i = 0; i < measureNodes.size(); i++) {
            measure(measureNodes.get(i), "/measures/" + i, sources, measures, problems);
        }
        List<CompiledDataset.Filter> filters = filters(dataset.path("filters"), "/filters/", sources, problems);
        List<CompiledDataset.Sort> sort = new ArrayList<>();
        dataset.path("sort").forEach(s -> sort.add(new CompiledDataset.Sort(s.path("key").asText(),
                "desc".equals(s.path("direction").asText()))));
        Integer top = dataset.has("top") ? dataset.path("top").path("n").asInt() : null;
        boolean others = dataset.path("top").path("others").asBoolean(false);
        return new CompiledDataset(dataset.path("key").asText(), text(dataset.path("name")), sources, dialect,
                dimensions, measures, filters, sort, top, others);
    }

    /** The filters under {@code nodes} (a dataset's, or one measure's), each checked against its field. */
    private static List<CompiledDataset.Filter> filters(JsonNode nodes, String at, Sources sources,
                                                        List<DefinitionProblem> problems) {
        List<CompiledDataset.Filter> filters = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String pointer = at + i;
            sources.resolve(node.path("field").asText(), pointer + "/field", problems).ifPresent(field -> {
                CompiledDataset.Filter filter = new CompiledDataset.Filter(field, node.path("op").asText(),
                        node.get("value"), node.has("relative") ? node.get("relative").asText() : null,
                        node.has("days") ? node.get("days").asInt() : null, pointer);
                try {
                    Conditions.sql(field, filter.op(), filter.value(), filter.relative(), filter.days(),
                            LocalDate.of(2000, 1, 1), new ArrayList<>(), pointer);
                    filters.add(filter);
                } catch (DatasetQueryException e) {
                    problems.add(DefinitionProblem.at(e.pointer(), e.getMessage()));
                }
            });
        }
        return filters;
    }

    private static boolean isType(Sources sources, FieldRef field, FieldType type) {
        return sources.model(field.path()).map(f -> f.type() == type).orElse(false);
    }

    private static void measure(JsonNode node, String at, Sources sources, Map<String, CompiledDataset.Measure> measures,
                                List<DefinitionProblem> problems) {
        String key = node.path("key").asText();
        LocalizedText label = text(node.path("label"));
        if (node.has("expression")) {
            if (node.has("compare")) {
                problems.add(DefinitionProblem.at(at + "/compare", "Only an aggregation compares with another period; "
                        + "compute the change from a compared measure"));
                return;
            }
            if (node.has("filters")) {
                problems.add(DefinitionProblem.at(at + "/filters", "Only an aggregation takes filters; filter the "
                        + "measures a calculated measure uses"));
                return;
            }
            try {
                Expression expression = Formula.parse(node.get("expression").asText());
                measures.put(key, new CompiledDataset.Measure(key, label, null, null, expression, null, List.of()));
            } catch (FormulaException e) {
                problems.add(DefinitionProblem.at(at + "/expression", e.getMessage()));
            }
            return;
        }
        String aggregation = node.path("aggregation").asText();
        String compare = node.has("compare") ? node.get("compare").asText() : null;
        int known = problems.size();
        List<CompiledDataset.Filter> only = filters(node.path("filters"), at + "/filters/", sources, problems);
        if (problems.size() > known) {
            return;
        }
        if (!node.has("field")) {
            measures.put(key, new CompiledDataset.Measure(key, label, aggregation, null, null, compare, only));
            return;
        }
        Optional<FieldRef> field = sources.resolve(node.get("field").asText(), at + "/field", problems);
        if (field.isEmpty()) {
            return;
        }
        ValueType type = field.get().type();
        if (NUMERIC.contains(aggregation) && !type.isNumeric()) {
            problems.add(DefinitionProblem.at(at + "/field", "A " + aggregation + " needs a number field; '"
                    + field.get().path() + "' is " + typeName(field.get())));
        } else if (ORDERED.contains(aggregation) && !(type.isNumeric() || type.isDate() || type == ValueType.TIME)) {
            problems.add(DefinitionProblem.at(at + "/field", "A " + aggregation + " needs a number, date or time "
                    + "field; '" + field.get().path() + "' is " + typeName(field.get())));
        } else if (type == ValueType.JSON) {
            problems.add(DefinitionProblem.at(at + "/field", "'" + field.get().path() + "' holds several values and "
                    + "cannot be counted"));
        } else {
            measures.put(key, new CompiledDataset.Measure(key, label, aggregation, field.get(), null, compare, only));
        }
    }

    private static String typeName(FieldRef field) {
        return switch (field.type()) {
            case TEXT -> "text";
            case NUMBER -> "a number";
            case DATE -> "a date";
            case DATETIME -> "a date-time";
            case TIME -> "a time";
            case BOOLEAN -> "a yes/no field";
            case REFERENCE -> "a reference";
            case JSON -> "a multi-value field";
        };
    }

    private static LocalizedText text(JsonNode node) {
        return new LocalizedText(node.path("zh-CN").asText(), node.path("en").asText());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "null" : json);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
