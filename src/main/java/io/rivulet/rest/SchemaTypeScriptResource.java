package io.rivulet.rest;

import io.rivulet.Errors;
import io.rivulet.schema.ServerSchema;
import io.rivulet.schema.typescript.TypeScriptTarget;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code GET /api/rstore/_schema.ts?target=zero|rstore}: the generated TypeScript of the exposed
 * collections (SCHEMA.md §2), written from the description {@code _schema} serves (computed once
 * per deployment by {@link ServerSchema}).
 */
@Path("rstore/_schema.ts")
@RequestScoped
public class SchemaTypeScriptResource {

    private static final String TARGETS = Arrays.stream(TypeScriptTarget.values()).map(TypeScriptTarget::id)
            .collect(Collectors.joining(" or "));

    @Inject
    ServerSchema schema;

    @GET
    @Produces("text/plain; charset=utf-8")
    public String typeScript(@QueryParam("target") String target) {
        TypeScriptTarget file = TypeScriptTarget.named(target)
                .orElseThrow(() -> Errors.invalidTarget("expected " + TARGETS));
        return file.write(schema.described());
    }
}
