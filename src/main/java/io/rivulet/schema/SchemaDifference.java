package io.rivulet.schema;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One reason why a client's schema is not compatible with the server's (SCHEMA.md §3).
 *
 * @param kind         what differs
 * @param collection   the collection concerned, or null (an unknown version)
 * @param field        the field concerned, or null
 * @param relationship the relationship concerned, or null
 * @param detail       a sentence for people: what differs and what to do
 */
public record SchemaDifference(Kind kind, String collection, String field, String relationship, String detail) {

    /** What differs; on the wire in kebab case ({@code field-missing}). */
    public enum Kind {
        /** The client announced a version the server has not been shown. */
        UNKNOWN_VERSION,
        /** The client uses a collection the server does not expose (removed, renamed, or off the allow-list). */
        COLLECTION_MISSING,
        /** The primary key fields (or their order, which makes the {@code a::b} key) differ. */
        PRIMARY_KEY_CHANGED,
        /** The client uses a field the server does not have (removed, renamed or hidden). */
        FIELD_MISSING,
        /** The field's type differs. */
        TYPE_CHANGED,
        /** The server no longer accepts enumeration values the client may send. */
        ENUMERATION_VALUES_MISSING,
        /** The value's format differs (date-time, date, integer). */
        FORMAT_CHANGED,
        /** The client holds the field as required; the server may return null. */
        MAY_BE_NULL,
        /** The server needs a value on insert that the client does not have to send. */
        REQUIRED_ON_INSERT,
        /** The server has a required column without a default that the client does not know. */
        NEW_REQUIRED_COLUMN,
        /** The client writes a field the server now treats as read-only. */
        READ_ONLY,
        /** The client uses a relationship the server does not have. */
        RELATIONSHIP_MISSING,
        /** The relationship's kind or hops differ. */
        RELATIONSHIP_CHANGED;

        /** The wire name, e.g. {@code new-required-column}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** As JSON-like values, for an error's {@code data}: absent parts are left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind.wireName());
        if (collection != null) {
            map.put("collection", collection);
        }
        if (field != null) {
            map.put("field", field);
        }
        if (relationship != null) {
            map.put("relationship", relationship);
        }
        map.put("detail", detail);
        return map;
    }
}
