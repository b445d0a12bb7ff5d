package io.rivulet.realtime;

import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.AllowList;
import io.rivulet.hooks.RealtimeEvent;
import io.rivulet.hooks.RequestInfo;
import io.rivulet.query.Condition;
import io.rivulet.query.ConditionParser;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.JsText;
import io.rivulet.query.memory.Dialect;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.MalformedSchemaException;
import io.rivulet.schema.SchemaVerdict;
import io.rivulet.schema.ServerSchema;
import io.rivulet.wire.Jsonp;
import io.rivulet.wire.SuperJson;
import io.rivulet.wire.SuperJsonException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The rstore realtime protocol on this node (PROTOCOL §7): peers, their subscriptions, and the
 * fan-out of committed changes with {@code filterWhere} matching (the in-memory back end).
 */
@ApplicationScoped
public class RealtimeHub {

    private static final Logger LOG = Logger.getLogger(RealtimeHub.class.getName());
    static final int PROTOCOL_VERSION = 2;
    /** Changes the fan-out takes at once (one read-scope check per collection and caller each). */
    private static final int MAX_BATCH = 256;

    private final Map<Session, Peer> peers = new ConcurrentHashMap<>();
    private final SubscriptionIndex index = new SubscriptionIndex();
    private final SharedCallers callers = new SharedCallers();

    @Inject
    ChangeBus bus;

    @Inject
    CollectionRegistry registry;

    @Inject
    AllowList allowList;

    @Inject
    Event<RealtimeEvent> hooks;

    @Inject
    BeanManager beans;

    @Inject
    RivuletSettings settings;

    @Inject
    ServerSchema serverSchema;

    @Inject
    ReadScope readScope;

    @Resource
    ManagedThreadFactory threads;

    /**
     * One thread matches changes to peers in publish order, off the committing request's thread;
     * the lanes write the frames.
     */
    private ExecutorService fanOut;
    private SendLanes lanes;
    private IdleTimer idleTimer;
    private FanOut delivery;
    private RealtimeHooks realtimeHooks;

    /** Starts the fan-out (RivuletStartup, once). */
    public void start() {
        warnWithoutTheEntityListener();
        realtimeHooks = new RealtimeHooks(hooks, beans);
        delivery = new FanOut(index, realtimeHooks, registry,
                Dialect.fromWireName(settings.realtimeDialect()).orElse(Dialect.POSTGRESQL),
                new ScopedDelivery(readScope, registry));
        fanOut = Executors.newSingleThreadExecutor(threads);
        lanes = new SendLanes(SendLanes.defaultCount(), threads);
        if (settings.jmsResyncPeers()) {
            bus.onGap(() -> fanOut.execute(this::resyncPeers));
        }
        idleTimer = new IdleTimer(threads);
        PendingChanges pending = new PendingChanges(fanOut, delivery::deliver, MAX_BATCH);
        bus.onChange(pending::add);
    }

    /** Whether the fan-out runs: started, and not stopped (liveness). */
    public boolean fanOutRunning() {
        ExecutorService running = fanOut;
        return running != null && !running.isShutdown();
    }

    /**
     * A unit that does not list {@code META-INF/rivulet-orm.xml} has no realtime listener: writes
     * would reach no subscriber and no changes feed, silently. Said once, at deployment.
     */
    private void warnWithoutTheEntityListener() {
        registry.all().stream().findFirst()
                .map(collection -> collection.entityClass().getClassLoader())
                .filter(loader -> !RealtimeEntityListener.listedIn(loader))
                .ifPresent(loader -> LOG.warning("Rivulet: no persistence.xml lists <mapping-file>"
                        + RealtimeEntityListener.MAPPING_FILE + "</mapping-file>; writes will not reach realtime "
                        + "subscribers or the changes feed (README, \"Use Rivulet in your application\")"));
    }

