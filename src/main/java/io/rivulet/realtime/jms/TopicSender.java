package io.rivulet.realtime.jms;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends this node's changes to the topic from its own thread, so a commit never waits for the
 * broker. Non-persistent messages: delivery is at most once. While the broker is away changes are
 * dropped, not queued — receivers notice the gap in the sequence numbers and have their clients
 * refresh, which is fresher than replaying stale changes later.
 */
final class TopicSender extends TopicLink {

    /** The message property receivers filter on, so a node never receives its own changes. */
    static final String NODE_PROPERTY = "rivuletNode";

    private final String node;
    private final BlockingQueue<ChangeMessage> pending;
    private final AtomicLong dropped = new AtomicLong();
    private JMSProducer producer;
    private Topic topic;

    TopicSender(TopicSource source, String node, int maxPending, long maxDelayMs) {
        super("sender", "this node's changes do not reach the other nodes", source, maxDelayMs);
        this.node = node;
        this.pending = new ArrayBlockingQueue<>(Math.max(1, maxPending));
    }

    /** Queues a message; false (and dropped) when the broker is away or too many are waiting. */
    boolean offer(ChangeMessage message) {
        if (isConnected() && pending.offer(message)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    void connected(JMSContext context, boolean afterOutage) {
        topic = source().topic(context);
        producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setProperty(NODE_PROPERTY, node);
    }

    @Override
    void work(JMSContext context) throws InterruptedException {
        ChangeMessage message = pending.poll(500, TimeUnit.MILLISECONDS);
        if (message != null) {
            producer.send(topic, message.toJson());
        }
    }

    @Override
    void disconnected() {
        dropped.addAndGet(pending.size());
        pending.clear();
    }
}
