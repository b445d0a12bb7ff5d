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

    /**
     * The RstoreException a failure carries (interceptors and CDI may have wrapped it), if any; a
     * failure to reach the database counts as {@link Errors#databaseUnavailable()} (503).
     */
    public static java.util.Optional<RstoreException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RstoreException rstore) {
                return java.util.Optional.of(rstore);
            }
        }
        return databaseUnreachable(failure) ? java.util.Optional.of(Errors.databaseUnavailable())
                : java.util.Optional.empty();
    }

    /**
     * Whether a failure says the database could not be reached: a connection exception (SQLSTATE
     * class 08), the server shutting down or starting (57P01–57P03), too many connections
     * (53300), a refused or broken connection below the driver, or the transaction manager or the
     * connection pool failing to use a connection.
     */
    static boolean databaseUnreachable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 32; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                        || state.equals("53300")) {
                    return true;
                }
            }
            if (t instanceof java.net.ConnectException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof javax.transaction.xa.XAException || isResourceException(t.getClass())) {
                // XAException, ResourceException: the transaction manager or the pool could not
                // use a connection (they do not always chain the driver's exception)
                return true;
            }
        }
        return false;
    }

    /** A Jakarta Connectors {@code ResourceException} (the pool's), by name: no dependency on the API here. */
    private static boolean isResourceException(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }

    public static RstoreException badRequest(String statusMessage) {
        return new RstoreException(400, statusMessage);
    }

    public static RstoreException badRequest(String statusMessage, String reason) {
        return new RstoreException(400, statusMessage, java.util.Map.of("reason", reason));
    }
}
