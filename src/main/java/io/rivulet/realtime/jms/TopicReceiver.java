package io.rivulet.realtime.jms;

import io.rivulet.realtime.Change;
import io.rivulet.schema.CollectionDescriptor;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives the changes of the other nodes from the topic (a synchronous consumer on its own
 * thread: message listeners are not allowed on a Jakarta EE server's own factories) and hands
 * them to this node's fan-out. Reports a gap when changes may have been missed: after a lost
 * connection, and when a node's sequence numbers jump.
 */
final class TopicReceiver extends TopicLink {

    private static final Logger LOG = Logger.getLogger(TopicReceiver.class.getName());
    /** Nodes whose sequence is remembered; older ones are forgotten (a restarted node has a new id). */
    private static final int MAX_NODES = 1024;

    private final String node;
    private final String schemaVersion;
    private final Function<String, Optional<CollectionDescriptor>> collections;
    private final Consumer<Change> receiver;
    private final Runnable gap;
    private final Map<String, Long> lastSequence = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_NODES;
        }
    };
    private JMSConsumer consumer;

    TopicReceiver(TopicSource source, String node, String schemaVersion, long maxDelayMs,
            Function<String, Optional<CollectionDescriptor>> collections, Consumer<Change> receiver, Runnable gap) {
        super("receiver", "changes of the other nodes are missed", source, maxDelayMs);
        this.node = node;
        this.schemaVersion = schemaVersion;
        this.collections = collections;
        this.receiver = receiver;
        this.gap = gap;
    }

    @Override
    void connected(JMSContext context, boolean afterOutage) {
        consumer = context.createConsumer(source().topic(context),
                TopicSender.NODE_PROPERTY + " <> '" + node.replace("'", "''") + "'");
        if (afterOutage) {
            lastSequence.clear();
            gap.run();
        }
    }

    @Override
    void work(JMSContext context) {
        Message message = consumer.receive(500);
        if (message == null) {
            return;
        }
        String text;
        try {
            text = message.getBody(String.class);
        } catch (JMSException e) {
            LOG.warning(() -> "Rivulet realtime: a message on the topic is not a text message: " + e);
            return;
        }
        try {
            ChangeMessage.fromJson(text, collections).ifPresent(this::accept);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Rivulet realtime: a message on the topic is not a change: " + e.getMessage());
        }
    }

    private void accept(ChangeMessage message) {
        if (node.equals(message.node())) {
            return;
        }
        Long last = lastSequence.put(message.node(), message.sequence());
        if (last == null) {
            LOG.info(() -> "Rivulet realtime: receiving the changes of node " + message.node() + " (from its change "
                    + message.sequence() + (schemaVersion.equals(message.schemaVersion()) ? ")"
                    : "; it runs schema version " + message.schemaVersion() + ", this node " + schemaVersion
                    + ": its changes are read with this node's schema)"));
        } else if (message.sequence() != last + 1) {
            LOG.info(() -> "Rivulet realtime: " + (message.sequence() - last - 1) + " changes of node "
                    + message.node() + " were lost");
            gap.run();
        }
        receiver.accept(message.change());
    }
}
