package io.rivulet.broker;

import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An ActiveMQ Artemis broker in this JVM, for the multi-node tests and for running a Payara Micro
 * cluster from this project ({@code bin/broker}): one TCP acceptor, no persistence (Rivulet's
 * messages are non-persistent: realtime delivery is at most once), no security.
 */
public final class ArtemisBroker implements AutoCloseable {

    private final String host;
    private final int port;
    private EmbeddedActiveMQ broker;

    public ArtemisBroker(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** {@code tcp://host:port}, the {@code rivulet.jms.broker-url} of the nodes. */
    public String url() {
        return "tcp://" + host + ":" + port;
    }

    public synchronized ArtemisBroker start() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("tcp", url());
        broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        return this;
    }

    public synchronized void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not stop", e);
        }
    }

    /** {@code bin/broker [--host 127.0.0.1] [--port 61616]}: runs until stopped. */
    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 61616;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ArtemisBroker broker = new ArtemisBroker(host, port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                // stopping anyway
            }
        }));
        System.out.println("Artemis broker listening on " + broker.url() + " (Ctrl-C stops it)");
        new CountDownLatch(1).await();
    }
}
