package io.mosaic.rule.run;

import java.util.BitSet;

/**
 * The fact a decision table's session holds for one set of inputs: the generated rules ask it
 * {@code cell(row, column)} and tell it {@code hit(row)}; the hit policy is applied in Java afterwards. Public only
 * because the generated rules call it; not an API.
 */
public final class DecisionFacts {

    private final DecisionCell[][] cells;
    private final Object[] values;
    private final BitSet hits = new BitSet();

    DecisionFacts(DecisionCell[][] cells, Object[] values) {
        this.cells = cells;
        this.values = values;
    }

    public boolean cell(int row, int column) {
        return cells[row][column].matches(values[column]);
    }

    public void hit(int row) {
        hits.set(row);
    }

    BitSet hits() {
        return hits;
    }
}
