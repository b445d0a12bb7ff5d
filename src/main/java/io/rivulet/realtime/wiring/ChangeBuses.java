package io.rivulet.realtime.wiring;

import io.rivulet.config.RivuletSettings;
import io.rivulet.realtime.ChangeBus;
import io.rivulet.realtime.InMemoryChangeBus;
import io.rivulet.realtime.jms.JmsChangeBus;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.SchemaDescription;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Chooses the {@link ChangeBus} from the configuration: {@code rivulet.bus=jms} with
 * {@code rivulet.jms.broker-url} (the Artemis client inside the WAR) or
 * {@code rivulet.jms.connection-factory} (the server's own broker, by JNDI name) fans out across
 * nodes; without {@code rivulet.bus} the in-memory bus serves one node.
 */
@ApplicationScoped
public class ChangeBuses {

    private static final Logger LOG = Logger.getLogger(ChangeBuses.class.getName());

    @Inject
    RivuletSettings settings;

    @Inject
    CollectionRegistry registry;

    @Resource
    ManagedThreadFactory threads;

    @Produces
    @ApplicationScoped
    ChangeBus bus() {
        String bus = settings.bus().orElse("memory");
        if ("memory".equals(bus)) {
            LOG.info("Rivulet realtime: one node (in-memory change bus); set rivulet.bus=jms to fan out across nodes");
            return new InMemoryChangeBus();
        }
        if (!"jms".equals(bus)) {
            throw new IllegalStateException("rivulet.bus=" + bus + " is not a change bus: use jms, or leave it unset");
        }
        JmsChangeBus.Options options = new JmsChangeBus.Options(
                settings.nodeId().orElseGet(() -> UUID.randomUUID().toString()),
                (String) SchemaDescription.of(registry.all(), name -> true).get("version"),
                settings.jmsMaxPending(), settings.jmsMaxReconnectDelayMs());
        if (settings.jmsBrokerUrl().isPresent() == settings.jmsConnectionFactory().isPresent()) {
            throw new IllegalStateException("rivulet.bus=jms needs exactly one of rivulet.jms.broker-url"
                    + " (an Artemis broker, e.g. tcp://broker:61616) and rivulet.jms.connection-factory"
                    + " (the JNDI name of the server's connection factory)");
        }
        JmsChangeBus jms = settings.jmsBrokerUrl().isPresent()
                ? JmsChangeBus.artemis(settings.jmsBrokerUrl().get(), settings.jmsTopic(), options, registry::find, threads)
                : JmsChangeBus.jndi(settings.jmsConnectionFactory().get(), settings.jmsTopic(), options, registry::find, threads);
        return jms.start();
    }

    void close(@Disposes ChangeBus bus) {
        if (bus instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warning(() -> "Rivulet realtime: closing the change bus failed: " + e);
            }
        }
    }
}
