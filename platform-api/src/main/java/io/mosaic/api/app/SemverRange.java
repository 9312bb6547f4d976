package io.mosaic.api.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of versions written as space-separated comparators that must all hold, such as
 * {@code ">=0.1.0 <1.0.0"}. Operators: {@code >=}, {@code >}, {@code <=}, {@code <}, {@code =}
 * (a bare version means {@code =}). An empty range, or {@code *}, admits every version.
 */
public final class SemverRange {

    private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|=)?(\\S+)");

    private final String text;
    private final List<Comparator> comparators;

    private SemverRange(String text, List<Comparator> comparators) {
        this.text = text;
        this.comparators = List.copyOf(comparators);
    }

    /**
     * @throws IllegalArgumentException when a comparator's operator or version is malformed
     */
    public static SemverRange parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equals("*")) {
            return new SemverRange(trimmed, List.of());
        }
        List<Comparator> comparators = new ArrayList<>();
        for (String part : trimmed.split("\\s+")) {
            Matcher m = COMPARATOR.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part + "' is not a version comparator such as >=1.0.0");
            }
            Semver version;
            try {
                version = Semver.parse(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + part + "' in range '" + trimmed
                        + "' is not a comparator such as >=1.0.0: " + e.getMessage(), e);
            }
            comparators.add(new Comparator(Operator.of(m.group(1)), version));
        }
        return new SemverRange(trimmed, comparators);
    }

    public boolean satisfiedBy(Semver version) {
        return comparators.stream().allMatch(c -> c.admits(version));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemverRange other && comparators.equals(other.comparators);
    }

    @Override
    public int hashCode() {
        return comparators.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private enum Operator {
        GE(">="), GT(">"), LE("<="), LT("<"), EQ("=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        static Operator of(String symbol) {
            for (Operator op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return EQ;
        }
    }

    private record Comparator(Operator op, Semver version) {
        boolean admits(Semver candidate) {
            int c = candidate.compareTo(version);
            return switch (op) {
                case GE -> c >= 0;
                case GT -> c > 0;
                case LE -> c <= 0;
                case LT -> c < 0;
                case EQ -> c == 0;
            };
        }
    }
}
