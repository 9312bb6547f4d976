package io.mosaic.rule.run;

import java.util.List;
import java.util.Map;

/**
 * What a decision table gives for one set of inputs.
 *
 * @param matchedRows the rows (0-based) whose outputs the result uses: the one chosen under first or priority,
 *                    every matching row under collect; empty when no row matched
 * @param outputs     by output key: the chosen row's values; under collect the sum, min or max of the hits
 *                    (sum of none is 0, min/max of none blank) or the list of their values; empty when first or
 *                    priority found no row
 */
public record DecisionResult(List<Integer> matchedRows, Map<String, Object> outputs) {
}
