package io.rivulet.schema;

import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.AllowList;
import io.rivulet.wire.PlainJson;
import io.rivulet.wire.SuperJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The server's schema description (SCHEMA.md §1), computed once per deployment, and the judge of
 * the schemas clients announce (§3) against it, with the {@link KnownSchemas} they have shown.
 *
 * <p>It is computed when startup ends, after the application's own startup observers (default
 * priority), so that allow-list calls made there are part of it; the allow-list changing later
 * still guards every route but does not change the description.
 */
@ApplicationScoped
public class ServerSchema {

    @Inject
    CollectionRegistry registry;

    @Inject
    AllowList allowList;

    @Inject
    RivuletSettings settings;

    private volatile Snapshot snapshot;

    /** The description as served, as plain values, and the known client schemas judged against it. */
    private record Snapshot(String json, DescribedSchema described, KnownSchemas known) {
    }

    /** The description as JSON text, exactly as {@code GET _schema} serves it. */
    public String json() {
        return snapshot().json();
    }

    /** The description as served, read back from {@link #json()}: what the generated TypeScript is written from. */
    public DescribedSchema described() {
        return snapshot().described();
    }

    /** The version of the server's description. */
    public String version() {
        return snapshot().described().version();
    }

    /** A client that sent only a version (an HTTP header, or an {@code init} with only the version). */
    public SchemaVerdict judge(String version) {
        return snapshot().known().judge(version);
    }

    /**
     * What a client announced: a version string, {@code {version}}, or a full description, which
     * is remembered. Plain values (JSON parsed).
     *
     * @throws MalformedSchemaException when it is none of these
     */
    public SchemaVerdict judgeAnnounced(Object announced) {
        return snapshot().known().judgeAnnounced(announced);
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                current = snapshot;
                if (current == null) {
                    current = compute();
                    snapshot = current;
                }
            }
        }
        return current;
    }

    private Snapshot compute() {
        Map<String, Object> description = SchemaDescription.of(registry.all(), allowList::isAllowed);
        String json = PlainJson.write(description);
        DescribedSchema described = DescribedSchema.read(SuperJson.decodePlain(json));
        return new Snapshot(json, described, new KnownSchemas(described, settings.maxKnownSchemaVersions()));
    }
}
