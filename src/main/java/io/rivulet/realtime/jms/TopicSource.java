package io.rivulet.realtime.jms;

import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

/**
 * Where the change topic lives: opens connections to the broker and names the topic on them.
 * Either the Artemis client inside the WAR ({@link ArtemisTopicSource}) or the application
 * server's own connection factory ({@link JndiTopicSource}).
 */
interface TopicSource extends AutoCloseable {

    /** A new connection (JMS context); each of the bus's two threads holds its own. */
    JMSContext open();

    /** The topic, on a context this source opened. */
    Topic topic(JMSContext context);

    /** For the log: which broker and topic. */
    String describe();

    @Override
    default void close() {
    }

    /** The topic named {@code name}, or looked up in JNDI when it is a {@code java:} name. */
    static Topic topic(JMSContext context, String name) {
        return name.startsWith("java:") ? Jndi.lookup(name, Topic.class) : context.createTopic(name);
    }
}
