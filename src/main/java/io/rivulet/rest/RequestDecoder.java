package io.rivulet.rest;

import io.rivulet.Errors;
import io.rivulet.RstoreException;
import io.rivulet.config.RivuletSettings;
import io.rivulet.store.RequestLimits;
import io.rivulet.query.SearchQuery;
import io.rivulet.query.SearchQueryParser;
import io.rivulet.wire.SuperJson;
import io.rivulet.wire.SuperJsonException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decodes what the rstore client sends: the {@code superjson} query parameter (form-encoded,
 * {@code +} is a space) and SuperJSON request bodies, within the configured size limits.
 */
@ApplicationScoped
public class RequestDecoder {

    private static final String PARAMETER = "superjson";

    @Inject
    RivuletSettings settings;

    private final SearchQueryCache parsed = new SearchQueryCache();

    /** The search query of a GET; a missing or empty parameter is the empty query. */
    public SearchQuery searchQuery(String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? SearchQuery.EMPTY : parsed.get(rawQuery, this::parseQuery);
    }

    private SearchQuery parseQuery(String rawQuery) {
        List<String> values = parameterValues(rawQuery);
        if (values.size() > 1) {
            throw Errors.invalidSuperjson("repeated parameter");
        }
        if (values.isEmpty() || values.get(0).isEmpty()) {
            return SearchQuery.EMPTY;
        }
        String text = values.get(0);
        if (settings.maxQueryBytes() > 0 && text.length() > settings.maxQueryBytes()) {
            throw Errors.invalidSuperjson("longer than " + settings.maxQueryBytes() + " bytes");
        }
        Object decoded;
        try {
            decoded = SuperJson.decode(text).value();
        } catch (SuperJsonException e) {
            throw Errors.invalidSuperjson(e.getMessage());
        }
        return new SearchQueryParser(RequestLimits.of(settings)).parse(decoded);
    }

    /** A create or patch body: a SuperJSON object whose {@code json} is an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> itemBody(InputStream body) {
        Object decoded;
        try {
            decoded = SuperJson.decode(read(body, Errors::invalidRequestBody)).value();
        } catch (SuperJsonException e) {
            throw Errors.invalidRequestBody(e.getMessage());
        }
        if (!(decoded instanceof Map<?, ?> map)) {
            throw Errors.invalidRequestBody("expected an object");
        }
        return (Map<String, Object>) map;
    }

    /** A {@code _batch} body: any SuperJSON value (its shape is checked by the batch). */
    public Object batchBody(InputStream body) {
        try {
            return SuperJson.decode(read(body, Errors::invalidBatchRequest)).value();
        } catch (SuperJsonException e) {
            throw Errors.invalidBatchRequest(e.getMessage());
        }
    }

    /** A plain JSON body (not SuperJSON), e.g. a schema description, as plain values. */
    public Object jsonBody(InputStream body) {
        try {
            return SuperJson.decodePlain(read(body, Errors::invalidRequestBody));
        } catch (SuperJsonException e) {
            throw Errors.invalidRequestBody(e.getMessage());
        }
    }

    /** @param invalid the 400 of this kind of body, with the reason */
    private String read(InputStream body, Function<String, RstoreException> invalid) {
        int max = settings.maxBodyBytes() > 0 ? settings.maxBodyBytes() : Integer.MAX_VALUE - 8;
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(max + 1);
            if (bytes.length > max) {
                throw Errors.bodyTooLarge(max);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid.apply("not UTF-8");
        } catch (IOException e) {
            throw invalid.apply("unreadable");
        }
    }

    private static List<String> parameterValues(String rawQuery) {
        List<String> values = new ArrayList<>(1);
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (PARAMETER.equals(decode(name))) {
                values.add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Errors.invalidSuperjson("bad percent-encoding");
        }
    }
}
