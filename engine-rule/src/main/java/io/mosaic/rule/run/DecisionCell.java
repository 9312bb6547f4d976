package io.mosaic.rule.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A decision table's input cell as the set of column values it accepts, so that rows can be matched, intersected
 * (overlaps) and combined (gaps). Number and date columns are {@link Ordered}: a union of intervals over numbers
 * (dates as day numbers). Text and boolean columns are {@link Categories}: a finite set, or all values but a set.
 * A blank input matches only cells that accept "anything but …" (any, ne, or for text everything outside a list).
 */
sealed interface DecisionCell {

    boolean matches(Object value);

    /** Whether the cell accepts every value of its column. */
    boolean isAny();

    DecisionCell intersect(DecisionCell other);

    boolean isEmpty();

    boolean within(DecisionCell other);

    /** For messages: {@code < 0}, {@code 100000 to under 150000}, {@code 'A' or 'B'}, {@code other than 'D'}. */
    String describe();

    /** Reads a cell of a column of {@code type} (number, date, text, boolean) as validated by the schema. */
    static DecisionCell of(JsonNode cell, String type) {
        String op = cell.path("op").asText();
        if ("number".equals(type) || "date".equals(type)) {
            boolean dates = "date".equals(type);
            return switch (op) {
                case "any" -> Ordered.all(dates);
                case "eq" -> Ordered.of(dates, Interval.point(key(cell.get("value"), dates)));
                case "ne" -> {
                    BigDecimal v = key(cell.get("value"), dates);
                    yield Ordered.of(dates, new Interval(null, false, v, false), new Interval(v, false, null, false));
                }
                case "gt" -> Ordered.of(dates, new Interval(key(cell.get("value"), dates), false, null, false));
                case "gte" -> Ordered.of(dates, new Interval(key(cell.get("value"), dates), true, null, false));
                case "lt" -> Ordered.of(dates, new Interval(null, false, key(cell.get("value"), dates), false));
                case "lte" -> Ordered.of(dates, new Interval(null, false, key(cell.get("value"), dates), true));
                case "between" -> Ordered.of(dates, new Interval(key(cell.get("min"), dates),
                        cell.path("minInclusive").asBoolean(true), key(cell.get("max"), dates),
                        cell.path("maxInclusive").asBoolean(true)));
                case "in" -> {
                    List<Interval> points = new ArrayList<>();
                    cell.get("values").forEach(v -> points.add(Interval.point(key(v, dates))));
                    yield Ordered.of(dates, points.toArray(Interval[]::new));
                }
                default -> throw new IllegalArgumentException("No cell operator " + op);
            };
        }
        Set<String> domain = "boolean".equals(type) ? Set.of("true", "false") : null;
        return switch (op) {
            case "any" -> Categories.of(domain, Set.of(), true);
            case "eq" -> Categories.of(domain, Set.of(cell.get("value").asText()), false);
            case "ne" -> Categories.of(domain, Set.of(cell.get("value").asText()), true);
            case "in" -> {
                Set<String> values = new TreeSet<>();
                cell.get("values").forEach(v -> values.add(v.asText()));
                yield Categories.of(domain, values, false);
            }
            default -> throw new IllegalArgumentException("No cell operator " + op + " on " + type);
        };
    }

    /** A cell literal as the ordered key it is compared by. */
    private static BigDecimal key(JsonNode value, boolean dates) {
        return dates ? BigDecimal.valueOf(LocalDate.parse(value.asText()).toEpochDay()) : value.decimalValue();
    }

    /**
     * An input value as cells of a column of {@code type} compare it: BigDecimal for numbers, the day number for
     * dates, text for text, "true"/"false" for booleans; null when blank or not of the column's kind.
     */
    static Object columnValue(Object value, String type) {
        Object normalized = RuleValues.normalize(value);
        return switch (type) {
            case "number" -> normalized instanceof BigDecimal ? normalized
                    : normalized instanceof String text ? parseNumber(text) : null;
            case "date" -> normalized instanceof LocalDate date ? BigDecimal.valueOf(date.toEpochDay()) : null;
            case "boolean" -> normalized instanceof Boolean b ? b.toString()
                    : "true".equals(normalized) || "false".equals(normalized) ? normalized : null;
            default -> normalized == null ? null : RuleValues.text(normalized);
        };
    }

