package io.rivulet.example;

import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;

/** Stores a JSON document as text, portably (no database-specific JSON type). */
@Converter
public class JsonColumn implements AttributeConverter<JsonValue, String> {

    @Override
    public String convertToDatabaseColumn(JsonValue value) {
        return value == null ? null : value.toString();
    }

    @Override
    public JsonValue convertToEntityAttribute(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = io.rivulet.wire.Jsonp.PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
