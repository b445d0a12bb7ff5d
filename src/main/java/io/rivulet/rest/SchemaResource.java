package io.rivulet.rest;

import io.rivulet.Errors;
import io.rivulet.schema.MalformedSchemaException;
import io.rivulet.schema.SchemaVerdict;
import io.rivulet.schema.ServerSchema;
import io.rivulet.wire.PlainJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/rstore/_schema}: the description of the exposed collections (SCHEMA.md §1);
 * {@code POST} with a client's description: is it compatible (§3)? The answer is {@code 200
 * {compatible:true, serverVersion, clientVersion}} or {@code 409 SchemaVersionNotSupported} with
 * the differences; either way the server remembers the description, so that the client may
 * announce only its version afterwards. A front-end's CI check, and how an HTTP-only client makes
 * its version known.
 */
@Path("rstore/_schema")
@RequestScoped
public class SchemaResource {

    @Inject
    ServerSchema schema;

    @Inject
    RequestDecoder decoder;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String schema() {
        return schema.json();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public String check(InputStream body) {
        Object description = decoder.jsonBody(body);
        if (!(description instanceof Map<?, ?> map) || !map.containsKey("collections")) {
            // only a full description can be compared; a bare version is what the header is for
            throw Errors.invalidSchemaDescription("expected {version?, collections}");
        }
        SchemaVerdict verdict;
        try {
            verdict = schema.judgeAnnounced(description);
        } catch (MalformedSchemaException e) {
            throw Errors.invalidSchemaDescription(e.getMessage());
        }
        if (!verdict.compatible()) {
            throw verdict.refusal();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("compatible", true);
        answer.put("serverVersion", verdict.serverVersion());
        answer.put("clientVersion", verdict.clientVersion());
        return PlainJson.write(answer);
    }
}
