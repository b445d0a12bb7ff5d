package io.rivulet.schema;

/** What a field holds on the wire; decides value coercion, filtering and the schema type. */
public enum FieldType {
    /** Text (also UUIDs and other string-like values). */
    STRING,
    /** Whole numbers; emitted as JSON integers. */
    INTEGER,
    /** Decimal numbers. */
    DECIMAL,
    BOOLEAN,
    /** A point in time; ISO-8601 string on the wire, stored as UTC. */
    TIMESTAMP,
    /** A calendar date; {@code YYYY-MM-DD} on the wire. */
    DATE,
    /** One of a fixed set of string values (a Java enum). */
    ENUMERATION,
    /** A JSON document (JSON-P {@code JsonValue}). */
    JSON;

    /** Whether SQL ordering and comparison operators make sense for this type. */
    public boolean isComparable() {
        return this != JSON;
    }
}
