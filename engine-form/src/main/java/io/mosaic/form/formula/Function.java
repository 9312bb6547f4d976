package io.mosaic.form.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The built-in functions: the only things a formula can call. */
enum Function {
    IF(2, 3) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            if (call.condition(0, scope)) {
                return call.scalar(1, scope);
            }
            return call.arguments.size() == 3 ? call.scalar(2, scope) : null;
        }
    },
    /** Pairs of condition and value; the value of the first condition that holds. */
    IFS(2, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            for (int i = 0; i < call.arguments.size(); i += 2) {
                if (call.condition(i, scope)) {
                    return call.scalar(i + 1, scope);
                }
            }
            throw call.fail(FormulaException.Code.NO_MATCH, "No condition of the IFS holds");
        }
    },
    AND(1, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            for (int i = 0; i < call.arguments.size(); i++) {
                if (!call.condition(i, scope)) {
                    return false;
                }
            }
            return true;
        }
    },
    OR(1, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            for (int i = 0; i < call.arguments.size(); i++) {
                if (call.condition(i, scope)) {
                    return true;
                }
            }
            return false;
        }
    },
    NOT(1, 1) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return !call.condition(0, scope);
        }
    },
    /** Half away from zero, to between -10 and 10 decimal places (0 if not given). */
    ROUND(1, 2) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            BigDecimal number = call.number(0, scope);
            int places = 0;
            if (call.arguments.size() == 2) {
                BigDecimal given = call.number(1, scope);
                if (given.stripTrailingZeros().scale() > 0
                        || given.abs().compareTo(BigDecimal.valueOf(Values.SCALE)) > 0) {
                    throw call.fail(FormulaException.Code.INVALID_ARGUMENT, "ROUND takes a whole number of "
                            + "places from -10 to 10, not " + Values.text(given));
                }
                places = given.intValueExact();
            }
            return Values.number(number.setScale(places, RoundingMode.HALF_UP));
        }
    },
    ABS(1, 1) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return call.number(0, scope).abs();
        }
    },
    SUM(1, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return numbers(call, scope).stream().reduce(Values.number(BigDecimal.ZERO), BigDecimal::add);
        }
    },
    AVG(1, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            List<BigDecimal> numbers = numbers(call, scope);
            BigDecimal sum = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return Operator.divide(sum, BigDecimal.valueOf(numbers.size()), call);
        }
    },
    /** Values that are not blank, of any kind. */
    COUNT(1, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return Values.number(BigDecimal.valueOf(flatten(call, scope).size()));
        }
    },
    MIN(1, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return numbers(call, scope).stream().min(BigDecimal::compareTo).orElse(Values.number(BigDecimal.ZERO));
        }
    },
    MAX(1, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return numbers(call, scope).stream().max(BigDecimal::compareTo).orElse(Values.number(BigDecimal.ZERO));
        }
    },
    TODAY(0, 0) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return scope.today();
        }
    },
    /** Whole days, months or years from start to end; blank if either is blank. */
    DATEDIF(3, 3) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            LocalDate start = call.date(0, scope);
            LocalDate end = call.date(1, scope);
            Object unit = call.scalar(2, scope);
            ChronoUnit chronoUnit = unit instanceof String text ? DATEDIF_UNITS.get(text.toLowerCase(Locale.ROOT)) : null;
            if (chronoUnit == null) {
                throw call.fail(FormulaException.Code.INVALID_ARGUMENT, "DATEDIF counts in \"d\", \"m\" or \"y\", not "
                        + (unit instanceof String ? "\"" + unit + "\"" : Values.typeName(unit)));
            }
            if (start == null || end == null) {
                return null;
            }
            if (start.isAfter(end)) {
                throw call.fail(FormulaException.Code.INVALID_ARGUMENT, "DATEDIF needs a start date no later than its end date");
            }
            return Values.number(BigDecimal.valueOf(chronoUnit.between(start, end)));
        }
    },
    CONCAT(1, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            StringBuilder text = new StringBuilder();
            for (Node argument : call.arguments) {
                Object value = argument.evaluate(scope);
                for (Object each : value instanceof Values.Column column ? column.values() : Arrays.asList(value)) {
                    text.append(Values.text(each));
                }
            }
            return text.toString();
        }
    },
    /** In characters (Unicode code points), of the value as text. */
    LEN(1, 1) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            String text = Values.text(call.scalar(0, scope));
            return Values.number(BigDecimal.valueOf(text.codePointCount(0, text.length())));
        }
    },
    UPPER(1, 1) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return Values.text(call.scalar(0, scope)).toUpperCase(Locale.ROOT);
        }
    },
    LOWER(1, 1) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return Values.text(call.scalar(0, scope)).toLowerCase(Locale.ROOT);
        }
    },
    ISBLANK(1, 1) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            return call.scalar(0, scope) == null;
        }
    },
    /**
     * A field of another form's record found by its key fields: {@code LOOKUP(form, field, key1, value1, …)}. The
     * parser has made sure form, field and keys are written as text; blank when a value is blank or nothing matches.
     */
    LOOKUP(4, Function.MANY) {
        @Override
        Object apply(Node.Call call, Scope scope) {
            Map<String, Object> keys = new LinkedHashMap<>();
            for (int i = 2; i < call.arguments.size(); i += 2) {
                Object value = call.scalar(i + 1, scope);
                if (value == null) {
                    return null;
                }
                keys.put((String) call.scalar(i, scope), Values.result(value));
            }
            String form = (String) call.scalar(0, scope);
            String field = (String) call.scalar(1, scope);
            Object found = Values.fromContext(scope.context.match(form, field, keys), form + "." + field, call);
            if (found instanceof Values.Column) {
                throw call.fail(FormulaException.Code.TYPE, "LOOKUP reads one value, not the sub-table column " + field);
            }
            return found;
        }
    };

    static final int MANY = Integer.MAX_VALUE;

    private static final Map<String, ChronoUnit> DATEDIF_UNITS = Map.of(
            "d", ChronoUnit.DAYS, "m", ChronoUnit.MONTHS, "y", ChronoUnit.YEARS);

    private static final Map<String, Function> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Function::name, f -> f));

    final int minArguments;
    final int maxArguments;

    Function(int minArguments, int maxArguments) {
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    abstract Object apply(Node.Call call, Scope scope);

    /** Function names are not case-sensitive. */
    static Function named(String name) {
        return BY_NAME.get(name.toUpperCase(Locale.ROOT));
    }

    /** Null if the count is right, else why not. */
    String arityProblem(int count) {
        boolean pairs = this == IFS || this == LOOKUP;
        if (count >= minArguments && count <= maxArguments && (!pairs || count % 2 == 0)) {
            return null;
        }
        String takes = this == LOOKUP ? "a form, a field, then pairs of key field and value"
                : pairs ? "pairs of condition and value"
                : minArguments == maxArguments ? minArguments + " argument" + (minArguments == 1 ? "" : "s")
                : maxArguments == MANY ? "at least " + minArguments + " argument" + (minArguments == 1 ? "" : "s")
                : minArguments + " to " + maxArguments + " arguments";
        return name() + " takes " + takes + ", not " + count;
    }

    /** The non-blank values of all arguments, sub-table columns spread out. */
    private static List<Object> flatten(Node.Call call, Scope scope) {
        List<Object> values = new ArrayList<>();
        for (Node argument : call.arguments) {
            Object value = argument.evaluate(scope);
            if (value instanceof Values.Column column) {
                column.values().stream().filter(v -> v != null).forEach(values::add);
            } else if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static List<BigDecimal> numbers(Node.Call call, Scope scope) {
        List<BigDecimal> numbers = new ArrayList<>();
        for (Object value : flatten(call, scope)) {
            if (!(value instanceof BigDecimal number)) {
                throw call.fail(FormulaException.Code.TYPE, call.function().name() + " needs numbers, not "
                        + Values.typeName(value));
            }
            numbers.add(number);
        }
        return numbers;
    }
}
