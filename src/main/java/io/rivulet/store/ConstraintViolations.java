package io.rivulet.store;

import io.rivulet.Errors;
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
            case "23505" -> Optional.of(Errors.uniqueConstraintViolated(collection));
            case "23503", "23506" -> Optional.of(Errors.foreignKeyConstraintViolated(collection));
            case "23502" -> Optional.of(Errors.missingRequiredValue(collection));
            default -> state.startsWith("22") || state.startsWith("23")
                    ? Optional.of(Errors.invalidValue(collection))
                    : Optional.empty();
        };
    }
}
