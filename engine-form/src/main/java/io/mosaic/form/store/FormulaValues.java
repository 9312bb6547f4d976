package io.mosaic.form.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.formula.FormulaException;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.ErrorCode;
import io.mosaic.form.record.FormulaValue;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.record.types.Decimals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the formula fields and formula sub-table columns of a record about to be stored, in
 * dependency order (a formula reading {@code lines.amount} after every row's {@code amount}); FormKind
 * has refused cycles. A row formula reads its row's columns by name and the record's fields otherwise.
 * Lookup reads ({@code customer.region}) go to a {@link LookupResolver}.
 *
 * <p>A formula that fails on the record's values (division by zero, a text where a number is needed,
 * a result of another type than its {@code resultType}) refuses the record with code {@code formula}
 * at the field: storing a blank would hide a wrong total behind a saved record. Numbers are rounded
 * half up to the field's scale, as the column keeps them.
 */
final class FormulaValues {

    /**
     * One formula: a field, or a column of {@code subtable}; {@code path} as formulas name it. A default formula
     * ({@code defaultExpression}) sets its field only where the record leaves it blank.
     */
    private record Site(String path, FieldModel field, FieldModel subtable, Expression expression, boolean isDefault) {

        FieldType.FormulaResult resultType() {
            if (!isDefault) {
                return field.resultType();
            }
            return switch (field.type()) {
                case TEXT -> FieldType.FormulaResult.TEXT;
                case DATE -> FieldType.FormulaResult.DATE;
                default -> FieldType.FormulaResult.NUMBER;
            };
        }
    }

    private final Map<String, FieldModel> fields = new LinkedHashMap<>();
    private final List<Site> ordered = new ArrayList<>();
    private final LookupResolver lookups;

    FormulaValues(FormModel form, LookupResolver lookups) {
        this.lookups = lookups;
        Map<String, Site> sites = new LinkedHashMap<>();
        for (FieldModel field : form.fields()) {
            fields.put(field.key(), field);
            site(field.key(), field, null).ifPresent(site -> sites.put(site.path(), site));
            for (FieldModel column : field.columns()) {
                site(field.key() + "." + column.key(), column, field).ifPresent(site -> sites.put(site.path(), site));
            }
        }
        Set<String> visited = new HashSet<>();
        sites.values().forEach(site -> visit(site, sites, visited));
    }

    private static Optional<Site> site(String path, FieldModel field, FieldModel subtable) {
        if (field.type() == FieldType.FORMULA) {
            return Optional.of(new Site(path, field, subtable, Formula.parse(field.expression()), false));
        }
        return Optional.ofNullable(field.defaultExpression())
                .map(text -> new Site(path, field, subtable, Formula.parse(text), true));
    }

    /** Whether the sub-table has formula columns, whose values change with the rest of the record. */
    static boolean hasFormulaColumns(FieldModel subtable) {
        return subtable.columns().stream().anyMatch(c -> c.type() == FieldType.FORMULA);
    }

    /** Depth first, so each formula comes after those it reads. */
    private void visit(Site site, Map<String, Site> sites, Set<String> visited) {
        if (!visited.add(site.path())) {
            return;
        }
        for (String reference : site.expression().references()) {
            Site dependency = sites.get(resolve(site, reference));
            if (dependency != null) {
                visit(dependency, sites, visited);
            }
        }
        ordered.add(site);
    }

    /** A row formula's plain name is first a column of its row. */
    private static String resolve(Site site, String reference) {
        boolean rowColumn = site.subtable() != null && !reference.contains(".")
                && site.subtable().column(reference).isPresent();
        return rowColumn ? site.subtable().key() + "." + reference : reference;
    }

