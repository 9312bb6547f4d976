package io.mosaic.report.run;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Date buckets: the SQL that groups by one (an integer key such as {@code 202603} for a month, which sorts in time
 * order and reads the same on H2 and MySQL; a week is its Monday) and the text a result shows for it
 * ({@code 2026-03-09}, {@code 2026-03}, {@code 2026-Q1}, {@code 2026}), and back from that text to the days it covers
 * for a drill-down. {@code month_of_year} ({@code 01}…{@code 12}) puts the same month of different years together,
 * for a year-on-year comparison by a second dimension {@code year}; it covers no one span of days.
 */
final class Buckets {

    private Buckets() {
    }

    static String sql(String bucket, String column, SqlDialect dialect) {
        return switch (bucket) {
            case "day" -> "CAST(" + column + " AS DATE)";
            case "week" -> dialect.weekStart(column);
            case "month" -> "YEAR(" + column + ") * 100 + MONTH(" + column + ")";
            case "quarter" -> "YEAR(" + column + ") * 10 + QUARTER(" + column + ")";
            case "year" -> "YEAR(" + column + ")";
            case "month_of_year" -> "MONTH(" + column + ")";
            default -> throw new IllegalArgumentException("Not a date bucket: " + bucket);
        };
    }

    static String label(String bucket, Object raw) {
        return switch (bucket) {
            case "day", "week" -> CompiledDataset.plain(raw).toString().substring(0, 10);
            case "month" -> {
                long key = ((Number) raw).longValue();
                yield String.format("%04d-%02d", key / 100, key % 100);
            }
            case "quarter" -> {
                long key = ((Number) raw).longValue();
                yield (key / 10) + "-Q" + (key % 10);
            }
            case "month_of_year" -> String.format("%02d", ((Number) raw).longValue());
            default -> String.valueOf(((Number) raw).longValue());
        };
    }

    /** The days {@code [start, end)} a bucket's label covers, or empty when the text is no such label. */
    static Optional<Period> days(String bucket, String label) {
        try {
            switch (bucket) {
                case "day": {
                    LocalDate day = LocalDate.parse(label);
                    return Optional.of(Period.days(day, day.plusDays(1)));
                }
                case "week": {
                    LocalDate monday = LocalDate.parse(label);
                    return Optional.of(Period.days(monday, monday.plusWeeks(1)));
                }
                case "month": {
                    LocalDate first = LocalDate.parse(label + "-01");
                    return Optional.of(Period.days(first, first.plusMonths(1)));
                }
                case "quarter": {
                    int year = Integer.parseInt(label.substring(0, 4));
                    int quarter = Integer.parseInt(label.substring(6));
                    LocalDate first = LocalDate.of(year, quarter * 3 - 2, 1);
                    return Optional.of(Period.days(first, first.plusMonths(3)));
                }
                case "month_of_year":
                    return Optional.empty();
                default: {
                    LocalDate first = LocalDate.of(Integer.parseInt(label), 1, 1);
                    return Optional.of(Period.days(first, first.plusYears(1)));
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
