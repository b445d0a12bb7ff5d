package io.rivulet.store.eclipselink;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink only (named by {@code eclipselink.session.customizer} in persistence.xml; Hibernate
 * ignores the property and never loads this class): a query that fails because the database is
 * unreachable fails at once, so that the caller gets {@code 503} and its {@code Retry-After}.
 *
 * <p>By default EclipseLink retries such a read three times, five seconds apart, holding the request
 * thread: during a PostgreSQL restart under load every request thread slept there and requests hung
 * for 15 s (bench/faults/pg-restart.sh, docs/benchmarks.md). The server's connection pool, with
 * connection validation, already replaces the dead connections; the client retries the 503.
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
