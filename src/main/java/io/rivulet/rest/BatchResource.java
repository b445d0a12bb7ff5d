package io.rivulet.rest;

import io.rivulet.batch.BatchService;
import io.rivulet.wire.SuperJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code POST /api/rstore/_batch}, matched before {@code {collection}}: a SuperJSON request, and a
 * SuperJSON response {@code {"json":{"results":[…]}}} (the client cannot read plain JSON here).
 */
@Path("rstore/_batch")
@RequestScoped
public class BatchResource {

    @Inject
    BatchService batch;

    @Inject
    RequestDecoder decoder;

    @Inject
    CurrentRequest request;

    @POST
    public Response run(InputStream body) {
        Object decoded = decoder.batchBody(body);
        var results = batch.run(decoded, request.info());
        return Response.ok(SuperJson.encode(Map.of("results", results)), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
