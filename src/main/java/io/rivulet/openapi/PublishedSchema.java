package io.rivulet.openapi;

import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.RivuletStarted;
import io.rivulet.schema.DescribedSchema;
import io.rivulet.schema.ServerSchema;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Hands the schema description over to {@link RivuletOpenApiFilter} when startup ends. The server
 * makes the filter by reflection and runs it in a request of its own {@code /openapi}
 * application, where {@code CDI.current()} does not reliably find this application's beans; so
 * the description waits here, in a static field of the WAR's own class loader (one per
 * deployment). This bean references no OpenAPI type, so it deploys where MicroProfile OpenAPI is
 * missing (WildFly full).
 */
@ApplicationScoped
public class PublishedSchema {

    /** What the document is written from: the exposed collections, and whether the changes feed is on. */
    record Published(DescribedSchema schema, boolean changesFeed) {
    }

    private static volatile Published published;

    @Inject
    ServerSchema schema;

    @Inject
    RivuletSettings settings;

    /** Once Rivulet has started: the application's start-up observers (allow-list calls) have run. */
    void onStartup(@Observes RivuletStarted started) {
        published = new Published(schema.described(), settings.offlineFeed());
    }

    @PreDestroy
    void forget() {
        published = null;
    }

    /** Empty until startup has ended. */
    static Optional<Published> published() {
        return Optional.ofNullable(published);
    }
}
