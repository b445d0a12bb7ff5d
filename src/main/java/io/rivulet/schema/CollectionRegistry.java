package io.rivulet.schema;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Every collection of the deployment, built once from the JPA metamodel and immutable after. */
@ApplicationScoped
public class CollectionRegistry {

    private static final Logger LOG = Logger.getLogger(CollectionRegistry.class.getName());

    @Inject
    @io.rivulet.RivuletPersistence
    EntityManager entityManager;

    private Map<String, CollectionDescriptor> collections;
    private Map<Class<?>, CollectionDescriptor> byClass;

    @PostConstruct
    void build() {
        build(entityManager.getMetamodel());
    }

    /** The collections of this metamodel (also for a registry outside CDI). */
    void build(jakarta.persistence.metamodel.Metamodel metamodel) {
        Map<String, CollectionDescriptor> byName = new LinkedHashMap<>();
        MetamodelReader.read(metamodel).forEach(c -> byName.put(c.name(), c));
        collections = java.util.Collections.unmodifiableMap(byName);
        byClass = byName.values().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                CollectionDescriptor::entityClass, c -> c));
        LOG.info(() -> "Rivulet collections: " + String.join(", ", collections.keySet()));
    }

    public Optional<CollectionDescriptor> find(String name) {
        return Optional.ofNullable(collections.get(name));
    }

    /** The collection of an entity class (or of a provider's subclass of it). */
    public Optional<CollectionDescriptor> forEntity(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            CollectionDescriptor collection = byClass.get(c);
            if (collection != null) {
                return Optional.of(collection);
            }
        }
        return Optional.empty();
    }

    public Collection<CollectionDescriptor> all() {
        return collections.values();
    }
}
