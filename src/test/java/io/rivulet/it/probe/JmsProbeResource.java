package io.rivulet.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Test only (WildFly): the container's JMS used from inside the WAR without an MDB, as the JMS
 * change bus's "container connection factory" mode will: {@code java:/ConnectionFactory} and the
 * topic {@code java:/jms/topic/rivulet} that wildfly/configure.cli creates.
 * {@code POST listen} opens a consumer, {@code POST send} publishes its body, {@code GET next}
 * answers the next message the consumer got (within 5 s; 204 when none came).
 */
@Path("test/jms")
@ApplicationScoped
public class JmsProbeResource {

    private JMSContext listening;
    private JMSConsumer consumer;

    @POST
    @Path("listen")
    public synchronized void listen() throws NamingException {
        close();
        listening = factory().createContext();
        consumer = listening.createConsumer(topic());
    }

    @POST
    @Path("send")
    public void send(String text) throws NamingException {
        try (JMSContext context = factory().createContext()) {
            context.createProducer().send(topic(), text);
        }
    }

    @GET
    @Path("next")
    @Produces(MediaType.TEXT_PLAIN)
    public synchronized String next() {
        if (consumer == null) {
            throw new IllegalStateException("POST test/jms/listen first");
        }
        return consumer.receiveBody(String.class, 5000);
    }

    @jakarta.annotation.PreDestroy
    synchronized void close() {
        if (listening != null) {
            try {
                listening.close();
            } catch (JMSRuntimeException e) {
                // closing anyway
            }
            listening = null;
            consumer = null;
        }
    }

    private static ConnectionFactory factory() throws NamingException {
        return (ConnectionFactory) new InitialContext().lookup("java:/ConnectionFactory");
    }

    private static Topic topic() throws NamingException {
        return (Topic) new InitialContext().lookup("java:/jms/topic/rivulet");
    }
}
