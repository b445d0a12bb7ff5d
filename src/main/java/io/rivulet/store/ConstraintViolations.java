package io.rivulet.store;

import io.rivulet.RstoreException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Maps database constraint violations (by standard SQLSTATE, the same on PostgreSQL, H2, MariaDB)
 * to client errors, so a write the database refuses is a 4xx and never a 500.
 */
final class ConstraintViolations {

    private ConstraintViolations() {
    }

    static Optional<RstoreException> toClientError(Throwable failure, String collection) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return map(sql.getSQLState(), collection);
            }
        }
        return Optional.empty();
    }

    private static Optional<RstoreException> map(String state, String collection) {
        return switch (state) {
            case "23505" -> Optional.of(new RstoreException(409,
                    "Unique constraint violated in collection " + collection));
            case "23503", "23506" -> Optional.of(new RstoreException(409,
                    "Foreign key constraint violated in collection " + collection));
            case "23502" -> Optional.of(RstoreException.badRequest("Missing required value in collection " + collection));
            default -> state.startsWith("22") || state.startsWith("23")
                    ? Optional.of(RstoreException.badRequest("Invalid value in collection " + collection))
                    : Optional.empty();
        };
    }
}
