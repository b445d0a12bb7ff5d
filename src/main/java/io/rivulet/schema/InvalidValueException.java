package io.rivulet.schema;

/** A client value that does not fit a field's type. */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
