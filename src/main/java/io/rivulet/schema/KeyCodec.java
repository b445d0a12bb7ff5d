package io.rivulet.schema;

import io.rivulet.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * rstore keys: the primary-key values joined with {@code ::} in primary-key order, each segment
 * coerced by its field's type ({@code "7::42"}). A key text that is not exactly a key is refused.
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
            if (!isExact(field, segments[i])) {
                throw new InvalidValueException(Errors.Texts.invalidKey(key, collection.name()));
            }
            try {
                values.add(ValueCodec.fromWire(field, segments[i], true));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(Errors.Texts.invalidKey(key, collection.name()));
            }
        }
        return values;
    }

    /**
     * Whether a segment is a key value as it stands, with nothing for a lenient parse to trim away
     * ("1" followed by a NUL is not row 1): a NUL or a lone surrogate is in no key, and a key that
     * is not text (a number, a boolean, a date) has no space or control character.
     */
    private static boolean isExact(FieldDescriptor field, String segment) {
        boolean text = field.type() == FieldType.STRING;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == 0 || !text && (c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                return false;
            }
        }
        return Utf16.isWellFormed(segment);
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