    private static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Bounds are null when unbounded (and then never inclusive). */
    record Interval(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) {

        static Interval point(BigDecimal value) {
            return new Interval(value, true, value, true);
        }

        boolean contains(BigDecimal v) {
            if (low != null) {
                int c = v.compareTo(low);
                if (c < 0 || c == 0 && !lowIncluded) {
                    return false;
                }
            }
            if (high != null) {
                int c = v.compareTo(high);
                return c < 0 || c == 0 && highIncluded;
            }
            return true;
        }

        boolean isEmpty() {
            if (low == null || high == null) {
                return false;
            }
            int c = low.compareTo(high);
            return c > 0 || c == 0 && !(lowIncluded && highIncluded);
        }

        Interval intersect(Interval other) {
            BigDecimal lo;
            boolean loInc;
            if (low == null || other.low != null && other.low.compareTo(low) > 0) {
                lo = other.low;
                loInc = other.lowIncluded;
            } else if (other.low == null || low.compareTo(other.low) > 0) {
                lo = low;
                loInc = lowIncluded;
            } else {
                lo = low;
                loInc = lowIncluded && other.lowIncluded;
            }
            BigDecimal hi;
            boolean hiInc;
            if (high == null || other.high != null && other.high.compareTo(high) < 0) {
                hi = other.high;
                hiInc = other.highIncluded;
            } else if (other.high == null || high.compareTo(other.high) < 0) {
                hi = high;
                hiInc = highIncluded;
            } else {
                hi = high;
                hiInc = highIncluded && other.highIncluded;
            }
            return new Interval(lo, loInc, hi, hiInc);
        }

        /** Whether this interval lies inside {@code other}. */
        boolean within(Interval other) {
            if (other.low != null) {
                if (low == null) {
                    return false;
                }
                int c = low.compareTo(other.low);
                if (c < 0 || c == 0 && lowIncluded && !other.lowIncluded) {
                    return false;
                }
            }
            if (other.high != null) {
                if (high == null) {
                    return false;
                }
                int c = high.compareTo(other.high);
                return c < 0 || c == 0 && (!highIncluded || other.highIncluded);
            }
            return true;
        }

        /** Whether this interval and the next one (starting at or after this one's start) overlap or touch. */
        boolean joins(Interval next) {
            if (high == null || next.low == null) {
                return true;
            }
            int c = next.low.compareTo(high);
            return c < 0 || c == 0 && (highIncluded || next.lowIncluded);
        }

        String describe(boolean dates) {
            if (low == null && high == null) {
                return "any";
            }
            if (low != null && high != null && low.compareTo(high) == 0) {
                return "= " + show(low, dates);
            }
            if (low == null) {
                return (highIncluded ? "≤ " : "< ") + show(high, dates);
            }
            if (high == null) {
                return (lowIncluded ? "≥ " : "> ") + show(low, dates);
            }
            return (lowIncluded ? "" : "over ") + show(low, dates) + (lowIncluded && highIncluded ? "–" : " to ")
                    + (highIncluded ? "" : "under ") + show(high, dates);
        }

        static String show(BigDecimal value, boolean dates) {
            return dates ? LocalDate.ofEpochDay(value.longValueExact()).toString()
                    : RuleValues.text(value);
        }
    }

    /** A union of disjoint intervals in ascending order, touching ones merged. */
    record Ordered(boolean dates, List<Interval> intervals) implements DecisionCell {

        static Ordered all(boolean dates) {
            return new Ordered(dates, List.of(new Interval(null, false, null, false)));
        }

