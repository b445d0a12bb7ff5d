package io.rivulet;

/**
 * An error that reaches the client in the rstore error format: HTTP {@code status}, the reason
 * phrase and {@code statusMessage} set to {@code statusMessage}, and optional {@code data}.
 * Throw it from a hook to abort an operation with a status of your choice; nothing is written.
 */
public class RstoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object data;

    public RstoreException(int status, String statusMessage) {
        this(status, statusMessage, null);
    }

    /** @param data any JSON-like value (Map, List, String, Number, Boolean) shown as {@code data}. */
    public RstoreException(int status, String statusMessage, Object data) {
        super(statusMessage);
        this.status = status;
        this.data = data;
    }

    public int status() {
        return status;
    }

    public String statusMessage() {
        return getMessage();
    }

    public Object data() {
        return data;
    }

    /** The RstoreException a failure carries (interceptors and CDI may have wrapped it), if any. */
    public static java.util.Optional<RstoreException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RstoreException rstore) {
                return java.util.Optional.of(rstore);
            }
        }
        return java.util.Optional.empty();
    }

    public static RstoreException badRequest(String statusMessage) {
        return new RstoreException(400, statusMessage);
    }

    public static RstoreException badRequest(String statusMessage, String reason) {
        return new RstoreException(400, statusMessage, java.util.Map.of("reason", reason));
    }
}
