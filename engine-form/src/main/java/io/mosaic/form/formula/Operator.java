package io.mosaic.form.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** The infix operators, by the precedence level the parser gives them. */
enum Operator {
    EQUAL("=", 0), NOT_EQUAL("<>", 0), LESS("<", 0), LESS_OR_EQUAL("<=", 0), GREATER(">", 0), GREATER_OR_EQUAL(">=", 0),
    CONCATENATE("&", 1),
    ADD("+", 2), SUBTRACT("-", 2),
    MULTIPLY("*", 3), DIVIDE("/", 3);

    static final int LEVELS = 4;

    final String symbol;
    final int level;

    Operator(String symbol, int level) {
        this.symbol = symbol;
        this.level = level;
    }

    static Operator of(String symbol, int level) {
        for (Operator operator : values()) {
            if (operator.level == level && operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        return null;
    }

    Object apply(Object left, Object right, Node at) {
        return switch (this) {
            case CONCATENATE -> Values.text(left) + Values.text(right);
            case ADD -> Values.number(number(left, at, symbol).add(number(right, at, symbol)));
            case SUBTRACT -> Values.number(number(left, at, symbol).subtract(number(right, at, symbol)));
            case MULTIPLY -> Values.number(number(left, at, symbol).multiply(number(right, at, symbol)));
            case DIVIDE -> divide(number(left, at, symbol), number(right, at, symbol), at);
            case EQUAL, NOT_EQUAL -> equal(left, right, at) == (this == EQUAL);
            case LESS -> compare(left, right, at) < 0;
            case LESS_OR_EQUAL -> compare(left, right, at) <= 0;
            case GREATER -> compare(left, right, at) > 0;
            case GREATER_OR_EQUAL -> compare(left, right, at) >= 0;
        };
    }

    /** A number for an arithmetic operation: blank counts as zero, anything else that is not a number is refused. */
    static BigDecimal number(Object value, Node at, String operation) {
        if (value == null) {
            return Values.number(BigDecimal.ZERO);
        }
        if (value instanceof BigDecimal number) {
            return number;
        }
        throw at.fail(FormulaException.Code.TYPE, operation + " needs numbers, not " + Values.typeName(value));
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, Node at) {
        if (divisor.signum() == 0) {
            throw at.fail(FormulaException.Code.DIVISION_BY_ZERO, "Division by zero");
        }
        return dividend.divide(divisor, Values.SCALE, RoundingMode.HALF_UP);
    }

    /** A blank equals only a blank, zero, empty text or FALSE; a date is never equal to a blank. */
    private boolean equal(Object left, Object right, Node at) {
        if ((left == null) != (right == null) && (left instanceof LocalDate || right instanceof LocalDate)) {
            return false;
        }
        return compare(left, right, at) == 0;
    }

    /**
     * Orders two values of the same kind. A blank stands for the other side's zero (0, "", FALSE); text that is an
     * ISO date is compared with a date as that date; other mixes are refused rather than guessed at.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object left, Object right, Node at) {
        if (left == null && right == null) {
            return 0;
        }
        Object a = left == null ? zeroLike(right, at) : left;
        Object b = right == null ? zeroLike(left, at) : right;
        if (a instanceof LocalDate && b instanceof String text && Values.isoDate(text) != null) {
            b = Values.isoDate(text);
        } else if (b instanceof LocalDate && a instanceof String text && Values.isoDate(text) != null) {
            a = Values.isoDate(text);
        }
        if (a.getClass() != b.getClass()) {
            throw at.fail(FormulaException.Code.TYPE, "Cannot compare " + Values.typeName(a) + " with "
                    + Values.typeName(b));
        }
        return Integer.signum(((Comparable) a).compareTo(b));
    }

    private Object zeroLike(Object other, Node at) {
        if (other instanceof BigDecimal) {
            return Values.number(BigDecimal.ZERO);
        }
        if (other instanceof String) {
            return "";
        }
        if (other instanceof Boolean) {
            return Boolean.FALSE;
        }
        throw at.fail(FormulaException.Code.TYPE, "Cannot order a blank against " + Values.typeName(other)
                + "; test it with ISBLANK first");
    }
}
