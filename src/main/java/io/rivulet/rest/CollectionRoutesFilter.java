package io.rivulet.rest;

import io.rivulet.RstoreException;
import io.rivulet.batch.BatchService;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.Operation;
import io.rivulet.hooks.RequestInfo;
import io.rivulet.schema.ServerSchema;
import io.rivulet.store.CollectionOperations;
import io.rivulet.wire.JsonWriter;
import io.rivulet.wire.SuperJson;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rstore collection routes (PROTOCOL §2) at the edge: {@code GET|POST /api/rstore/{collection}}
 * and {@code GET|PATCH|DELETE /api/rstore/{collection}/{key}}, and {@code POST /api/rstore/_batch}, are answered here, on the servlet
 * request, without the JAX-RS runtime — which costs more per request than the whole operation
 * (docs/benchmarks.md). Everything else under {@code /api/rstore} (the {@code _} routes, other
 * methods, odd paths) goes on to the JAX-RS resources, whose answers (405 with {@code Allow},
 * 404) stay the reference. Both answer in the same protocol: JSON bodies from the one
 * {@link JsonWriter}, errors as {@link ErrorResponses} writes them.
 */
@WebFilter(urlPatterns = "/api/rstore/*")
public class CollectionRoutesFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(CollectionRoutesFilter.class.getName());
    private static final String PREFIX = "/api/rstore/";
    /** {@code GET /api/rstore/{collection}/_changes}, the changes feed ({@link CollectionResource#changes}). */
    static final String FEED = "_changes";

    @Inject
    CollectionOperations operations;

    @Inject
    RequestDecoder decoder;

    @Inject
    io.rivulet.schema.CollectionRegistry registry;

    @Inject
    ServerSchema schema;

    @Inject
    BatchService batch;

    @Inject
    SecurityContext security;

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        if (isBatch(request)) {
            batch(request, response);
            return;
        }
        Route route = Route.of(request);
        if (route == null) {
            chain.doFilter(request, response);
            return;
        }
        Object result;
        try {
            checkSchemaVersion(request);
            result = run(route, request);
        } catch (Exception e) {
            // checked exceptions too: interceptors may throw them through a proxy as they are
            error(request, response, e);
            return;
        }
        if (result == null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        Optional<String> etag = etag(route, result);
        if (etag.isPresent()) {
            response.setHeader("ETag", etag.get());
            String ifNoneMatch = request.getHeader("If-None-Match");
            if (route.operation == Operation.ITEM_GET && ifNoneMatch != null
                    && io.rivulet.store.ItemVersions.matches(ifNoneMatch, etag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        JsonWriter json = new JsonWriter(1024).value(result);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(json.size());
        json.writeTo(response.getOutputStream());
    }

    /** {@code POST /api/rstore/_batch} (PROTOCOL §5): a SuperJSON request and a SuperJSON response. */
    private static boolean isBatch(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + PREFIX + "_batch");
    }

    private void batch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            checkSchemaVersion(request);
            String rawQuery = request.getQueryString();
            Object decoded = decoder.batchBody(request.getInputStream());
            body = SuperJson.encodeToBytes(Map.of("results", batch.run(decoded, info(request, rawQuery))));
        } catch (Exception e) {
            error(request, response, e);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Object run(Route route, HttpServletRequest request) throws IOException {
        String rawQuery = request.getQueryString();
        Supplier<RequestInfo> info = () -> info(request, rawQuery);
        return switch (route.operation) {
            case INDEX_GET -> operations.list(event(route, null, rawQuery, info, request));
            case ITEM_GET -> operations.get(event(route, null, rawQuery, info, request));
            case INDEX_POST -> operations.create(event(route, decoder.itemBody(body(request)), rawQuery, info,
                    request));
            case ITEM_PATCH -> operations.patch(event(route, decoder.itemBody(body(request)), rawQuery, info,
                    request));
            case ITEM_DELETE -> operations.delete(event(route, null, rawQuery, info, request));
        };
    }

    /** The {@code ETag} of an item route's row (GET, PATCH): its version ({@link io.rivulet.store.ItemVersions}). */
    @SuppressWarnings("unchecked")
    private Optional<String> etag(Route route, Object result) {
        if ((route.operation != Operation.ITEM_GET && route.operation != Operation.ITEM_PATCH)
                || !(result instanceof Map<?, ?> row)) {
            return Optional.empty();
        }
        return registry.find(route.collection)
                .flatMap(c -> io.rivulet.store.ItemVersions.etag(c, (Map<String, Object>) row));
    }

    private static InputStream body(HttpServletRequest request) throws IOException {
        return request.getInputStream();
    }

    private CollectionEvent event(Route route, Map<String, Object> body, String rawQuery, Supplier<RequestInfo> info,
            HttpServletRequest request) {
        return new CollectionEvent(route.operation, route.collection, route.key, body, rawQuery,
                () -> decoder.searchQuery(rawQuery), info)
                .clientIdFrom(() -> RequestInfo.clientId(
                        Optional.ofNullable(request.getHeader(RequestInfo.CLIENT_ID_HEADER))));
    }

    private void checkSchemaVersion(HttpServletRequest request) {
        SchemaVersionFilter.check(schema, request.getHeader(SchemaVersionFilter.HEADER));
    }

    private RequestInfo info(HttpServletRequest request, String rawQuery) {
        return CurrentRequest.info(request, security, rawQuery);
    }

    private static String url(HttpServletRequest request, String rawQuery) {
        StringBuffer url = request.getRequestURL();
        return rawQuery == null ? url.toString() : url.append('?').append(rawQuery).toString();
    }

    private static void error(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException {
        Optional<RstoreException> rstore = RstoreException.in(failure);
        if (rstore.isEmpty()) {
            LOG.log(Level.SEVERE, "Unexpected error on " + request.getRequestURI(), failure);
        }
        RstoreException error = rstore.orElseGet(() -> io.rivulet.Errors.serverError());
        ErrorResponses.write(request, response, url(request, request.getQueryString()), error.status(),
                error.statusMessage(), error.statusMessage(), error.data());
    }

    /** A collection route, or null for anything the JAX-RS resources answer. */
    private record Route(Operation operation, String collection, String key) {

        static Route of(HttpServletRequest request) {
            String uri = request.getRequestURI();
            int start = request.getContextPath().length() + PREFIX.length();
            if (uri.length() <= start || !uri.startsWith(PREFIX, request.getContextPath().length())) {
                return null;
            }
            String path = uri.substring(start);
            int slash = path.indexOf('/');
            String collection = decode(slash < 0 ? path : path.substring(0, slash));
            String key = slash < 0 ? null : decode(path.substring(slash + 1));
            if (collection == null || collection.isEmpty() || collection.startsWith("_")
                    || (slash >= 0 && (key == null || key.isEmpty()))
                    || (FEED.equals(key) && "GET".equals(request.getMethod()))) { // the changes feed: JAX-RS
                return null;
            }
            Operation operation = switch (request.getMethod()) {
                case "GET" -> key == null ? Operation.INDEX_GET : Operation.ITEM_GET;
                case "POST" -> key == null ? Operation.INDEX_POST : null;
                case "PATCH" -> key == null ? null : Operation.ITEM_PATCH;
                case "DELETE" -> key == null ? null : Operation.ITEM_DELETE;
                default -> null;
            };
            return operation == null ? null : new Route(operation, collection, key);
        }

        /** A path segment percent-decoded as UTF-8; null for what the JAX-RS runtime should judge. */
        private static String decode(String segment) {
            if (segment.indexOf('/') >= 0 || segment.indexOf(';') >= 0) {
                return null;
            }
            if (segment.indexOf('%') < 0) {
                return segment;
            }
            byte[] bytes = new byte[segment.length()];
            int length = 0;
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '%') {
                    if (i + 2 >= segment.length()) {
                        return null;
                    }
                    int high = Character.digit(segment.charAt(i + 1), 16);
                    int low = Character.digit(segment.charAt(i + 2), 16);
                    if (high < 0 || low < 0) {
                        return null;
                    }
                    bytes[length++] = (byte) (high << 4 | low);
                    i += 2;
                } else if (c < 0x80) {
                    bytes[length++] = (byte) c;
                } else {
                    return null;
                }
            }
            try {
                String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
                return decoded.indexOf('/') >= 0 ? null : decoded;
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }
}
