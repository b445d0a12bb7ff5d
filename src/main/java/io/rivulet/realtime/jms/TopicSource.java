package io.rivulet.realtime.jms;

import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

/**
 * Where the change topic lives: opens connections to the broker and names the topic on them.
 * Either the Artemis client inside the WAR ({@link ArtemisTopicSource}) or the application
 * server's own connection factory ({@link JndiTopicSource}).
 */
abstract class TopicSource implements AutoCloseable {

    private final String topicName;

    /** @param topicName the topic's name, or its JNDI name when it starts with {@code java:} */
    TopicSource(String topicName) {
        this.topicName = topicName;
    }

    /** A new connection (JMS context); each of the bus's two threads holds its own. */
    abstract JMSContext open();

    /** For the log: which broker. */
    abstract String broker();

    /** The topic, on a context this source opened. */
    final Topic topic(JMSContext context) {
        return topicName.startsWith("java:") ? Jndi.lookup(topicName, Topic.class) : context.createTopic(topicName);
    }

    /** For the log: which broker and topic. */
    final String describe() {
        return broker() + ", topic " + topicName;
    }

    @Override
    public void close() {
    }
}
