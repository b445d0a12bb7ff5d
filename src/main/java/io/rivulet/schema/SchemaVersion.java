package io.rivulet.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version of a schema description: the first 8 bytes (16 hex digits) of a SHA-256 of the
 * canonical JSON of its {@code collections}. Canonical means object keys sorted, arrays in order,
 * no whitespace, numbers in their shortest plain decimal form — so the server's description and a
 * client's copy of it (parsed and re-serialized by any JSON library, in any key order) hash the
 * same, and any change to a name, type, flag or value changes the hash. Reordering fields in an
 * entity does not: field order is not part of the schema.
 *
 * <p>Works on plain values (Map, List, String, Number, Boolean, null), as JSON parses to.
 */
public final class SchemaVersion {

    private SchemaVersion() {
    }

    /** @param collections the {@code collections} object of a description, as plain values */
    public static String of(Object collections) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(collections).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical JSON text of a plain value. */
    static String canonical(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            String separator = "";
            for (Map.Entry<String, Object> member : sorted.entrySet()) {
                out.append(separator);
                string(out, member.getKey());
                out.append(':');
                write(out, member.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Number number) {
            out.append(number(number));
        } else {
            string(out, value.toString());
        }
    }

    /** 0, 0.0 and 0E+3 are one number in JSON; so are 1.50 and 1.5. */
    private static String number(Number number) {
        BigDecimal exact;
        if (number instanceof BigDecimal d) {
            exact = d;
        } else if (number instanceof BigInteger i) {
            exact = new BigDecimal(i);
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                return "null";
            }
            exact = BigDecimal.valueOf(d);
        } else {
            exact = BigDecimal.valueOf(number.longValue());
        }
        return exact.signum() == 0 ? "0" : exact.stripTrailingZeros().toPlainString();
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
