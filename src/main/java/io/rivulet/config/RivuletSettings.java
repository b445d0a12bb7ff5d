package io.rivulet.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
    @ConfigProperty(name = "rivulet.limits.max-lookup-keys", defaultValue = "50000")
    int maxLookupKeys;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-include-depth", defaultValue = "5")
    int maxIncludeDepth;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-include-relations", defaultValue = "50")
    int maxIncludeRelations;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-where-nodes", defaultValue = "500")
    int maxWhereNodes;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-where-depth", defaultValue = "16")
    int maxWhereDepth;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-batch-size", defaultValue = "100")
    int maxBatchSize;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-body-bytes", defaultValue = "1048576")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "rivulet.limits.max-query-bytes", defaultValue = "1048576")
    int maxQueryBytes;

    @Inject
    @ConfigProperty(name = "rivulet.console", defaultValue = "true")
    boolean console;

    @Inject
    @ConfigProperty(name = "rivulet.offline.feed", defaultValue = "true")
    boolean offlineFeed;

    @Inject
    @ConfigProperty(name = "rivulet.offline.retention", defaultValue = "P30D")
    String offlineRetention;

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
    @ConfigProperty(name = "rivulet.realtime.max-frames-per-second", defaultValue = "100")
    int maxFramesPerSecond;

    @Inject
    @ConfigProperty(name = "rivulet.realtime.frame-burst", defaultValue = "2000")
    int frameBurst;

    @Inject
    @ConfigProperty(name = "rivulet.realtime.dialect", defaultValue = "postgresql")
    String realtimeDialect;

    @Inject
    @ConfigProperty(name = "rivulet.realtime.unscoped-collections")
    Optional<String> unscopedCollections;

    @Inject
    @ConfigProperty(name = "rivulet.bus")
    Optional<String> bus;

    @Inject
    @ConfigProperty(name = "rivulet.node-id")
    Optional<String> nodeId;

    @Inject
    @ConfigProperty(name = "rivulet.jms.broker-url")
    Optional<String> jmsBrokerUrl;

    @Inject
    @ConfigProperty(name = "rivulet.jms.connection-factory")
    Optional<String> jmsConnectionFactory;

    @Inject
    @ConfigProperty(name = "rivulet.jms.topic", defaultValue = "rivulet.changes")
    String jmsTopic;

    @Inject
    @ConfigProperty(name = "rivulet.jms.max-pending", defaultValue = "10000")
    int jmsMaxPending;

    @Inject
    @ConfigProperty(name = "rivulet.jms.max-reconnect-delay-ms", defaultValue = "2000")
    int jmsMaxReconnectDelayMs;

    @Inject
    @ConfigProperty(name = "rivulet.jms.resync-peers", defaultValue = "true")
    boolean jmsResyncPeers;

    @Inject
    @ConfigProperty(name = "rivulet.schema.datasource", defaultValue = "java:comp/DefaultDataSource")
    String dataSource;

    @Inject
    @ConfigProperty(name = "rivulet.sql.reads", defaultValue = "true")
    boolean sqlReads;

    @Inject
    @ConfigProperty(name = "rivulet.sql.writes", defaultValue = "true")
    boolean sqlWrites;

    /**
     * The JNDI name of the persistence unit's datasource: the drift check and the plain-SQL
     * reads use it (keep it equal to {@code persistence.xml}'s).
     */
    public String dataSource() {
        return dataSource;
    }

    /** The datasource named by {@link #dataSource()}, looked up in JNDI. */
    public javax.sql.DataSource lookupDataSource() {
        try {
            return javax.naming.InitialContext.doLookup(dataSource);
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("Rivulet cannot find the datasource " + dataSource, e);
        }
    }

    /** Reads without a {@code transformQuery} run as plain SQL (else every read goes through JPA Criteria). */
    public boolean sqlReads() {
        return sqlReads;
    }

    /**
     * Creates that no hook observes are written as one plain SQL insert where the entity's mapping
     * allows it (else every create goes through JPA, e.g. for default entity listeners of your own).
     */
    public boolean sqlWrites() {
        return sqlWrites;
    }

    /**
     * The changes feed ({@code GET /api/rstore/{collection}/_changes}): every committed change of a
     * collection with a primary key is journaled in its transaction (README, "Offline sync").
     */
    public boolean offlineFeed() {
        return offlineFeed;
    }

    /** How long the feed keeps its entries (ISO-8601, {@code P30D}); an older cursor gets the reset answer. */
    public java.time.Duration offlineRetention() {
        try {
            return java.time.Duration.parse(offlineRetention.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("rivulet.offline.retention is not an ISO-8601 duration (P30D, PT12H): "
                    + offlineRetention, e);
        }
    }

    /** The change bus: {@code jms} for several nodes, empty (or {@code memory}) for one. */
    public Optional<String> bus() {
        return nonBlank(bus);
    }

    /** This node's name on the change bus; a fresh random id per start when not set. */
    public Optional<String> nodeId() {
        return nonBlank(nodeId);
    }

    /** The Artemis broker of {@code rivulet.bus=jms}, e.g. {@code tcp://broker:61616}. */
    public Optional<String> jmsBrokerUrl() {
        return nonBlank(jmsBrokerUrl);
    }

    /** The JNDI name of the server's own JMS connection factory, instead of a broker URL. */
    public Optional<String> jmsConnectionFactory() {
        return nonBlank(jmsConnectionFactory);
    }

    /** The topic's name, or its JNDI name when it starts with {@code java:}. */
    public String jmsTopic() {
        return jmsTopic;
    }

    /** Changes waiting to be sent to the topic; more are dropped (and the gap reported to peers). */
    public int jmsMaxPending() {
        return jmsMaxPending;
    }

    /** The longest wait between two attempts to reach the broker. */
    public int jmsMaxReconnectDelayMs() {
        return jmsMaxReconnectDelayMs;
    }

    /** Whether WebSocket peers are told to reconnect and refresh when changes of other nodes were missed. */
    public boolean jmsResyncPeers() {
        return jmsResyncPeers;
    }

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

    /** Frames per second a WebSocket client may send on average; 0 or less: no limit. */
    public int maxFramesPerSecond() {
        return maxFramesPerSecond;
    }

    /**
     * Frames a WebSocket client may send at once beyond the average rate: a client resubscribes
     * everything when it reconnects ({@code rivulet.realtime.max-subscriptions} is 1000).
     */
    public int frameBurst() {
        return frameBurst;
    }

    /**
     * Collections whose changes reach every subscribed peer without their read hooks (public
     * data): realtime does not fire the {@code INDEX_GET} before hooks for them, so it costs
     * nothing per change. Every other collection that a read hook observes is scoped per caller.
     */
    public Set<String> unscopedCollections() {
        Set<String> names = unscopedNames;
        if (names == null) {
            names = nonBlank(unscopedCollections).map(list -> Arrays.stream(list.split(",")).map(String::trim)
                    .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
            unscopedNames = names;
        }
        return names;
    }

    private volatile Set<String> unscopedNames;

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

    /** Keys of a key lookup (only keys and primary-key columns: the offline client's deletion check). */
    public int maxLookupKeys() {
        return maxLookupKeys;
    }

    public int maxIncludeDepth() {
        return maxIncludeDepth;
    }

    /** Relations of one include tree, all levels together. */
    public int maxIncludeRelations() {
        return maxIncludeRelations;
    }

    /** Nodes of one {@code where} tree. */
    public int maxWhereNodes() {
        return maxWhereNodes;
    }

    /** Levels of one {@code where} tree. */
    public int maxWhereDepth() {
        return maxWhereDepth;
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

    /**
     * The web console at {@code /rivulet/console} (README, "Web console"): its static files are
     * served when true. It is a client of the public API, so turning it off removes no data access.
     */
    public boolean console() {
        return console;
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }
}
