package io.rivulet.boot;

import io.rivulet.changes.postgresql.PostgresqlChangeSource;
import io.rivulet.hooks.RivuletStarted;
import io.rivulet.offline.FeedJournal;
import io.rivulet.realtime.RealtimeHub;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.ServerSchema;
import io.rivulet.schema.drift.DriftCheck;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Rivulet's start, in order, when the web module starts: the changes feed's tables, the
 * collections (a broken mapping fails the deployment, not a request), the drift check (which may
 * refuse the deployment), the realtime fan-out, the PostgreSQL change source (when it is on), the schema description; then
 * {@link RivuletStarted} for the application.
 *
 * <p>A servlet listener rather than observers of {@code @Initialized(ApplicationScoped.class)}:
 * Payara fires that event for a bean archive in {@code WEB-INF/lib} (the engine jar in an
 * application's WAR) separately and earlier, before the module's {@code java:comp} names are bound,
 * so the application's {@code @PersistenceContext} producer cannot be resolved yet (README, "Use
 * Rivulet in your application").
 */
@WebListener
public class RivuletStartup implements ServletContextListener {

    @Inject
    FeedJournal journal;

    @Inject
    CollectionRegistry registry;

    @Inject
    DriftCheck drift;

    @Inject
    RealtimeHub hub;

    @Inject
    ServerSchema schema;

    @Inject
    PostgresqlChangeSource changeSource;

    @Inject
    Event<RivuletStarted> started;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        registry.all();
        journal.createTables();
        drift.check();
        hub.start();
        changeSource.start();
        schema.version();
        started.fire(new RivuletStarted(registry.all().size()));
    }
}
