package io.rivulet.schema;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Whether Java text is well-formed UTF-16. A lone surrogate (JSON's {@code \}{@code ud800} alone) has no
 * UTF-8 form: a JDBC driver writes it as {@code ?}, so the client's value would be stored changed
 * and realtime would publish a value the database does not hold. Bodies, keys and filters refuse it.
 * They refuse a NUL too ({@link #isStorable}): PostgreSQL stores no NUL in text or JSON (a write
 * fails, a filter is a server error), H2 does — refused on every database, a request means the same.
 */
final class Utf16 {

    private Utf16() {
    }

    static boolean isWellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Well-formed, and without a NUL. */
    static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == 0) {
                return false;
            }
        }
        return isWellFormed(text);
    }

    /** Every string of a JSON value, member names included, is {@link #isStorable storable}. */
    static boolean isStorable(JsonValue json) {
        return switch (json.getValueType()) {
            case STRING -> isStorable(((JsonString) json).getString());
            case ARRAY -> json.asJsonArray().stream().allMatch(Utf16::isStorable);
            case OBJECT -> json.asJsonObject().entrySet().stream()
                    .allMatch((Map.Entry<String, JsonValue> e) -> isStorable(e.getKey()) && isStorable(e.getValue()));
            default -> true;
        };
    }
}