        static Ordered of(boolean dates, Interval... intervals) {
            List<Interval> sorted = new ArrayList<>();
            for (Interval interval : intervals) {
                if (!interval.isEmpty()) {
                    sorted.add(interval);
                }
            }
            sorted.sort(Comparator.comparing((Interval i) -> i.low(), Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(i -> !i.lowIncluded()));
            List<Interval> merged = new ArrayList<>();
            for (Interval interval : sorted) {
                if (!merged.isEmpty() && merged.get(merged.size() - 1).joins(interval)) {
                    Interval last = merged.remove(merged.size() - 1);
                    boolean extends_ = last.high() != null && (interval.high() == null
                            || interval.high().compareTo(last.high()) > 0
                            || interval.high().compareTo(last.high()) == 0 && interval.highIncluded());
                    merged.add(extends_ ? new Interval(last.low(), last.lowIncluded(), interval.high(),
                            interval.highIncluded()) : last);
                } else {
                    merged.add(interval);
                }
            }
            return new Ordered(dates, List.copyOf(merged));
        }

        @Override
        public boolean matches(Object value) {
            if (!(value instanceof BigDecimal v)) {
                return false;
            }
            for (Interval interval : intervals) {
                if (interval.contains(v)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isAny() {
            return intervals.size() == 1 && intervals.get(0).low() == null && intervals.get(0).high() == null;
        }

        @Override
        public DecisionCell intersect(DecisionCell other) {
            List<Interval> parts = new ArrayList<>();
            for (Interval a : intervals) {
                for (Interval b : ((Ordered) other).intervals) {
                    parts.add(a.intersect(b));
                }
            }
            return of(dates, parts.toArray(Interval[]::new));
        }

        @Override
        public boolean isEmpty() {
            return intervals.isEmpty();
        }

        @Override
        public boolean within(DecisionCell other) {
            for (Interval a : intervals) {
                if (((Ordered) other).intervals.stream().noneMatch(a::within)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            intervals.forEach(i -> parts.add(i.describe(dates)));
            return String.join(" or ", parts);
        }
    }

    /**
     * Text or boolean values: {@code values} itself, or with {@code complement} every value but those. Boolean
     * cells are kept finite (over true/false), so "not true" is the set {false}.
     */
    record Categories(Set<String> values, boolean complement) implements DecisionCell {

        static Categories of(Set<String> domain, Set<String> values, boolean complement) {
            if (domain != null && complement) {
                Set<String> rest = new TreeSet<>(domain);
                rest.removeAll(values);
                return new Categories(Set.copyOf(rest), false);
            }
            return new Categories(Set.copyOf(values), complement);
        }

        @Override
        public boolean matches(Object value) {
            if (value == null) {
                return complement;
            }
            return values.contains(value) != complement;
        }

        @Override
        public boolean isAny() {
            return complement && values.isEmpty() || !complement && values.equals(Set.of("true", "false"));
        }

        @Override
        public DecisionCell intersect(DecisionCell other) {
            Categories that = (Categories) other;
            Set<String> result = new TreeSet<>();
            if (!complement && !that.complement) {
                values.stream().filter(that.values::contains).forEach(result::add);
                return new Categories(Set.copyOf(result), false);
            }
            if (complement && that.complement) {
                result.addAll(values);
                result.addAll(that.values);
                return new Categories(Set.copyOf(result), true);
            }
            Categories finite = complement ? that : this;
            Categories excluded = complement ? this : that;
            finite.values.stream().filter(v -> !excluded.values.contains(v)).forEach(result::add);
            return new Categories(Set.copyOf(result), false);
        }

        @Override
        public boolean isEmpty() {
            return !complement && values.isEmpty();
        }

        @Override
        public boolean within(DecisionCell other) {
            Categories that = (Categories) other;
            if (!complement) {
                return values.stream().allMatch(that::matches);
            }
            return that.complement && values.containsAll(that.values);
        }

        @Override
        public String describe() {
            String listed = quoted(values);
            return complement ? "other than " + listed : listed;
        }

        static String quoted(Set<String> values) {
            List<String> parts = new ArrayList<>();
            new TreeSet<>(values).forEach(v -> parts.add("'" + v + "'"));
            return String.join(" or ", parts);
        }
    }
}
