package io.rivulet.schema;

import jakarta.persistence.EntityManagerFactory;

/** A {@link CollectionRegistry} outside CDI, built from the unit's metamodel as the container builds it. */
public final class Registries {

    private Registries() {
    }

    public static CollectionRegistry of(EntityManagerFactory entityManagerFactory) {
        CollectionRegistry registry = new CollectionRegistry();
        registry.build(entityManagerFactory.getMetamodel());
        return registry;
    }
}
