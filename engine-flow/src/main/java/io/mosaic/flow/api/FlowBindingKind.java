package io.mosaic.flow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.definition.UniqueKeys;
import io.mosaic.flow.run.FlowBinding;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaException;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Process bindings ({@code *.flow.json}): for one BPMN process of the app, the form whose submitted record starts
 * it, and per user task the assignee's view of the form, who is assigned, the fallback when nobody is, the actions
 * allowed, countersigning and the SLA; per gateway flow its condition in the formula language.
 *
 * <p>The kind sees the binding alone, so it checks what the binding says of itself. Whether the tasks, flows and
 * fields it names exist is a question for the process and the form: {@link ProcessBindings#check} answers it.
 */
public final class FlowBindingKind extends JsonSchemaDefinitionKind {

    public static final String KEY = "flow";

    public FlowBindingKind() {
        super(KEY, ".flow.json", new LocalizedText("流程绑定", "Process binding"), "flow.schema.json");
    }

    @Override
    protected List<DefinitionProblem> semanticProblems(JsonNode binding) {
        List<DefinitionProblem> problems = new ArrayList<>();
        UniqueKeys tasks = new UniqueKeys("task", problems);
        for (int i = 0; i < binding.path("tasks").size(); i++) {
            JsonNode task = binding.path("tasks").get(i);
            String at = "/tasks/" + i;
            tasks.add(task.path("id").asText(), at + "/id");
            UniqueKeys actions = checkActions(task, at, problems);
            checkCountersign(task, at, problems);
            checkSla(task, actions, at, problems);
        }
        UniqueKeys flows = new UniqueKeys("flow", problems);
        for (int i = 0; i < binding.path("flows").size(); i++) {
            JsonNode flow = binding.path("flows").get(i);
            flows.add(flow.path("id").asText(), "/flows/" + i + "/id");
            try {
                Formula.parse(flow.path("condition").asText());
            } catch (FormulaException e) {
                problems.add(DefinitionProblem.at("/flows/" + i + "/condition", "The condition does not parse: "
                        + e.getMessage()));
            }
        }
        UniqueKeys steps = new UniqueKeys("step", problems);
        for (int i = 0; i < binding.path("steps").size(); i++) {
            JsonNode step = binding.path("steps").get(i);
            String at = "/steps/" + i;
            steps.add(step.path("id").asText(), at + "/id");
            for (String member : FlowBinding.Step.FORMULAS) {
                if (step.has(member)) {
                    checkFormula(step.path(member).asText(), at + "/" + member, problems);
                }
            }
            step.path("values").fields().forEachRemaining(value ->
                    checkFormula(value.getValue().asText(), pointer(at + "/values", value.getKey()), problems));
        }
        return problems;
    }

    private static void checkFormula(String text, String at, List<DefinitionProblem> problems) {
        try {
            Formula.parse(text);
        } catch (FormulaException e) {
            problems.add(DefinitionProblem.at(at, "The formula does not parse: " + e.getMessage()));
        }
    }

    private static UniqueKeys checkActions(JsonNode task, String at, List<DefinitionProblem> problems) {
        JsonNode actions = task.path("actions");
        UniqueKeys seen = new UniqueKeys("action", problems);
        for (int j = 0; j < actions.size(); j++) {
            seen.add(actions.get(j).asText(), at + "/actions/" + j);
        }
        if (!seen.contains("approve")) {
            problems.add(DefinitionProblem.at(at + "/actions", "The task needs the approve action, "
                    + "or nobody can move the process past it"));
        }
        return seen;
    }

    private static void checkCountersign(JsonNode task, String at, List<DefinitionProblem> problems) {
        JsonNode countersign = task.path("countersign");
        if (countersign.isMissingNode()) {
            return;
        }
        boolean byPercentage = "percentage".equals(countersign.path("mode").asText());
        JsonNode percentage = countersign.path("percentage");
        if (byPercentage && percentage.isMissingNode()) {
            problems.add(DefinitionProblem.at(at + "/countersign/percentage",
                    "A countersign by percentage needs the percentage of signers that must approve"));
        } else if (byPercentage && (percentage.asInt() < 1 || percentage.asInt() > 100)) {
            problems.add(DefinitionProblem.at(at + "/countersign/percentage",
                    "The percentage must be from 1 to 100, not " + percentage.asInt()));
        } else if (!byPercentage && !percentage.isMissingNode()) {
            problems.add(DefinitionProblem.at(at + "/countersign/percentage", "A percentage only applies to mode "
                    + "percentage, not " + countersign.path("mode").asText()));
        }
        if ("candidates".equals(task.path("assignment").path("type").asText())) {
            problems.add(DefinitionProblem.at(at + "/countersign", "Candidates claim a task one at a time, so they "
                    + "cannot countersign; assign users, roles or managers instead"));
        }
    }

    private static void checkSla(JsonNode task, UniqueKeys actions, String at, List<DefinitionProblem> problems) {
        JsonNode sla = task.path("sla");
        if (sla.isMissingNode()) {
            return;
        }
        String due = sla.path("due").asText();
        if (!isPositiveDuration(due)) {
            problems.add(DefinitionProblem.at(at + "/sla/due", "'" + due + "' is not a positive ISO-8601 duration; "
                    + "write days and hours (P2D, PT4H, P1DT12H) or weeks, months, years (P1W, P1M)"));
        }
        if ("auto_reject".equals(sla.path("onOverdue").asText())
                && !actions.contains("reject")) {
            problems.add(DefinitionProblem.at(at + "/sla/onOverdue",
                    "The task rejects on its own when overdue, but its assignee may not reject: add the reject action"));
        }
    }

    /** Days and hours read as {@link Duration}, calendar amounts as {@link Period}; the two cannot be mixed. */
    private static boolean isPositiveDuration(String text) {
        try {
            Duration duration = Duration.parse(text);
            return !duration.isNegative() && !duration.isZero();
        } catch (DateTimeParseException notDaysAndHours) {
            try {
                Period period = Period.parse(text);
                return !period.isNegative() && !period.isZero();
            } catch (DateTimeParseException notCalendar) {
                return false;
            }
        }
    }
}