    /**
     * The application stops: every peer gets a close frame (1001, going away) rather than a
     * dropped socket, and its client reconnects (to this node once it is back, or to another).
     */
    @PreDestroy
    void stop() {
        for (Peer peer : Set.copyOf(peers.values())) {
            peer.close(CloseReason.CloseCodes.GOING_AWAY, "server stopping");
        }
        peers.clear();
        if (fanOut != null) {
            fanOut.shutdownNow();
            lanes.stop();
            idleTimer.stop();
        }
    }

    /**
     * Changes of other nodes were missed (the broker was away): every peer is closed with 1012
     * (service restart), so its client reconnects and refreshes its collections (PROTOCOL §6.3)
     * instead of silently holding stale rows. Runs on the fan-out thread, after the changes
     * received before the gap.
     */
    private void resyncPeers() {
        if (peers.isEmpty()) {
            return;
        }
        LOG.info(() -> "Rivulet realtime: changes of other nodes were missed; asking " + peers.size()
                + " WebSocket clients to reconnect and refresh");
        for (Session session : Set.copyOf(peers.keySet())) {
            Peer peer = peers.get(session);
            close(session);
            if (peer != null) {
                peer.close(CloseReason.CloseCodes.SERVICE_RESTART, "missed changes: reconnect and refresh");
            }
        }
    }

    /** How many WebSocket peers this node serves. */
    public int peerCount() {
        return peers.size();
    }

    void open(Session session, String clientId, RequestInfo caller) {
        idleTimer.takeOver(session);
        Peer peer = new Peer(session, clientId, callers.share(caller), settings.maxQueuedFrames(), lanes.assign(),
                () -> close(session));
        peers.put(session, peer);
        if (clientId != null) {
            peer.version = PROTOCOL_VERSION;
            peer.send(ack());
        }
    }

    void close(Session session) {
        Peer peer = peers.remove(session);
        if (peer != null) {
            index.removeAll(peer);
            peer.subscriptions.clear();
        }
    }

