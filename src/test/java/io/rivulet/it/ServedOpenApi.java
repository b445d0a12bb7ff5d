package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI document a Payara Micro serves at {@code /openapi}, read and validated by a real
 * OpenAPI validator (swagger-parser): a document it has anything to say about fails the test.
 *
 * @param document the parsed document
 * @param rstore   where the rstore routes are in its paths ({@code …/api/rstore})
 */
record ServedOpenApi(OpenAPI document, String rstore) {

    static ServedOpenApi of(URL deployment) throws IOException, InterruptedException {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(deployment.toString()).resolve("/openapi")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        ParseOptions options = new ParseOptions();
        // every reference is internal: resolving checks that each one leads somewhere
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.body(), null, options);
        assertNotNull(parsed.getOpenAPI(), () -> "not an OpenAPI document: " + parsed.getMessages());
        assertEquals(List.of(), parsed.getMessages(), "the validator's messages");
        String rstore = parsed.getOpenAPI().getPaths().keySet().stream().filter(p -> p.endsWith("/api/rstore/_schema"))
                .map(p -> p.substring(0, p.length() - "/_schema".length())).findFirst()
                .orElseThrow(() -> new AssertionError("no _schema path in " + parsed.getOpenAPI().getPaths().keySet()));
        return new ServedOpenApi(parsed.getOpenAPI(), rstore);
    }

    /** The collections the document describes: those with a list route. */
    Set<String> collections() {
        Set<String> collections = new TreeSet<>();
        for (String path : document.getPaths().keySet()) {
            String rest = path.startsWith(rstore + "/") ? path.substring(rstore.length() + 1) : "";
            if (!rest.isEmpty() && !rest.contains("/") && !rest.startsWith("_")) {
                collections.add(rest);
            }
        }
        return collections;
    }

    /** A component schema, which must exist. */
    Schema<?> schema(String name) {
        Schema<?> schema = document.getComponents().getSchemas().get(name);
        assertNotNull(schema, () -> "no schema " + name + " in " + document.getComponents().getSchemas().keySet());
        return schema;
    }
}
