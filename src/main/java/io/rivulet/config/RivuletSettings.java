package io.rivulet.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rivulet's settings, read through MicroProfile Config (system properties, environment
 * variables such as {@code RIVULET_LIMITS_MAX_LIMIT}, {@code microprofile-config.properties}).
 * A limit of 0 or less disables that limit.
 */
@ApplicationScoped
public class RivuletSettings {

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-limit", defaultValue = "1000")
    int maxLimit;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-keys", defaultValue = "1000")
    int maxKeys;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-include-depth", defaultValue = "5")
    int maxIncludeDepth;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-batch-size", defaultValue = "100")
    int maxBatchSize;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-body-bytes", defaultValue = "1048576")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-query-bytes", defaultValue = "65536")
    int maxQueryBytes;

    @Inject
    @ConfigProperty(name = "rivulet.realtime.max-queued-frames", defaultValue = "1000")
    int maxQueuedFrames;

    @Inject
    @ConfigProperty(name = "rivulet.realtime.max-subscriptions", defaultValue = "1000")
    int maxSubscriptions;

    @Inject
    @ConfigProperty(name = "rivulet.realtime.max-frame-bytes", defaultValue = "65536")
    int maxFrameBytes;

    @Inject
    @ConfigProperty(name = "rivulet.realtime.dialect", defaultValue = "postgresql")
    String realtimeDialect;

    @Inject
    @ConfigProperty(name = "rivulet.schema.max-known-versions", defaultValue = "100")
    int maxKnownSchemaVersions;

    /** Client schema descriptions remembered by version (the least recently used are forgotten). */
    public int maxKnownSchemaVersions() {
        return maxKnownSchemaVersions;
    }

    /** Frames queued for one WebSocket peer before it is closed as too slow. */
    public int maxQueuedFrames() {
        return maxQueuedFrames;
    }

    /** Subscriptions one WebSocket peer may hold. */
    public int maxSubscriptions() {
        return maxSubscriptions;
    }

    /** The largest text frame a WebSocket client may send. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** The {@code filterWhere} dialect of realtime matching ({@code sqlite} makes like case-insensitive). */
    public String realtimeDialect() {
        return realtimeDialect;
    }

    /** Default and maximum rows of a list; the client's {@code limit} is clamped to it. */
    public int maxLimit() {
        return maxLimit;
    }

    public int maxKeys() {
        return maxKeys;
    }

    public int maxIncludeDepth() {
        return maxIncludeDepth;
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Longest accepted {@code superjson} query parameter, in bytes. */
    public int maxQueryBytes() {
        return maxQueryBytes;
    }
}