    /**
     * An error on a connection (e.g. thrown by a hook while handling a frame): the peer is dropped
     * and the connection closed (1011), so that the client reconnects instead of waiting for
     * updates that no longer come — containers do not agree on closing it themselves.
     */
    void fail(Session session) {
        Peer peer = peers.get(session);
        close(session);
        if (peer != null) {
            peer.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "server error");
        }
    }

    /**
     * A part of a text frame from a client; a frame over {@code rivulet.realtime.max-frame-bytes}
     * closes the connection (1009), and so do frames faster than
     * {@code rivulet.realtime.max-frames-per-second} beyond {@code rivulet.realtime.frame-burst}
     * (1008). Anything malformed or unknown is ignored.
     */
    void receive(Session session, String part, boolean last) {
        Peer peer = peers.get(session);
        if (peer == null) {
            return;
        }
        String text = peer.assemble(part, last, settings.maxFrameBytes());
        if (text == null) {
            return;
        }
        if (!peer.frameAllowed(System.nanoTime(), settings.maxFramesPerSecond(), settings.frameBurst())) {
            peer.close(CloseReason.CloseCodes.VIOLATED_POLICY, "too many frames");
            return;
        }
        if ("ping".equals(text)) {
            peer.send("pong");
            return;
        }
        JsonValue parsed;
        try {
            parsed = Jsonp.parse(text);
        } catch (RuntimeException e) {
            return;
        }
        if (!(parsed instanceof JsonObject frame)) {
            return;
        }
        if (frame.get("init") instanceof JsonObject init) {
            init(peer, init);
        } else if (frame.get("subscription") instanceof JsonObject subscription) {
            subscription(peer, subscription);
        }
    }

    private void init(Peer peer, JsonObject init) {
        JsonValue version = init.get("v");
        if (version != null && !(version.getValueType() == JsonValue.ValueType.NUMBER
                && ((jakarta.json.JsonNumber) version).doubleValue() >= 1
                && ((jakarta.json.JsonNumber) version).doubleValue() <= PROTOCOL_VERSION)) {
            peer.send(Frames.initRefused("unsupported-version", PROTOCOL_VERSION));
            peer.closeAfterQueued(CloseReason.CloseCodes.PROTOCOL_ERROR, "unsupported-version");
            return;
        }
        JsonValue announced = init.get("schema");
        if (announced != null && announced != JsonValue.NULL && !schemaSupported(announced)) {
            peer.send(Frames.initRefused(SchemaVerdict.NOT_SUPPORTED, PROTOCOL_VERSION));
            peer.closeAfterQueued(CloseReason.CloseCodes.VIOLATED_POLICY, SchemaVerdict.NOT_SUPPORTED);
            return;
        }
        if (init.get("clientId") instanceof JsonString clientId) {
            peer.clientId = clientId.getString();
        }
        peer.version = version == null ? 1 : ((jakarta.json.JsonNumber) version).intValue();
        peer.send(ack());
    }

    /** SCHEMA.md §3: the full description or its version; anything else is not a schema we support. */
    private boolean schemaSupported(JsonValue announced) {
        try {
            // through the text again: decodePlain bounds the nesting before recursing
            return serverSchema.judgeAnnounced(SuperJson.decodePlain(announced.toString())).compatible();
        } catch (MalformedSchemaException | SuperJsonException e) {
            return false;
        }
    }

    private static String ack() {
        return Frames.initAccepted(PROTOCOL_VERSION);
    }

    private void subscription(Peer peer, JsonObject frame) {
        if (!(frame.get("action") instanceof JsonString action) || !(frame.get("collection") instanceof JsonString name)) {
            return;
        }
        String collection = name.getString();
        JsonValue rawKey = frame.get("key");
        String key = rawKey == null || rawKey == JsonValue.NULL ? null : JsText.of(SuperJson.decodeValue(
                "{\"json\":" + rawKey + "}"));
        JsonValue rawWhere = frame.get("where");
        boolean hasWhere = rawWhere != null && rawWhere != JsonValue.NULL;
        String id = collection + "|" + (key == null ? "*" : key) + "|" + (hasWhere ? rawWhere.toString() : "*");
        if ("unsubscribe".equals(action.getString())) {
            Subscription removed = peer.subscriptions.remove(id);
            if (removed != null) {
                index.remove(peer, removed);
            }
            return;
        }
        if (!"subscribe".equals(action.getString()) || peer.subscriptions.containsKey(id)) {
            return;
        }
        if (!allowList.isAllowed(collection)) {
            reject(peer, frame, "collection-not-allowed");
            return;
        }
        if (registry.find(collection).isEmpty()) {
            reject(peer, frame, "collection-not-found");
            return;
        }
        if (peer.subscriptions.size() >= settings.maxSubscriptions()) {
            reject(peer, frame, "too-many-subscriptions");
            return;
        }
        Object where = hasWhere ? SuperJson.decodeValue("{\"json\":" + rawWhere + "}") : null;
        Optional<Condition> condition;
        try {
            condition = ConditionParser.parse(where, new io.rivulet.query.ConditionLimits(settings.maxWhereNodes(),
                    settings.maxWhereDepth()));
        } catch (InvalidConditionException e) {
            reject(peer, frame, "invalid-where");
            return;
        }
        RealtimeEvent authorize = new RealtimeEvent(RealtimeEvent.Kind.AUTHORIZE, collection, key, where, null, null,
                peer.clientId);
        try {
            realtimeHooks.fire(authorize);
        } catch (RuntimeException e) {
            authorize.reject("authorize-error");
        }
        if (authorize.rejection().isPresent()) {
            reject(peer, frame, authorize.rejection().get());
            return;
        }
        Subscription subscription = new Subscription(id, collection, key, condition);
        peer.subscriptions.put(id, subscription);
        index.add(peer, subscription);
    }

    private static void reject(Peer peer, JsonObject frame, String reason) {
        peer.send(Frames.rejected(frame, reason));
    }
}
