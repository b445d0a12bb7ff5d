package io.rivulet.schema;

import io.rivulet.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * rstore keys: the primary-key values joined with {@code ::} in primary-key order, each segment
 * coerced by its field's type ({@code "7::42"}).
 */
public final class KeyCodec {

    public static final String SEPARATOR = "::";
    private static final Pattern SPLIT = Pattern.compile(Pattern.quote(SEPARATOR));

    private KeyCodec() {
    }

    /**
     * The attribute values of a key, in primary-key order.
     *
     * @throws InvalidValueException when the key has the wrong number of segments or a segment
     *                               does not fit its field
     */
    public static List<Object> parse(CollectionDescriptor collection, String key) {
        List<FieldDescriptor> fields = collection.primaryKey();
        String[] segments = SPLIT.split(key, -1);
        if (fields.isEmpty() || segments.length != fields.size()) {
            throw new InvalidValueException(Errors.Texts.invalidKey(key, collection.name()));
        }
        List<Object> values = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            FieldDescriptor field = fields.get(i);
            try {
                values.add(ValueCodec.fromWire(field, segments[i], true));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(Errors.Texts.invalidKey(key, collection.name()));
            }
        }
        return values;
    }

    /** The key of a wire row, as realtime and the client compute it. */
    public static String format(CollectionDescriptor collection, Map<String, Object> row) {
        StringBuilder key = new StringBuilder();
        for (FieldDescriptor field : collection.primaryKey()) {
            if (key.length() > 0) {
                key.append(SEPARATOR);
            }
            key.append(io.rivulet.query.JsText.of(row.get(field.name())));
        }
        return key.toString();
    }
}
