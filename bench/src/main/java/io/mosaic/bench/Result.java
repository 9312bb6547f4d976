package io.mosaic.bench;

import java.util.Locale;

/**
 * What a benchmark measured. Both values are costs in the same unit (lower is better), so the
 * ratio platform/baseline above 1 says how many times slower the platform is.
 */
public record Result(double platform, double baseline, String unit) {

    public Result {
        if (!(platform > 0) || !(baseline > 0)) {
            throw new IllegalArgumentException("Measurements must be positive: platform " + platform
                    + ", baseline " + baseline);
        }
    }

    public double ratio() {
        return platform / baseline;
    }

    /** The one line {@code bench/run} prints for a benchmark. */
    public String line(String name) {
        return String.format(Locale.ROOT, "bench %s ratio=%.2f platform=%s %s baseline=%s %s",
                name, ratio(), number(platform), unit, number(baseline), unit);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
