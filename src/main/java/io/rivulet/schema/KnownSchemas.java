package io.rivulet.schema;

import io.rivulet.schema.SchemaDifference.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema descriptions a server knows by version: its own, and the clients' it has been shown
 * (in a WebSocket {@code init} or by {@code POST _schema}), each with its verdict, so that a
 * client announcing only a version is judged structurally too. Bounded (least recently used
 * descriptions are forgotten; a forgotten version is unknown again) and thread-safe.
 *
 * <p>A description is remembered under the version it states (or its content's version when it
 * states none). The server's own version always means the server's schema, and a version that is
 * the hash of its content ({@link SchemaVersion}, as every description the server serves states)
 * is not taken over by a description whose content hashes otherwise; any other label is
 * remembered with the description shown last.
 *
 * <p>The memory is per node and per deployment: after a restart, or on another node, a version is
 * unknown until a client shows its description again.
 */
public final class KnownSchemas {

    private final DescribedSchema server;
    private final Map<String, Known> byVersion;

    private record Known(String contentVersion, SchemaVerdict verdict) {
    }

    /**
     * @param server   the server's own description (stating its version)
     * @param capacity client descriptions remembered at most; 0 or less: no bound
     */
    public KnownSchemas(DescribedSchema server, int capacity) {
        if (server.version() == null) {
            throw new IllegalArgumentException("The server's description states no version");
        }
        this.server = server;
        this.byVersion = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return capacity > 0 && size() > capacity;
            }
        };
    }

    /** The version of the server's own description. */
    public String serverVersion() {
        return server.version();
    }

    /** A client that announced only its version: unknown versions are refused. */
    public SchemaVerdict judge(String version) {
        if (version.equals(server.version())) {
            return new SchemaVerdict(version, version, List.of());
        }
        Known known;
        synchronized (byVersion) {
            known = byVersion.get(version);
        }
        return known != null ? known.verdict() : new SchemaVerdict(server.version(), version, List.of(
                new SchemaDifference(Kind.UNKNOWN_VERSION, null, null, null, "The server does not know the schema of "
                        + "version \"" + version + "\": send the full description once (WebSocket init \"schema\", "
                        + "or POST _schema), then its version.")));
    }

    /** A client's full description: compared with the server's, and remembered. */
    public SchemaVerdict judge(DescribedSchema client) {
        String version = client.version() != null ? client.version() : client.contentVersion();
        SchemaVerdict verdict = new SchemaVerdict(server.version(), version,
                SchemaCompatibility.compare(client, server));
        if (!version.equals(server.version())) {
            remember(version, new Known(client.contentVersion(), verdict));
        }
        return verdict;
    }

    /**
     * What a client announced: a version (a string, or an object with only {@code version}) or a
     * full description.
     *
     * @param announced plain values (JSON parsed)
     * @throws MalformedSchemaException when it is neither
     */
    public SchemaVerdict judgeAnnounced(Object announced) {
        if (announced instanceof String version) {
            return judge(version);
        }
        if (announced instanceof Map<?, ?> map && map.size() == 1 && map.get("version") instanceof String version) {
            return judge(version);
        }
        return judge(DescribedSchema.read(announced));
    }

    /** How many client descriptions are remembered. */
    public int size() {
        synchronized (byVersion) {
            return byVersion.size();
        }
    }

    private void remember(String version, Known known) {
        synchronized (byVersion) {
            Known old = byVersion.get(version);
            boolean oldAuthentic = old != null && version.equals(old.contentVersion());
            if (!oldAuthentic || version.equals(known.contentVersion())) {
                byVersion.put(version, known);
            }
        }
    }
}
