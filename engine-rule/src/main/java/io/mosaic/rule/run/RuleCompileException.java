package io.mosaic.rule.run;

import io.mosaic.api.definition.DefinitionProblem;

import java.util.List;

/** A rule set or decision table that cannot be compiled; each problem points into the definition. */
public final class RuleCompileException extends RuntimeException {

    private final transient List<DefinitionProblem> problems;

    public RuleCompileException(List<DefinitionProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String describe(List<DefinitionProblem> problems) {
        StringBuilder text = new StringBuilder("The definition cannot be compiled:");
        for (DefinitionProblem problem : problems) {
            text.append("\n  ").append(problem.pointer().isEmpty() ? "/" : problem.pointer()).append(": ")
                    .append(problem.message());
        }
        return text.toString();
    }
}
