package com.example.inventory;

import io.rivulet.RstoreException;
import io.rivulet.hooks.Before;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.ForEntity;
import io.rivulet.hooks.On;
import io.rivulet.hooks.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The application's own before hook: a product is never created with a negative stock. */
@ApplicationScoped
public class StockRule {

    void beforeCreate(@Observes @Before @On(Operation.INDEX_POST) @ForEntity(Product.class) CollectionEvent event) {
        Object stock = event.body().map(body -> body.get("stock")).orElse(0);
        if (stock instanceof Number number && number.intValue() < 0) {
            throw new RstoreException(400, "Stock must not be negative");
        }
    }
}
