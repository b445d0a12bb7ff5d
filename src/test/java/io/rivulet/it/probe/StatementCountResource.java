package io.rivulet.it.probe;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test only: {@code GET /api/test/statements} reads the statement count — those EclipseLink sent
 * and those of Rivulet's plain-SQL reads — {@code DELETE} resets it.
 */
@Path("test/statements")
public class StatementCountResource {

    private static final java.util.concurrent.atomic.AtomicLong SQL = new java.util.concurrent.atomic.AtomicLong();

    @GET
    public String count() {
        return Long.toString(StatementCounter.STATEMENTS.get() + sql());
    }

    @DELETE
    public String reset() {
        long count = StatementCounter.STATEMENTS.getAndSet(0) + sql();
        SQL.set(0);
        return Long.toString(count);
    }

    private static long sql() {
        return SQL.addAndGet(io.rivulet.store.sql.SqlRowReader.statementsSinceLastCall());
    }

    /** {@code GET /api/test/statements/peers}: the realtime peers of this node. */
    @GET
    @Path("peers")
    public String peers() {
        return Integer.toString(jakarta.enterprise.inject.spi.CDI.current()
                .select(io.rivulet.realtime.RealtimeHub.class).get().peerCount());
    }
}
