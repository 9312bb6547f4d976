package io.mosaic.report.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The chart types a report may use, each with how many dimensions and measures it shows and its options. */
public enum ChartType {
    BAR(1, 2, 1, 10, Set.of("stacked", "horizontal")),
    LINE(1, 2, 1, 10, Set.of("smooth")),
    AREA(1, 2, 1, 10, Set.of("stacked", "smooth")),
    PIE(1, 1, 1, 1, Set.of()),
    DONUT(1, 1, 1, 1, Set.of()),
    FUNNEL(1, 1, 1, 1, Set.of()),
    RANKING(1, 1, 1, 10, Set.of("showRankChange")),
    KPI(0, 0, 1, 1, Set.of()),
    PIVOT(1, 3, 1, 10, Set.of("subtotals", "spread")),
    SCATTER(1, 1, 2, 2, Set.of()),
    GAUGE(0, 0, 1, 1, Set.of("min", "max"));

    private final int minDimensions;
    private final int maxDimensions;
    private final int minMeasures;
    private final int maxMeasures;
    private final Set<String> options;

    ChartType(int minDimensions, int maxDimensions, int minMeasures, int maxMeasures, Set<String> options) {
        this.minDimensions = minDimensions;
        this.maxDimensions = maxDimensions;
        this.minMeasures = minMeasures;
        this.maxMeasures = maxMeasures;
        this.options = options;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean showsDimensions(int count) {
        return count >= minDimensions && count <= maxDimensions;
    }

    public boolean showsMeasures(int count) {
        return count >= minMeasures && count <= maxMeasures;
    }

    /** Human description of what the chart shows, for messages. */
    public String dimensionRange() {
        return range(minDimensions, maxDimensions);
    }

    public String measureRange() {
        return range(minMeasures, maxMeasures);
    }

    /** Options of {@code chart} that this type understands, besides {@code type}. */
    public boolean takesOption(String option) {
        return options.contains(option);
    }

    public static Optional<ChartType> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }

    private static String range(int min, int max) {
        return min == max ? String.valueOf(min) : min + " to " + max;
    }
}
