package io.mosaic.flow.api;

/**
 * One disagreement between a process binding and its process or form.
 *
 * @param pointer JSON Pointer into the binding ({@code /tasks/1/view/discount}), or {@code null} when the binding
 *                lacks something the process needs and there is nothing in it to point at
 * @param element id of the BPMN element concerned ({@code region_review}), or {@code null} when the problem is the
 *                binding's alone (a form field it names does not exist)
 * @param message what is wrong, in words an analyst understands
 */
public record BindingProblem(String pointer, String element, String message) {
}
