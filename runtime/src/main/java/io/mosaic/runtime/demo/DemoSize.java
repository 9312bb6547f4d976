package io.mosaic.runtime.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much demo data to generate, as orders whose lines cycle through 1 to 5 ({@link DemoData#linesOf}): the
 * orders of a size other than {@code demo} add up to exactly the round number of lines its key names.
 */
public enum DemoSize {
    /** What a newcomer's first start shows: a few hundred orders. */
    DEMO(300),
    LINES_10K(3_334),
    LINES_100K(33_334),
    LINES_1M(333_334);

    private final int orders;

    DemoSize(int orders) {
        this.orders = orders;
    }

    public int orders() {
        return orders;
    }

    /** The size a property or request names ({@code demo}, {@code 10k}, {@code 100k}, {@code 1m}), in any case. */
    public static DemoSize named(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (DemoSize size : values()) {
            if (size.key().equals(key)) {
                return size;
            }
        }
        throw new IllegalArgumentException("Unknown demo data size '" + name + "': expected one of "
                + Arrays.stream(values()).map(DemoSize::key).collect(Collectors.joining(", ")));
    }

    @JsonValue
    public String key() {
        return this == DEMO ? "demo" : name().substring("LINES_".length()).toLowerCase(Locale.ROOT);
    }
}
