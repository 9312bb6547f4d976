package io.mosaic.form.store;

/**
 * A list query the form cannot answer: an unknown or hidden field, an operator the field's type does
 * not have, a value that is not of the field's type, or a cursor that was not handed out.
 *
 * @see #parameter() the query parameter at fault, e.g. the field key or {@code after}
 */
public class InvalidQueryException extends RuntimeException {

    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
