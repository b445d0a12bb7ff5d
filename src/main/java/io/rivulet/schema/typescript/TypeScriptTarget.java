package io.rivulet.schema.typescript;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The generated TypeScript files (SCHEMA.md §2), each written from the schema description of
 * {@link io.rivulet.schema.SchemaDescription}: the route and the build-time command serve the
 * same text for the same description.
 */
public enum TypeScriptTarget {

    /** A Zero {@code schema.ts} for {@code @rocicorp/zero}. */
    ZERO("zero", ZeroSchemaWriter::write),

    /** rstore collections, relations and row types for {@code @rstore/vue}. */
    RSTORE("rstore", RstoreSchemaWriter::write);

    private final String id;
    private final Function<Map<String, Object>, String> writer;

    TypeScriptTarget(String id, Function<Map<String, Object>, String> writer) {
        this.id = id;
        this.writer = writer;
    }

    /** The name of the target in {@code ?target=}. */
    public String id() {
        return id;
    }

    /** The target called {@code id}, if there is one. */
    public static Optional<TypeScriptTarget> named(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** The file for a schema description. */
    public String write(Map<String, Object> description) {
        return writer.apply(description);
    }
}
