package io.rivulet.realtime.jms;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * The application server's own broker ({@code rivulet.jms.connection-factory}): WildFly full's
 * embedded Artemis, Payara Server's OpenMQ, or any connection factory bound in JNDI.
 */
final class JndiTopicSource extends TopicSource {

    private final String factoryName;

    JndiTopicSource(String factoryName, String topicName) {
        super(topicName);
        this.factoryName = factoryName;
    }

    @Override
    JMSContext open() {
        return Jndi.lookup(factoryName, ConnectionFactory.class).createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    String broker() {
        return "connection factory " + factoryName;
    }
}
