package com.example.inventory;

import io.rivulet.RivuletPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The unit Rivulet serves: the application's own, {@code inventory}. */
@ApplicationScoped
public class InventoryPersistence {

    @Produces
    @RivuletPersistence
    @PersistenceContext(unitName = "inventory")
    EntityManager entityManager;
}
