package io.rivulet.health;

import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.RivuletStarted;
import io.rivulet.realtime.ChangeBus;
import io.rivulet.realtime.RealtimeHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health checks (README, "Health"). Ready: the database answers, and with
 * {@code rivulet.bus=jms} the broker is connected (else this node's subscribers would miss the
 * other nodes' changes); with the PostgreSQL change source its data says whether this node reads
 * the slot. Live: the realtime fan-out runs. A check never throws: a failure is
 * DOWN with the reason in its data.
 */
@ApplicationScoped
public class RivuletHealth {

    /** Longest wait for the database to answer a validity check. */
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Inject
    RivuletSettings settings;

    @Inject
    ChangeBus bus;

    @Inject
    RealtimeHub hub;

    @Inject
    io.rivulet.changes.postgresql.PostgresqlChangeSource changeSource;

    /**
     * Looked up at start, in the application's naming context: a probe may run on a thread of the
     * server's own (WildFly's management interface), where {@code java:comp} names do not resolve.
     */
    private volatile DataSource dataSource;

    void started(@Observes RivuletStarted started) {
        dataSource = settings.lookupDataSource();
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            var response = HealthCheckResponse.named("rivulet-database").withData("datasource", settings.dataSource());
            DataSource source = dataSource;
            if (source == null) {
                return response.down().withData("error", "Rivulet has not started").build();
            }
            try (Connection connection = source.getConnection()) {
                return response.status(connection.isValid(DATABASE_TIMEOUT_SECONDS)).build();
            } catch (SQLException | RuntimeException e) {
                return response.down().withData("error", String.valueOf(e.getMessage())).build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck changeBus() {
        // with the PostgreSQL change source: whether this node is the one that reads the slot
        // (data only: the other nodes wait to take over, and are ready)
        return () -> {
            var response = HealthCheckResponse.named("rivulet-bus").withData("bus", settings.bus().orElse("memory"));
            if (changeSource.enabled()) {
                response.withData("changeSource", "postgresql").withData("readsSlot", changeSource.reading());
            }
            return response.status(bus.isConnected()).build();
        };
    }

    @Produces
    @Liveness
    HealthCheck fanOut() {
        return () -> HealthCheckResponse.named("rivulet-realtime").withData("peers", hub.peerCount())
                .status(hub.fanOutRunning()).build();
    }
}
