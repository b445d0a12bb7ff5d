package io.rivulet.query;

/** A {@code where} tree that cannot be parsed or applied; the message says why. */
public class InvalidConditionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConditionException(String message) {
        super(message);
    }
}
