package io.mosaic.api.definition;

import java.util.List;

/** Thrown by readers of definition content that fails its kind's validation; carries every problem. */
public class InvalidDefinitionException extends IllegalArgumentException {

    private final transient List<DefinitionProblem> problems;

    public InvalidDefinitionException(String what, List<DefinitionProblem> problems) {
        super(what + " is invalid: " + problems.stream()
                .map(p -> (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message())
                .reduce((a, b) -> a + "; " + b).orElse("no details"));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
