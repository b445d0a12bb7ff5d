package io.rivulet.rest;

import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.Operation;
import io.rivulet.offline.ChangesFeed;
import io.rivulet.store.CollectionOperations;
import io.rivulet.wire.PlainJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;

/**
 * The rstore REST routes (PROTOCOL §2): decode the request into a {@link CollectionEvent}, run
 * the operation, encode the result — a missing row is {@code 204 No Content}, as Nitro answers a
 * handler that returns null.
 */
@Path("rstore")
@RequestScoped
public class CollectionResource {

    @Inject
    CollectionOperations collections;

    @Inject
    RequestDecoder decoder;

    @Inject
    ChangesFeed feed;

    @Inject
    CurrentRequest request;

    @GET
    @Path("{collection}")
    public Response list(@PathParam("collection") String collection) {
        return json(collections.list(event(Operation.INDEX_GET, collection, null, null)));
    }

    @POST
    @Path("{collection}")
    public Response create(@PathParam("collection") String collection, InputStream body) {
        return json(collections.create(event(Operation.INDEX_POST, collection, null, decoder.itemBody(body))));
    }

    /** The changes feed (README, "Offline sync"): a page of changes after {@code since}. */
    @GET
    @Path("{collection}/" + CollectionRoutesFilter.FEED)
    public Response changes(@PathParam("collection") String collection, @QueryParam("since") String since,
            @QueryParam("limit") String limit) {
        return json(feed.page(collection, since, limit, request.info()).toWire());
    }

    @GET
    @Path("{collection}/{key}")
    public Response get(@PathParam("collection") String collection, @PathParam("key") String key) {
        return json(collections.get(event(Operation.ITEM_GET, collection, key, null)));
    }

    @PATCH
    @Path("{collection}/{key}")
    public Response patch(@PathParam("collection") String collection, @PathParam("key") String key,
            InputStream body) {
        return json(collections.patch(event(Operation.ITEM_PATCH, collection, key, decoder.itemBody(body))));
    }

    @DELETE
    @Path("{collection}/{key}")
    public Response delete(@PathParam("collection") String collection, @PathParam("key") String key) {
        return json(collections.delete(event(Operation.ITEM_DELETE, collection, key, null)));
    }

    private CollectionEvent event(Operation operation, String collection, String key, Map<String, Object> body) {
        String rawQuery = request.rawQuery();
        return new CollectionEvent(operation, collection, key, body, rawQuery, () -> decoder.searchQuery(rawQuery),
                request.info());
    }

    private static Response json(Object value) {
        return value == null ? Response.noContent().build()
                : Response.ok(PlainJson.write(value), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
