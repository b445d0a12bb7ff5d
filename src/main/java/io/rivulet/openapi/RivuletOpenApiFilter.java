package io.rivulet.openapi;

import io.rivulet.schema.DescribedSchema;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI document of the generated API ({@code /openapi} on Payara): the server's scan of
 * the JAX-RS resources, with the rstore routes of every exposed collection in place of the
 * generic {@code /api/rstore/{collection}} resource ({@link ApiDocument}), written from the
 * schema description that {@code GET /api/rstore/_schema} serves — so the allow-list and hidden
 * fields apply as there.
 *
 * <p>Named by {@code mp.openapi.filter} in the WAR's {@code microprofile-config.properties}.
 * The server makes it by reflection, not CDI, and Payara runs it at the first request of
 * {@code /openapi}, in that application's request: it reads the description {@link PublishedSchema}
 * handed over when startup ended. It is not a CDI bean (no bean-defining annotation, and the
 * archive's discovery mode is {@code annotated}), so a server without MicroProfile OpenAPI
 * (WildFly full) never loads it.
 */
public class RivuletOpenApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(RivuletOpenApiFilter.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI document) {
        PublishedSchema.published().ifPresentOrElse(published -> {
            DescribedSchema schema = published.schema();
            document.setInfo(OASFactory.createInfo().title("Rivulet rstore API").version(schema.version())
                    .description("The rstore REST API of the exposed collections (schema version " + schema.version()
                            + "). Request bodies and the superjson parameter are SuperJSON; responses are plain JSON,"
                            + " but for _batch's."));
            ApiDocument.describe(document, schema, published.changesFeed());
            dropEndpoints(document);
        }, () -> LOG.warning("Rivulet has not started yet: the OpenAPI document lacks its collections"));
    }

    /**
     * Payara adds a top-level {@code endpoints} (its paths by context root) that is no part of
     * OpenAPI, so that validators and client generators refuse the document ("attribute endpoints
     * is unexpected"). Emptied, Payara leaves it out (it writes no empty value). Found by name:
     * its model class is not API, and other servers have no such method.
     */
    private static void dropEndpoints(OpenAPI document) {
        try {
            Method endpoints = document.getClass().getMethod("getEndpoints");
            if (endpoints.invoke(document) instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (NoSuchMethodException e) {
            // not Payara's model: nothing to drop
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Rivulet could not drop the server's endpoints attribute", e);
        }
    }
}