    /**
     * Sets every formula member of {@code record} (and of its sub-table rows).
     *
     * @throws InvalidRecordException when a formula cannot be computed; {@code record} may be half filled
     */
    void compute(ObjectNode record, Clock clock, Locale locale) {
        List<RecordError> errors = new ArrayList<>();
        // One save asks another form for the same match once (every line of one product at one dealer level).
        Map<List<Object>, Object> matches = new HashMap<>();
        LookupResolver reads = lookups.forOneComputation();
        for (Site site : ordered) {
            if (site.subtable() == null) {
                set(site, record, new Context(record, null, null, clock, reads, matches), "/" + site.path(), locale, errors);
                continue;
            }
            JsonNode rows = record.path(site.subtable().key());
            for (int i = 0; i < rows.size(); i++) {
                ObjectNode row = (ObjectNode) rows.get(i);
                set(site, row, new Context(record, row, site.subtable(), clock, reads, matches),
                        "/" + site.subtable().key() + "/" + i + "/" + site.field().key(), locale, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRecordException(errors);
        }
    }

    /**
     * Sets the site's member of {@code target} (the record or a row); a default only where it is blank, and a required
     * field whose default is blank too is refused as if the client had left it out.
     */
    private void set(Site site, ObjectNode target, Context context, String pointer, Locale locale,
                     List<RecordError> errors) {
        FieldModel field = site.field();
        JsonNode given = target.path(field.key());
        if (site.isDefault() && !given.isMissingNode() && !given.isNull() && !given.asText().isEmpty()) {
            return;
        }
        JsonNode value = value(site, context, pointer, locale, errors);
        if (site.isDefault()) {
            if (value.isNull() && field.required() && field.visibleWhen() == null) {
                errors.add(RecordError.of(pointer, ErrorCode.REQUIRED, field.label(), null, locale));
            } else if (value.isNumber()) {
                value = bounded(field, value, pointer, locale, errors);
            }
        }
        target.set(field.key(), value);
    }

    /** A default number keeps to its field's bounds as a typed value must; an integer field takes whole numbers. */
    private static JsonNode bounded(FieldModel field, JsonNode value, String pointer, Locale locale,
                                    List<RecordError> errors) {
        BigDecimal number = value.decimalValue();
        if (field.type() == FieldType.INTEGER) {
            number = number.setScale(0, RoundingMode.HALF_UP);
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            errors.add(RecordError.of(pointer, ErrorCode.MINIMUM, field.label(), field.min().toPlainString(), locale));
        } else if (field.max() != null && number.compareTo(field.max()) > 0) {
            errors.add(RecordError.of(pointer, ErrorCode.MAXIMUM, field.label(), field.max().toPlainString(), locale));
        }
        return DecimalNode.valueOf(number);
    }

    /** The stored form of the formula's result, or null with an error added. */
    private JsonNode value(Site site, Context context, String pointer, Locale locale, List<RecordError> errors) {
        FieldModel field = site.field();
        Object result;
        try {
            result = site.expression().evaluate(context);
        } catch (FormulaException e) {
            errors.add(RecordError.of(pointer, ErrorCode.FORMULA, field.label(), e.code().key(), locale));
            return NullNode.getInstance();
        }
        if (result == null) {
            return NullNode.getInstance();
        }
        JsonNode stored = switch (site.resultType()) {
            case NUMBER -> result instanceof BigDecimal number ? number(field, number, pointer, locale, errors) : null;
            case TEXT -> text(field, result, pointer, locale, errors);
            case DATE -> date(result);
            case BOOLEAN -> result instanceof Boolean b ? BooleanNode.valueOf(b) : null;
        };
        if (stored == null) {
            errors.add(RecordError.of(pointer, ErrorCode.FORMULA, field.label(), "type", locale));
            return NullNode.getInstance();
        }
        return stored;
    }

    private static JsonNode number(FieldModel field, BigDecimal number, String pointer, Locale locale,
                                   List<RecordError> errors) {
        int scale = Decimals.scale(field);
        int precision = Math.max(field.precision() != null ? field.precision() : FieldType.DEFAULT_PRECISION, scale + 1);
        BigDecimal rounded = number.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.precision() - rounded.scale() > precision - scale) {
            errors.add(RecordError.of(pointer, ErrorCode.OUT_OF_RANGE, field.label(), null, locale));
            return NullNode.getInstance();
        }
        return DecimalNode.valueOf(rounded);
    }

    /** Any value reads as text; a text longer than the column is refused rather than cut. */
    private static JsonNode text(FieldModel field, Object result, String pointer, Locale locale, List<RecordError> errors) {
        String text = result instanceof BigDecimal number ? number.toPlainString()
                : result instanceof Boolean b ? (b ? "TRUE" : "FALSE") : result.toString();
        int maxLength = field.maxLength() != null ? field.maxLength() : TableModel.DEFAULT_LENGTH;
        if (text.length() > maxLength) {
            errors.add(RecordError.of(pointer, ErrorCode.MAX_LENGTH, field.label(), maxLength, locale));
            return NullNode.getInstance();
        }
        return TextNode.valueOf(text);
    }

    /** The language gives a date as a LocalDate, or as the ISO text it was read from. */
    private static JsonNode date(Object result) {
        if (result instanceof LocalDate date) {
            return TextNode.valueOf(date.toString());
        }
        try {
            return result instanceof String text ? TextNode.valueOf(LocalDate.parse(text).toString()) : null;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /**
     * The record as formulas see it while it is being computed; {@code row} is the row of a row formula,
     * a column of {@code subtable}.
     */
    private final class Context implements FormulaContext {

        private final ObjectNode record;
        private final ObjectNode row;
        private final FieldModel subtable;
        private final Clock clock;
        private final LookupResolver reads;
        private final Map<List<Object>, Object> matches;

        Context(ObjectNode record, ObjectNode row, FieldModel subtable, Clock clock, LookupResolver reads,
                Map<List<Object>, Object> matches) {
            this.record = record;
            this.row = row;
            this.subtable = subtable;
            this.clock = clock;
            this.reads = reads;
            this.matches = matches;
        }

        @Override
        public Object match(String form, String field, Map<String, Object> keys) {
            List<Object> key = List.of(form, field, keys);
            if (!matches.containsKey(key)) {
                matches.put(key, reads.match(form, field, keys));
            }
            return matches.get(key);
        }

        /** FormKind has checked every name the formula reads against the form. */
        @Override
        public boolean has(String path) {
            return true;
        }

        @Override
        public Object value(String path) {
            int dot = path.indexOf('.');
            if (dot < 0) {
                boolean ownColumn = subtable != null && subtable.column(path).isPresent();
                return FormulaValue.of(ownColumn ? row.path(path) : record.path(path));
            }
            String head = path.substring(0, dot);
            String rest = path.substring(dot + 1);
            FieldModel rowColumn = subtable == null ? null : subtable.column(head).orElse(null);
            FieldModel field = rowColumn != null ? rowColumn : fields.get(head);
            if (field.type() == FieldType.SUBTABLE) {
                List<Object> column = new ArrayList<>();
                record.path(head).forEach(r -> column.add(FormulaValue.of(r.path(rest))));
                return column;
            }
            JsonNode target = rowColumn != null ? row.path(head) : record.path(head);
            return target.isIntegralNumber() ? reads.value(field.lookupForm(), target.longValue(), rest) : null;
        }

        @Override
        public LocalDate today() {
            return LocalDate.now(clock);
        }

    }
}
