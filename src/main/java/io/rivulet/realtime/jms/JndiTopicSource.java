package io.rivulet.realtime.jms;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

/**
 * The application server's own broker ({@code rivulet.jms.connection-factory}): WildFly full's
 * embedded Artemis, Payara Server's OpenMQ, or any connection factory bound in JNDI.
 */
final class JndiTopicSource implements TopicSource {

    private final String factoryName;
    private final String topicName;

    JndiTopicSource(String factoryName, String topicName) {
        this.factoryName = factoryName;
        this.topicName = topicName;
    }

    @Override
    public JMSContext open() {
        return Jndi.lookup(factoryName, ConnectionFactory.class).createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public Topic topic(JMSContext context) {
        return TopicSource.topic(context, topicName);
    }

    @Override
    public String describe() {
        return "connection factory " + factoryName + ", topic " + topicName;
    }
}
