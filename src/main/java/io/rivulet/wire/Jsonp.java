package io.rivulet.wire;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * The JSON-P provider, looked up once. {@code Json.createValue(…)} and friends look the provider
 * up through the class loader on every call, which profiling showed as the main cost of a list.
 */
public final class Jsonp {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    /**
     * Parses one JSON value and refuses anything after it. A JsonReader silently ignores text
     * after the first value ({@code {"json":1} x}); the streaming parser reports it.
     *
     * @throws RuntimeException a JsonException mostly, but implementations also throw others, e.g.
     *                          Parsson an UnsupportedOperationException for numbers longer than its limit
     */
    public static JsonValue parse(String text) {
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            parser.next();
            JsonValue root = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("unexpected text after the value");
            }
            return root;
        }
    }
}
