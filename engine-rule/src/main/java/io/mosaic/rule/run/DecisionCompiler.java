package io.mosaic.rule.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.form.formula.Expression;

import java.util.ArrayList;
import java.util.List;

/**
 * The whitelisted generator for decision tables: one DRL rule per row, {@code row_<index>}, whose constraints are
 * {@code cell(row, column)} calls for the cells that are not "any". Cell values, keys, labels and input formulas
 * stay in Java; the DRL holds only generated names and numbers.
 */
final class DecisionCompiler {

    private DecisionCompiler() {
    }

    static CompiledDecision compile(JsonNode table) {
        DefinitionReader reader = new DefinitionReader();
        JsonNode inputs = table.path("inputs");
        List<CompiledDecision.Input> columns = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode input = inputs.get(i);
            Expression expression = reader.formula(input.get("expression"), "/inputs/" + i + "/expression");
            columns.add(new CompiledDecision.Input(input.path("key").asText(), input.path("type").asText(), expression));
        }
        List<String> outputKeys = new ArrayList<>();
        table.path("outputs").forEach(output -> outputKeys.add(output.path("key").asText()));
        reader.failIfAny();
        JsonNode rows = table.path("rows");
        DecisionCell[][] cells = new DecisionCell[rows.size()][columns.size()];
        Object[][] outputs = new Object[rows.size()][outputKeys.size()];
        int[] priorities = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                cells[r][c] = DecisionCell.of(row.path("inputs").get(c), columns.get(c).type());
            }
            for (int o = 0; o < outputKeys.size(); o++) {
                outputs[r][o] = RuleValues.forEffect(RuleValues.fromJson(row.path("outputs").get(o)));
            }
            priorities[r] = row.path("priority").asInt(0);
        }
        DrlText drl = drl(cells);
        return new CompiledDecision(table.path("key").asText(), table.path("hitPolicy").asText(),
                table.path("aggregation").asText(null), List.copyOf(columns), List.copyOf(outputKeys), cells,
                outputs, priorities, drl.text(), DrlCompiler.compile(drl.text(), drl::pointerAt));
    }

    private static DrlText drl(DecisionCell[][] cells) {
        DrlText drl = new DrlText();
        drl.line("package " + DrlCompiler.PACKAGE + ";");
        drl.line("import " + DecisionFacts.class.getName() + ";");
        for (int r = 0; r < cells.length; r++) {
            List<String> constraints = new ArrayList<>();
            for (int c = 0; c < cells[r].length; c++) {
                if (!cells[r][c].isAny()) {
                    constraints.add("cell(" + r + ", " + c + ")");
                }
            }
            drl.begin("/rows/" + r);
            drl.line("rule \"row_" + r + "\"");
            drl.line("when");
            drl.line("    $d : DecisionFacts(" + String.join(", ", constraints) + ")");
            drl.line("then");
            drl.line("    $d.hit(" + r + ");");
            drl.line("end");
            drl.end();
        }
        return drl;
    }
}
