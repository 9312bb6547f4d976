package io.mosaic.api.definition;

/**
 * One thing wrong with a definition.
 *
 * @param pointer where: a JSON Pointer ({@code /fields/2/key}, {@code ""} for the whole document)
 *                for JSON content, or the element id for BPMN content
 * @param message what, in words an analyst understands
 */
public record DefinitionProblem(String pointer, String message) {

    public DefinitionProblem {
        pointer = pointer == null ? "" : pointer;
    }

    public static DefinitionProblem at(String pointer, String message) {
        return new DefinitionProblem(pointer, message);
    }
}
