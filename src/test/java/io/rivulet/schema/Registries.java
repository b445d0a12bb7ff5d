package io.rivulet.schema;

import jakarta.persistence.EntityManagerFactory;

/** A {@link CollectionRegistry} outside CDI, built exactly as the container builds it (its {@code @PostConstruct}). */
public final class Registries {

    private Registries() {
    }

    public static CollectionRegistry of(EntityManagerFactory entityManagerFactory) {
        CollectionRegistry registry = new CollectionRegistry();
        registry.entityManagerFactory = entityManagerFactory;
        registry.build();
        return registry;
    }
}
