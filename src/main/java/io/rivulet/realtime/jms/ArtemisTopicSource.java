package io.rivulet.realtime.jms;

import jakarta.jms.JMSContext;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An ActiveMQ Artemis broker reached with the Artemis Jakarta client inside the WAR
 * ({@code rivulet.jms.broker-url}), for servers without a broker of their own (Payara Micro).
 */
final class ArtemisTopicSource extends TopicSource {

    private final String url;
    private final ActiveMQConnectionFactory factory;

    ArtemisTopicSource(String url, String topicName) {
        super(topicName);
        this.url = url;
        this.factory = new ActiveMQConnectionFactory(url);
        // the bus reconnects itself, with its own backoff, so that it can tell when it was cut off
        if (!url.contains("reconnectAttempts")) {
            factory.setReconnectAttempts(0);
        }
        if (!url.contains("callTimeout")) {
            // a close or send on a dead connection must not hang (STACK.md: ~30 s by default)
            factory.setCallTimeout(5_000);
        }
    }

    @Override
    JMSContext open() {
        return factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    String broker() {
        return "Artemis broker " + url;
    }

    @Override
    public void close() {
        factory.close();
        // the client's global thread pools belong to this application's class loader
        ActiveMQClient.clearThreadPools(1, TimeUnit.SECONDS);
    }
}
