package io.rivulet.schema.typescript;

import io.rivulet.schema.DescribedSchema;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Schema descriptions for the generator tests (and the type check of {@code TypeScriptSchemaIT}),
 * read as the server reads its own.
 */
public final class Descriptions {

    private Descriptions() {
    }

    /** What {@code GET _schema} answered for the example domain (no allow-list). */
    public static DescribedSchema example() {
        return parse(resource("/schema/example-description.json"));
    }

    /**
     * What the example domain lacks: a compound-key relationship, one and many between compound
     * keys, a two-hop relationship, every column type, and names that are not identifiers.
     */
    public static DescribedSchema edgeCases() {
        return parse(resource("/schema/edge-description.json"));
    }

    static String resource(String path) {
        try (InputStream in = Descriptions.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DescribedSchema parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return DescribedSchema.read(plain(reader.readValue()));
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> value.asJsonArray().stream().map(Descriptions::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).numberValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
        };
    }
}
