package io.mosaic.api.app;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0): {@code major.minor.patch}, an optional pre-release and
 * optional build metadata. Ordering follows the specification: a pre-release sorts before its
 * release, build metadata is ignored.
 */
public record Semver(int major, int minor, int patch, List<String> preRelease) implements Comparable<Semver> {

    private static final String NUMBER = "0|[1-9]\\d*";
    private static final String PRE_ID = "0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*";
    private static final Pattern SEMVER = Pattern.compile("(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
            + "(?:-((?:" + PRE_ID + ")(?:\\.(?:" + PRE_ID + "))*))?"
            + "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?");

    public Semver {
        preRelease = List.copyOf(preRelease);
    }

    public Semver(int major, int minor, int patch) {
        this(major, minor, patch, List.of());
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a semantic version
     */
    public static Semver parse(String text) {
        Matcher m = text == null ? null : SEMVER.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a semantic version such as 1.2.3");
        }
        try {
            return new Semver(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a version number that is too large", e);
        }
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    @Override
    public int compareTo(Semver other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) c = Integer.compare(minor, other.minor);
        if (c == 0) c = Integer.compare(patch, other.patch);
        return c != 0 ? c : comparePreRelease(preRelease, other.preRelease);
    }

    /** Whether this version lies in {@code range}, e.g. a platform version in a pack's {@code >=0.1.0 <1.0.0}. */
    public boolean satisfies(SemverRange range) {
        return range.satisfiedBy(this);
    }

    public boolean isAfter(Semver other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(Semver other) {
        return compareTo(other) < 0;
    }

    private static int comparePreRelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        String core = major + "." + minor + "." + patch;
        return preRelease.isEmpty() ? core : core + "-" + String.join(".", preRelease);
    }
}
