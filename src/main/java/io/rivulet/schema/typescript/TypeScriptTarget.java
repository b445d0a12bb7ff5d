package io.rivulet.schema.typescript;

import io.rivulet.schema.DescribedSchema;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The generated TypeScript files (SCHEMA.md §2), each written from a schema description read into
 * a {@link DescribedSchema} (the server's is {@link io.rivulet.schema.ServerSchema#described()}):
 * the route and the build-time command serve the same text for the same description.
 */
public enum TypeScriptTarget {

    /** A Zero {@code schema.ts} for {@code @rocicorp/zero}. */
    ZERO("zero", ZeroSchemaWriter::write),

    /** rstore collections, relations and row types for {@code @rstore/vue}. */
    RSTORE("rstore", RstoreSchemaWriter::write);

    private final String id;
    private final Function<DescribedSchema, String> writer;

    TypeScriptTarget(String id, Function<DescribedSchema, String> writer) {
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
    public String write(DescribedSchema schema) {
        return writer.apply(schema);
    }
}
