package io.rivulet.wire;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Json.createValue(…)} and friends look the provider
 * up through the class loader on every call, which profiling showed as the main cost of a list.
 */
public final class Jsonp {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }
}
