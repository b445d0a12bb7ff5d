package io.rivulet.realtime.jms;

import static io.rivulet.realtime.jms.ChangeMessageTest.todo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.broker.ArtemisBroker;
import io.rivulet.realtime.Change;
import io.rivulet.schema.TestCollections;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JMS adapter between two buses ("nodes") in this JVM, on a real Artemis broker. */
class JmsChangeBusTest {

    private ArtemisBroker broker;
    private JmsChangeBus a;
    private JmsChangeBus b;
    private final BlockingQueue<Change> atA = new LinkedBlockingQueue<>();
    private final BlockingQueue<Change> atB = new LinkedBlockingQueue<>();
    private final Semaphore gapsAtB = new Semaphore(0);

    @BeforeEach
    void start() throws Exception {
        broker = new ArtemisBroker("127.0.0.1", freePort()).start();
        a = bus("node-a");
        b = bus("node-b");
        a.onChange(atA::add);
        b.onChange(atB::add);
        b.onGap(gapsAtB::release);
        awaitConnected(a);
        awaitConnected(b);
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        broker.stop();
    }

    private JmsChangeBus bus(String node) {
        return JmsChangeBus.artemis(broker.url(), "rivulet.test", new JmsChangeBus.Options(node, "v1", 1000, 200),
                TestCollections::find, Executors.defaultThreadFactory()).start();
    }

    private static Change created(int id) {
        return new Change("todos", Change.CREATED, String.valueOf(id), todo(id, "t" + id, false), null, "client-" + id);
    }

    @Test
    void eachNodeGetsEveryChangeExactlyOnce() throws Exception {
        a.publish(created(1));
        b.publish(created(2));
        // a node's own change and the other node's come in either order
        var both = java.util.Set.of(created(1), created(2));
        assertEquals(both, new java.util.HashSet<>(java.util.Arrays.asList(atA.poll(5, TimeUnit.SECONDS),
                atA.poll(5, TimeUnit.SECONDS))), "local delivery and the other node's, origin client id kept");
        assertEquals(both, new java.util.HashSet<>(java.util.Arrays.asList(atB.poll(5, TimeUnit.SECONDS),
                atB.poll(5, TimeUnit.SECONDS))), "local delivery and the other node's, origin client id kept");
        assertNull(atA.poll(1, TimeUnit.SECONDS), "no change twice");
        assertNull(atB.poll(100, TimeUnit.MILLISECONDS), "no change twice");
    }

    @Test
    void orderOfOneNodeIsKept() throws Exception {
        for (int i = 1; i <= 200; i++) {
            a.publish(created(i));
        }
        for (int i = 1; i <= 200; i++) {
            assertEquals(String.valueOf(i), atB.poll(5, TimeUnit.SECONDS).key());
        }
        assertEquals(0, gapsAtB.availablePermits(), "no gap without loss");
    }

    @Test
    void brokerRestartLocalFanOutGoesOnPublishNeverBlocksAndDeliveryResumes() throws Exception {
        broker.stop();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 1; i <= 500; i++) {
                a.publish(created(i));
            }
        }, "publishing never waits for the broker");
        for (int i = 1; i <= 500; i++) {
            assertEquals(String.valueOf(i), atA.poll(5, TimeUnit.SECONDS).key(), "local fan-out keeps working");
        }
        broker.start();
        awaitConnected(a);
        awaitConnected(b);
        assertTrue(gapsAtB.tryAcquire(5, TimeUnit.SECONDS), "the receiver reports that it may have missed changes");
        a.publish(created(1000));
        assertEquals("1000", atB.poll(5, TimeUnit.SECONDS).key(), "delivery resumes");
        assertTrue(a.dropped() > 0, "changes made while the broker was away are dropped, not replayed later");
    }

    @Test
    void aJumpInANodesSequenceIsAGap() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
             JMSContext context = factory.createContext()) {
            var producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setProperty(TopicSender.NODE_PROPERTY, "node-x");
            for (long sequence : new long[] {1, 2, 5}) {
                producer.send(context.createTopic("rivulet.test"),
                        new ChangeMessage("node-x", sequence, "v1", created((int) sequence)).toJson());
            }
        }
        for (int i = 0; i < 3; i++) {
            atB.poll(5, TimeUnit.SECONDS);
        }
        assertTrue(gapsAtB.tryAcquire(5, TimeUnit.SECONDS), "2 → 5: changes 3 and 4 were lost");
        assertEquals(0, gapsAtB.availablePermits());
    }

    @Test
    void closeDoesNotHangOnADeadBroker() throws Exception {
        broker.stop();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            a.close();
            b.close();
        });
    }

    private static void awaitConnected(JmsChangeBus bus) throws InterruptedException {
        for (int i = 0; i < 100 && !bus.isConnected(); i++) {
            Thread.sleep(100);
        }
        assertTrue(bus.isConnected(), "connected to the broker within 10 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
