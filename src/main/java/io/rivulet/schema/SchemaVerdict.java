package io.rivulet.schema;

import io.rivulet.Errors;
import io.rivulet.RstoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's judgement of a client's schema: compatible when there are no differences.
 *
 * @param serverVersion the version of the server's own description
 * @param clientVersion the version the client announced (or, for a description stating none, its
 *                      content's {@link SchemaVersion})
 * @param differences   why the client is refused; empty when it is compatible
 */
public record SchemaVerdict(String serverVersion, String clientVersion, List<SchemaDifference> differences) {

    /** The error of a refused client: WebSocket {@code init.error} and HTTP {@code statusMessage}. */
    public static final String NOT_SUPPORTED = Errors.Texts.SCHEMA_VERSION_NOT_SUPPORTED;

    public SchemaVerdict {
        differences = List.copyOf(differences);
    }

    /** No differences: the client is served. */
    public boolean compatible() {
        return differences.isEmpty();
    }

    /** {@code {serverVersion, clientVersion, differences:[{kind, collection, field|relationship, detail}]}}. */
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serverVersion", serverVersion);
        data.put("clientVersion", clientVersion);
        data.put("differences", differences.stream().map(SchemaDifference::toMap).toList());
        return data;
    }

    /** The HTTP refusal: {@code 409 SchemaVersionNotSupported} with {@link #data()}. */
    public RstoreException refusal() {
        return Errors.schemaVersionNotSupported(data());
    }
}
