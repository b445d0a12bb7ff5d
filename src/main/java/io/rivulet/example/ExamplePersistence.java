package io.rivulet.example;

import io.rivulet.RivuletPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The unit Rivulet serves in the example WAR: {@code rivulet} (META-INF/persistence.xml). */
@ApplicationScoped
public class ExamplePersistence {

    @Produces
    @RivuletPersistence
    @PersistenceContext(unitName = "rivulet")
    EntityManager entityManager;
}
