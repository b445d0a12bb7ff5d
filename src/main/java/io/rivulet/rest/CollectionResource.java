package io.rivulet.rest;

import io.rivulet.store.CollectionService;
import io.rivulet.wire.PlainJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;

/** The rstore REST routes (PROTOCOL §2): thin, everything else is in {@link CollectionService}. */
@Path("rstore")
@RequestScoped
public class CollectionResource {

    @Inject
    CollectionService collections;

    @Inject
    RequestDecoder decoder;

    @Context
    UriInfo uri;

    @GET
    @Path("{collection}")
    public Response list(@PathParam("collection") String collection) {
        return json(collections.list(collection, decoder.searchQuery(uri.getRequestUri().getRawQuery())));
    }

    @POST
    @Path("{collection}")
    public Response create(@PathParam("collection") String collection, InputStream body) {
        return json(collections.create(collection, decoder.itemBody(body)));
    }

    @GET
    @Path("{collection}/{key}")
    public Response get(@PathParam("collection") String collection, @PathParam("key") String key) {
        return jsonOrNoContent(collections.get(collection, key, decoder.searchQuery(uri.getRequestUri().getRawQuery())));
    }

    @PATCH
    @Path("{collection}/{key}")
    public Response patch(@PathParam("collection") String collection, @PathParam("key") String key,
            InputStream body) {
        return jsonOrNoContent(collections.patch(collection, key, decoder.itemBody(body)));
    }

    @DELETE
    @Path("{collection}/{key}")
    public Response delete(@PathParam("collection") String collection, @PathParam("key") String key) {
        return jsonOrNoContent(collections.delete(collection, key));
    }

    private static Response json(Object value) {
        return Response.ok(PlainJson.write(value), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A missing row is {@code 204 No Content}, as Nitro answers a handler that returns null. */
    private static Response jsonOrNoContent(Optional<?> value) {
        return value.isPresent() ? json(value.get()) : Response.noContent().build();
    }
}
