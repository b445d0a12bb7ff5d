package io.rivulet.realtime.jms;

import io.rivulet.realtime.Change;
import io.rivulet.realtime.ChangeBus;
import io.rivulet.realtime.InMemoryChangeBus;
import io.rivulet.schema.CollectionDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The multi-node adapter of {@link ChangeBus}: every committed change goes to this node's
 * receivers at once and, as one message, to a JMS topic that every node consumes. A node skips
 * its own messages (a selector on the node id), so no peer gets a change twice; the origin
 * client id travels along, so echo suppression works across nodes.
 *
 * <p>Delivery between nodes is <em>at most once</em>: non-persistent messages, nothing queued
 * while the broker is away. Local fan-out never depends on the broker. When changes of other
 * nodes may have been missed, the gap listeners run ({@link ChangeBus#onGap}).
 */
public final class JmsChangeBus implements ChangeBus, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JmsChangeBus.class.getName());
    private static final long STOP_WAIT_MS = 2_000;

    /**
     * @param node              this node's id on the topic
     * @param schemaVersion     this node's schema version (logged when nodes differ)
     * @param maxPending        changes waiting to be sent, at most
     * @param maxReconnectDelay the longest wait between two connection attempts, in ms
     */
    public record Options(String node, String schemaVersion, int maxPending, long maxReconnectDelay) {
    }

    private final InMemoryChangeBus local = new InMemoryChangeBus();
    private final List<Runnable> gapListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final TopicSource source;
    private final Options options;
    private final TopicSender sender;
    private final TopicReceiver receiver;
    private final ThreadFactory threads;

    private JmsChangeBus(TopicSource source, Options options,
            Function<String, Optional<CollectionDescriptor>> collections, ThreadFactory threads) {
        this.source = source;
        this.options = options;
        this.threads = threads;
        this.sender = new TopicSender(source, options.node(), options.maxPending(), options.maxReconnectDelay());
        this.receiver = new TopicReceiver(source, options.node(), options.schemaVersion(), options.maxReconnectDelay(),
                collections, local::publish, this::gap);
    }

    /** A bus on an Artemis broker reached with the client inside the WAR. */
    public static JmsChangeBus artemis(String brokerUrl, String topic, Options options,
            Function<String, Optional<CollectionDescriptor>> collections, ThreadFactory threads) {
        return new JmsChangeBus(new ArtemisTopicSource(brokerUrl, topic), options, collections, threads);
    }

    /** A bus on the application server's own broker, through a connection factory bound in JNDI. */
    public static JmsChangeBus jndi(String connectionFactory, String topic, Options options,
            Function<String, Optional<CollectionDescriptor>> collections, ThreadFactory threads) {
        return new JmsChangeBus(new JndiTopicSource(connectionFactory, topic), options, collections, threads);
    }

    /** Starts connecting in the background; never waits for the broker. */
    public JmsChangeBus start() {
        sender.start(threads);
        receiver.start(threads);
        LOG.info(() -> "Rivulet realtime: node " + options.node() + " fans out through the JMS "
                + source.describe());
        return this;
    }

    @Override
    public void publish(Change change) {
        local.publish(change);
        sender.offer(new ChangeMessage(options.node(), sequence.incrementAndGet(), options.schemaVersion(), change));
    }

    @Override
    public void onChange(Consumer<Change> receiver) {
        local.onChange(receiver);
    }

    @Override
    public void onGap(Runnable listener) {
        gapListeners.add(listener);
    }

    /**
     * This node's clients refresh at once; the other nodes' when this node's next message reaches
     * them: a sequence number is skipped, which they take for a lost message (a gap).
     */
    @Override
    public void refresh() {
        sequence.incrementAndGet();
        gap();
    }

    /** Whether both directions are connected to the broker right now. */
    @Override
    public boolean isConnected() {
        return sender.isConnected() && receiver.isConnected();
    }

    /** Changes of this node that did not reach the topic (broker away, or too many waiting). */
    public long dropped() {
        return sender.dropped();
    }

    private void gap() {
        for (Runnable listener : gapListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Rivulet realtime: a gap listener failed", e);
            }
        }
    }

    /** Stops both threads and closes the connections; bounded even when the broker is dead. */
    @Override
    public void close() {
        sender.stop(STOP_WAIT_MS);
        receiver.stop(STOP_WAIT_MS);
        Thread closer = threads.newThread(source::close);
        closer.setName("rivulet-jms-close");
        closer.start();
        try {
            closer.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
