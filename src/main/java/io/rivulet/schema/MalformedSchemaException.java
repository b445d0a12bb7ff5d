package io.rivulet.schema;

/** A schema description (from a client) that does not have the shape of SCHEMA.md §1. */
public class MalformedSchemaException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param detail where and what, e.g. {@code todos.primaryKey must be an array} */
    public MalformedSchemaException(String detail) {
        super(detail);
    }
}
