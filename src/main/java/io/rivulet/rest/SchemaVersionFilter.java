package io.rivulet.rest;

import io.rivulet.schema.SchemaVerdict;
import io.rivulet.schema.ServerSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A client may announce its schema version on any rstore route with
 * {@code X-Rivulet-Schema-Version} (SCHEMA.md §3). An incompatible or unknown version is refused
 * with {@code 409 SchemaVersionNotSupported} and the differences in {@code data}, before the
 * resource runs, so nothing is read or written. Requests without the header are served as always;
 * the {@code _schema} routes are never refused, so a stale client can fetch the new schema.
 */
@Provider
@ApplicationScoped
public class SchemaVersionFilter implements ContainerRequestFilter {

    /** The request header carrying the client's schema version. */
    public static final String HEADER = "X-Rivulet-Schema-Version";

    private static final List<String> SCHEMA_ROUTES = List.of("_schema", "_schema.ts");

    @Inject
    ServerSchema schema;

    @Override
    public void filter(ContainerRequestContext request) {
        if (guarded(request.getUriInfo().getPath())) {
            // the error mapper turns a refusal into the protocol's error body, as for any resource
            check(schema, request.getHeaderString(HEADER));
        }
    }

    /** Refuses an announced version the server does not serve; no header, no check. */
    static void check(ServerSchema schema, String version) {
        if (version == null || version.isBlank()) {
            return;
        }
        SchemaVerdict verdict = schema.judge(version.trim());
        if (!verdict.compatible()) {
            throw verdict.refusal();
        }
    }

    /** {@code rstore/<anything but a schema route>[/...]}, relative to the application path. */
    private static boolean guarded(String path) {
        String[] segments = (path.startsWith("/") ? path.substring(1) : path).split("/", 3);
        return segments.length >= 2 && segments[0].equals("rstore") && !SCHEMA_ROUTES.contains(segments[1]);
    }
}
