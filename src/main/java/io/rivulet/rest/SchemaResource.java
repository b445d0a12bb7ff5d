package io.rivulet.rest;

import io.rivulet.hooks.AllowList;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.SchemaDescription;
import io.rivulet.wire.PlainJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/rstore/_schema}: the description of the exposed collections (SCHEMA.md §1). */
@Path("rstore/_schema")
@RequestScoped
public class SchemaResource {

    @Inject
    CollectionRegistry registry;

    @Inject
    AllowList allowList;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String schema() {
        return PlainJson.write(SchemaDescription.of(registry.all(), allowList::isAllowed));
    }
}
