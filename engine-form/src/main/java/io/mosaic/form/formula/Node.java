package io.mosaic.form.formula;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A node of the syntax tree; evaluating it walks the tree, nothing else runs. */
abstract class Node {

    /** Where in the text the node's operation is, for errors. */
    final int position;

    Node(int position) {
        this.position = position;
    }

    abstract Object evaluate(Scope scope);

    void collectReferences(Set<String> into) {
    }

    FormulaException fail(FormulaException.Code code, String detail) {
        return new FormulaException(code, position, detail);
    }

    /** Evaluates to a single value: a sub-table column is refused. */
    final Object scalar(Scope scope) {
        Object value = evaluate(scope);
        if (value instanceof Values.Column) {
            throw fail(FormulaException.Code.TYPE, "A sub-table column is a list of values; use it inside "
                    + "SUM, AVG, COUNT, MIN, MAX or CONCAT");
        }
        return value;
    }

    static final class Literal extends Node {
        private final Object value;

        Literal(int position, Object value) {
            super(position);
            this.value = value;
        }

        @Override
        Object evaluate(Scope scope) {
            return value;
        }

        Object value() {
            return value;
        }
    }

    static final class Reference extends Node {
        private final String path;

        Reference(int position, String path) {
            super(position);
            this.path = path;
        }

        @Override
        Object evaluate(Scope scope) {
            if (!scope.context.has(path)) {
                throw fail(FormulaException.Code.UNKNOWN_REFERENCE, "'" + path + "' is not a field of this form");
            }
            return Values.fromContext(scope.context.value(path), path, this);
        }

        @Override
        void collectReferences(Set<String> into) {
            into.add(path);
        }
    }

    static final class Negation extends Node {
        private final Node operand;

        Negation(int position, Node operand) {
            super(position);
            this.operand = operand;
        }

        @Override
        Object evaluate(Scope scope) {
            return Operator.number(operand.scalar(scope), this, "-").negate();
        }

        @Override
        void collectReferences(Set<String> into) {
            operand.collectReferences(into);
        }
    }

    static final class Binary extends Node {
        private final Operator operator;
        private final Node left;
        private final Node right;

        Binary(int position, Operator operator, Node left, Node right) {
            super(position);
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        Object evaluate(Scope scope) {
            return operator.apply(left.scalar(scope), right.scalar(scope), this);
        }

        @Override
        void collectReferences(Set<String> into) {
            left.collectReferences(into);
            right.collectReferences(into);
        }
    }

    static final class Call extends Node {
        private final Function function;
        final List<Node> arguments;

        Call(int position, Function function, List<Node> arguments) {
            super(position);
            this.function = function;
            this.arguments = List.copyOf(arguments);
        }

        @Override
        Object evaluate(Scope scope) {
            return function.apply(this, scope);
        }

        Function function() {
            return function;
        }

        Object scalar(int argument, Scope scope) {
            return arguments.get(argument).scalar(scope);
        }

        BigDecimal number(int argument, Scope scope) {
            return Operator.number(scalar(argument, scope), this, function.name());
        }

        boolean condition(int argument, Scope scope) {
            Object value = scalar(argument, scope);
            if (value == null || value instanceof Boolean) {
                return Boolean.TRUE.equals(value);
            }
            throw fail(FormulaException.Code.TYPE, function.name() + " needs TRUE or FALSE, not "
                    + Values.typeName(value));
        }

        /** A date, from a date or an ISO date text; null when blank. */
        LocalDate date(int argument, Scope scope) {
            Object value = scalar(argument, scope);
            if (value == null || value instanceof LocalDate) {
                return (LocalDate) value;
            }
            LocalDate date = value instanceof String text ? Values.isoDate(text) : null;
            if (date == null) {
                throw fail(FormulaException.Code.TYPE, function.name() + " needs a date, not "
                        + Values.typeName(value));
            }
            return date;
        }

        @Override
        void collectReferences(Set<String> into) {
            arguments.forEach(argument -> argument.collectReferences(into));
        }
    }
}
