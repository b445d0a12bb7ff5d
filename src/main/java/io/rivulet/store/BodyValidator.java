package io.rivulet.store;

import io.rivulet.Errors;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.ValueCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a decoded create or patch body into attribute values, rejecting anything that does not
 * fit before a single value is written. Relation fields (the client's normalized relation data)
 * are ignored; unknown and hidden fields are a 400.
 */
final class BodyValidator {

    private BodyValidator() {
    }

    /** @return field → attribute value (Java type) for every field the body writes */
    static Map<FieldDescriptor, Object> forCreate(CollectionDescriptor collection, Map<String, Object> body) {
        Map<FieldDescriptor, Object> values = convert(collection, body, false);
        Object defaults = collection.newInstance();
        for (FieldDescriptor field : collection.fields()) {
            boolean serverSet = field.generated() || isServerTimestamp(field) || field.readOnly()
                    || collection.version().filter(field::equals).isPresent();
            if (!field.optional() && !serverSet && !field.hidden() && values.get(field) == null
                    && collection.read(defaults, field) == null) {
                throw Errors.missingRequiredField(field.name(), collection.name());
            }
        }
        return values;
    }

    /**
     * Primary-key fields and {@code createdAt} are ignored, as the rstore client expects (it sends
     * them back); a value of the wrong type is still refused.
     */
    static Map<FieldDescriptor, Object> forPatch(CollectionDescriptor collection, Map<String, Object> body) {
        return convert(collection, body, true);
    }

    private static Map<FieldDescriptor, Object> convert(CollectionDescriptor collection, Map<String, Object> body,
            boolean patch) {
        Map<FieldDescriptor, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            String name = entry.getKey();
            if (collection.relations().containsKey(name) || name.startsWith("$")) {
                continue;
            }
            FieldDescriptor field = collection.visibleField(name).orElseThrow(() -> Errors.unknownBodyField(name, collection.name()));
            if (patch && (field.primaryKey() || CollectionDescriptor.CREATED_AT.equals(name))
                    || CollectionDescriptor.UPDATED_AT.equals(name) || collection.version().filter(field::equals).isPresent()) {
                // (the version is the server's; a patch's value is the version it was based on, see Versions)
                // ignored, but only when it could be written: garbage is refused, not silently dropped
                if (entry.getValue() != null) {
                    value(collection, field, entry.getValue());
                }
                continue;
            }
            if (field.readOnly()) {
                throw Errors.readOnlyField(name, collection.name());
            }
            values.put(field, value(collection, field, entry.getValue()));
        }
        return values;
    }

    private static Object value(CollectionDescriptor collection, FieldDescriptor field, Object wire) {
        if (wire == null) {
            if (!field.optional() && !field.generated() && !isServerTimestamp(field)) {
                throw Errors.nullField(field.name(), collection.name());
            }
            return null;
        }
        try {
            return ValueCodec.fromWire(field, wire, false);
        } catch (InvalidValueException e) {
            throw Errors.invalidFieldValue(field.name(), collection.name());
        }
    }

    static boolean isServerTimestamp(FieldDescriptor field) {
        return CollectionDescriptor.CREATED_AT.equals(field.name()) || CollectionDescriptor.UPDATED_AT.equals(field.name());
    }
}
