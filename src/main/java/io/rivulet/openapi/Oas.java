package io.rivulet.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Short builders of MicroProfile OpenAPI model objects, so that the documents read as their shape. */
final class Oas {

    static final String JSON = "application/json";

    private Oas() {
    }

    static Schema type(SchemaType type) {
        return OASFactory.createSchema().type(type);
    }

    static Schema object() {
        return type(SchemaType.OBJECT);
    }

    static Schema string() {
        return type(SchemaType.STRING);
    }

    static Schema integer() {
        return type(SchemaType.INTEGER);
    }

    static Schema bool() {
        return type(SchemaType.BOOLEAN);
    }

    static Schema arrayOf(Schema items) {
        return type(SchemaType.ARRAY).items(items);
    }

    /** Any JSON value: a schema without a type. */
    static Schema anyValue(String description) {
        return OASFactory.createSchema().description(description);
    }

    /** A reference to {@code #/components/schemas/<name>}. */
    static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    static Schema oneOf(Schema... schemas) {
        return OASFactory.createSchema().oneOf(List.of(schemas));
    }

    static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType().schema(schema));
    }

    static APIResponse response(String description, Schema schema) {
        APIResponse response = OASFactory.createAPIResponse().description(description);
        return schema == null ? response : response.content(json(schema));
    }

    /** A reference to {@code #/components/responses/<name>}. */
    static APIResponse responseRef(String name) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + name);
    }
}
