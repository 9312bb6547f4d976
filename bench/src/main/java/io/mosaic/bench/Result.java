package io.mosaic.bench;

import java.util.List;
import java.util.Locale;

/**
 * What a benchmark measured. Both values are costs in the same unit (lower is better), so the
 * ratio platform/baseline above 1 says how many times slower the platform is. {@code notes} are
 * further figures (latency percentiles, data sizes) printed under the result line.
 */
public record Result(double platform, double baseline, String unit, List<String> notes) {

    public Result {
        if (!(platform > 0) || !(baseline > 0)) {
            throw new IllegalArgumentException("Measurements must be positive: platform " + platform
                    + ", baseline " + baseline);
        }
        notes = List.copyOf(notes);
    }

    public Result(double platform, double baseline, String unit) {
        this(platform, baseline, unit, List.of());
    }

    public double ratio() {
        return platform / baseline;
    }

    /** The one line {@code bench/run} prints for a benchmark. */
    public String line(String name) {
        return String.format(Locale.ROOT, "bench %s ratio=%.2f platform=%s %s baseline=%s %s",
                name, ratio(), number(platform), unit, number(baseline), unit);
    }

    static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
