package io.mosaic.rule.run;

import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.FormulaContext;

import java.math.BigDecimal;
import java.util.List;

/**
 * A compiled condition tree of a rule or of an update_record match. Groups combine; leaves test the record: a
 * comparison of a field with a literal, or a formula. Leaves are what the generated DRL calls by number, so
 * nothing of the analyst's text is ever part of the DRL.
 */
sealed interface Condition {

    boolean test(FormulaContext context);

    /** The paths the condition reads, added to {@code paths}. */
    void reads(java.util.Set<String> paths);

    record All(List<Condition> children) implements Condition {
        @Override
        public void reads(java.util.Set<String> paths) {
            children.forEach(child -> child.reads(paths));
        }

        @Override
        public boolean test(FormulaContext context) {
            for (Condition child : children) {
                if (!child.test(context)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Any(List<Condition> children) implements Condition {
        @Override
        public void reads(java.util.Set<String> paths) {
            children.forEach(child -> child.reads(paths));
        }

        @Override
        public boolean test(FormulaContext context) {
            for (Condition child : children) {
                if (child.test(context)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(Condition child) implements Condition {
        @Override
        public void reads(java.util.Set<String> paths) {
            child.reads(paths);
        }

        @Override
        public boolean test(FormulaContext context) {
            return !child.test(context);
        }
    }

    /** A leaf; {@code pointer} is where it sits in the definition, for errors. */
    sealed interface Leaf extends Condition {
        String pointer();
    }

    /**
     * {@code field op value}. On a list (a sub-table column such as {@code lines.amount}, a multi-select)
     * {@code rows} says how: {@code any} row (the default) or {@code all} rows meet the comparison, or the
     * {@code count} of non-blank values or their {@code sum} is compared instead.
     */
    record Comparison(String pointer, String field, String op, String rows, Object value) implements Leaf {

        @Override
        public void reads(java.util.Set<String> paths) {
            paths.add(field);
        }

        @Override
        public boolean test(FormulaContext context) {
            Object actual = context.has(field) ? RuleValues.normalize(context.value(field)) : null;
            if ("count".equals(rows)) {
                return scalar(BigDecimal.valueOf(asList(actual).stream().filter(v -> v != null).count()));
            }
            if ("sum".equals(rows)) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Object element : asList(actual)) {
                    if (element instanceof BigDecimal number) {
                        sum = sum.add(number);
                    }
                }
                return scalar(sum);
            }
            boolean wholeList = rows == null && (op.equals("contains") || op.equals("empty") || op.equals("not_empty"));
            if (actual instanceof List<?> list && !wholeList) {
                if ("all".equals(rows)) {
                    return list.stream().allMatch(this::scalar);
                }
                return list.stream().anyMatch(this::scalar);
            }
            return scalar(actual);
        }

        private static List<?> asList(Object value) {
            return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        }

        private boolean scalar(Object actual) {
            return switch (op) {
                case "eq" -> RuleValues.same(actual, value);
                case "ne" -> !RuleValues.same(actual, value);
                case "gt" -> ordered(actual, value, 1, 1);
                case "gte" -> ordered(actual, value, 0, 1);
                case "lt" -> ordered(actual, value, -1, -1);
                case "lte" -> ordered(actual, value, -1, 0);
                case "in" -> ((List<?>) value).stream().anyMatch(v -> RuleValues.same(actual, v));
                case "not_in" -> ((List<?>) value).stream().noneMatch(v -> RuleValues.same(actual, v));
                case "between" -> ordered(actual, ((List<?>) value).get(0), 0, 1)
                        && ordered(actual, ((List<?>) value).get(1), -1, 0);
                case "contains" -> contains(actual);
                case "empty" -> RuleValues.isBlank(actual);
                case "not_empty" -> !RuleValues.isBlank(actual);
                default -> throw new IllegalStateException("No operator " + op);
            };
        }

        private static boolean ordered(Object actual, Object bound, int low, int high) {
            Integer order = RuleValues.compare(actual, bound);
            return order != null && order >= low && order <= high;
        }

        private boolean contains(Object actual) {
            if (actual instanceof List<?> list) {
                return list.stream().anyMatch(element -> RuleValues.same(element, value));
            }
            return actual != null && value != null && RuleValues.text(actual).contains(RuleValues.text(value));
        }
    }

    /**
     * Another record of {@code form} meets every {@code where} (a literal, or a formula over this record) and
     * {@code when} (a formula over the candidate, TRUE to count): the first such record, newest first, is named
     * {@code as} for later formulas and messages. A blank where value finds nothing. The finder reads as the platform:
     * the saver's row scope does not limit it.
     */
    record Exists(String pointer, String form, List<Where> where, Expression when, boolean excludeSelf, String as)
            implements Leaf {

        /** Candidates looked at for {@code when}; a collision check needs the few records of one customer. */
        static final int CANDIDATES = 100;

        /** One criterion: {@code expression} over this record, else {@code value}. */
        record Where(String field, String op, Object value, Expression expression) {
        }

        @Override
        public void reads(java.util.Set<String> paths) {
            where.stream().filter(w -> w.expression() != null).forEach(w -> paths.addAll(w.expression().references()));
        }

        @Override
        public boolean test(FormulaContext context) {
            if (!(context instanceof RunContext run)) {
                throw new IllegalArgumentException("exists is a condition of a rule, not of a match");
            }
            List<RecordFinder.Criterion> criteria = new java.util.ArrayList<>();
            for (Where each : where) {
                Object value = RuleValues.normalize(each.expression() != null ? each.expression().evaluate(run)
                        : each.value());
                if (RuleValues.isBlank(value)) {
                    return found(run, null);
                }
                criteria.add(new RecordFinder.Criterion(each.field(), each.op(), value));
            }
            for (FormulaContext candidate : run.find(form, criteria, excludeSelf, CANDIDATES)) {
                if (when == null || holds(when, candidate)) {
                    return found(run, candidate);
                }
            }
            return found(run, null);
        }

        private boolean found(RunContext run, FormulaContext match) {
            if (as != null) {
                run.found(as, match);
            }
            return match != null;
        }
    }

    /** Whether a formula gives TRUE; blank is FALSE, anything but TRUE, FALSE or blank an error. */
    private static boolean holds(Expression expression, FormulaContext context) {
        Object result = expression.evaluate(context);
        if (result == null || result instanceof Boolean) {
            return Boolean.TRUE.equals(result);
        }
        throw new IllegalArgumentException("The condition gives " + RuleValues.text(result) + ", not TRUE or FALSE");
    }

    /** A formula that must give TRUE; blank counts as FALSE, as in the formula language's own conditions. */
    record Formula(String pointer, Expression expression) implements Leaf {
        @Override
        public void reads(java.util.Set<String> paths) {
            paths.addAll(expression.references());
        }


        @Override
        public boolean test(FormulaContext context) {
            return holds(expression, context);
        }
    }
}
