package io.mosaic.bench;

/** The fact the hand-written DRL of {@code rules-compile} matches; public because generated rule classes use it. */
public final class RuleBenchOrder {

    private final long total;
    private final String status;
    private int hits;

    public RuleBenchOrder(long total, String status) {
        this.total = total;
        this.status = status;
    }

    public long getTotal() {
        return total;
    }

    public String getStatus() {
        return status;
    }

    public void flag(int rule) {
        hits += rule;
    }

    public int hits() {
        return hits;
    }
}
