package io.rivulet.wire;

/**
 * A SuperJSON payload that cannot be decoded, or a value that cannot be encoded. This is the only
 * exception {@link SuperJson} lets escape, so callers can map it to one HTTP status.
 */
public class SuperJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SuperJsonException(String message) {
        super(message);
    }

    public SuperJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
