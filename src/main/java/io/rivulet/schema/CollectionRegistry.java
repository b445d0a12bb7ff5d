package io.rivulet.schema;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Every collection of the deployment, built once from the JPA metamodel and immutable after. */
@ApplicationScoped
public class CollectionRegistry {

    private static final Logger LOG = Logger.getLogger(CollectionRegistry.class.getName());

    @PersistenceUnit(unitName = "rivulet")
    EntityManagerFactory entityManagerFactory;

    private Map<String, CollectionDescriptor> collections;

    @PostConstruct
    void build() {
        Map<String, CollectionDescriptor> byName = new LinkedHashMap<>();
        MetamodelReader.read(entityManagerFactory.getMetamodel()).forEach(c -> byName.put(c.name(), c));
        collections = java.util.Collections.unmodifiableMap(byName);
        LOG.info(() -> "Rivulet collections: " + String.join(", ", collections.keySet()));
    }

    /** Builds the registry at deployment, so a broken mapping fails the deployment, not a request. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        collections.size();
    }

    public Optional<CollectionDescriptor> find(String name) {
        return Optional.ofNullable(collections.get(name));
    }

    public Collection<CollectionDescriptor> all() {
        return collections.values();
    }
}
