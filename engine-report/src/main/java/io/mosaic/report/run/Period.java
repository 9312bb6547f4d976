package io.mosaic.report.run;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A span of days {@code [start, end)} and the step that moves it to its previous period: a calendar month steps
 * back a month, any other span by its own length.
 */
record Period(LocalDate start, LocalDate end, long amount, ChronoUnit unit) {

    static Period days(LocalDate start, LocalDate endExclusive) {
        if (start.getDayOfMonth() == 1 && endExclusive.getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(start, endExclusive);
            if (months > 0 && start.plusMonths(months).equals(endExclusive)) {
                return new Period(start, endExclusive, months, ChronoUnit.MONTHS);
            }
        }
        return new Period(start, endExclusive, Math.max(1, ChronoUnit.DAYS.between(start, endExclusive)), ChronoUnit.DAYS);
    }

    /**
     * The period a relative date filter means on {@code today}: {@code last_n_days} ends with today;
     * {@code previous_period} is the {@code days} before the last {@code days}, or the previous calendar month when
     * no days are given.
     */
    static Period relative(String relative, Integer days, LocalDate today) {
        switch (relative) {
            case "today":
                return new Period(today, today.plusDays(1), 1, ChronoUnit.DAYS);
            case "this_week": {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new Period(monday, monday.plusWeeks(1), 1, ChronoUnit.WEEKS);
            }
            case "this_month": {
                LocalDate first = today.withDayOfMonth(1);
                return new Period(first, first.plusMonths(1), 1, ChronoUnit.MONTHS);
            }
            case "this_quarter": {
                LocalDate first = today.with(IsoFields.DAY_OF_QUARTER, 1);
                return new Period(first, first.plusMonths(3), 3, ChronoUnit.MONTHS);
            }
            case "this_year": {
                LocalDate first = today.withDayOfYear(1);
                return new Period(first, first.plusYears(1), 1, ChronoUnit.YEARS);
            }
            case "last_n_days":
                return new Period(today.minusDays(days - 1L), today.plusDays(1), days, ChronoUnit.DAYS);
            case "previous_period":
                return days == null ? relative("this_month", null, today).previous()
                        : relative("last_n_days", days, today).previous();
            default:
                throw new IllegalArgumentException("Not a relative period: " + relative);
        }
    }

    Period previous() {
        return new Period(start.minus(amount, unit), end.minus(amount, unit), amount, unit);
    }

    Period sameLastYear() {
        return new Period(start.minusYears(1), end.minusYears(1), amount, unit);
    }

    /** {@code previous_period} or {@code same_period_last_year}. */
    Period compared(String compare) {
        return "same_period_last_year".equals(compare) ? sameLastYear() : previous();
    }
}
