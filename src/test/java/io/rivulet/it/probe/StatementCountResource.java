package io.rivulet.it.probe;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test only: {@code GET /api/test/statements} reads the statement count, {@code DELETE} resets it. */
@Path("test/statements")
public class StatementCountResource {

    @GET
    public String count() {
        return Long.toString(StatementCounter.STATEMENTS.get());
    }

    @DELETE
    public String reset() {
        return Long.toString(StatementCounter.STATEMENTS.getAndSet(0));
    }

    /** {@code GET /api/test/statements/peers}: the realtime peers of this node. */
    @GET
    @Path("peers")
    public String peers() {
        return Integer.toString(jakarta.enterprise.inject.spi.CDI.current()
                .select(io.rivulet.realtime.RealtimeHub.class).get().peerCount());
    }
}
