package io.rivulet.wire;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JSON writer: plain Java values (Map, List, String, Number, Boolean, Instant, JsonValue)
 * straight to UTF-8 bytes, with no intermediate tree and no {@code String} of the whole document.
 * Rows are written from the values read out of the database, in field order.
 *
 * <p>Its bytes are those JSON-P (Parsson) wrote before it, which the captured traffic and the
 * clients were checked against: {@code "}, {@code \} and control characters escaped (the short
 * forms {@code \b \f \n \r \t}, else {@code \}{@code u00xx}), everything else as UTF-8 (a lone surrogate,
 * which UTF-8 cannot carry, as {@code ?}); dates as {@link IsoInstant}; doubles as
 * {@code BigDecimal.valueOf(d)}, non-finite ones as {@code null}.
 */
public final class JsonWriter {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    /** Member names ({@code "title":}) as bytes: rows repeat a few names endlessly. Bounded. */
    private static final Map<String, byte[]> NAMES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int length;
    /** Per open container: whether its next member needs a comma first. */
    private boolean[] comma = new boolean[16];
    private int depth;
    /** A name was just written: the next value follows it without a comma. */
    private boolean afterName;
    /** The last date written ({@code YYYY-MM-DD}) and its epoch day. */
    private final byte[] cachedDate = new byte[10];
    private long cachedDay = Long.MIN_VALUE;

    public JsonWriter() {
        this(512);
    }

    public JsonWriter(int capacity) {
        buffer = new byte[Math.max(capacity, 16)];
    }

    /** One value as a JSON text. */
    public static String write(Object value) {
        return new JsonWriter().value(value).toString();
    }

    public JsonWriter beginObject() {
        separate();
        put((byte) '{');
        open();
        return this;
    }

    public JsonWriter endObject() {
        depth--;
        put((byte) '}');
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        put((byte) '[');
        open();
        return this;
    }

    public JsonWriter endArray() {
        depth--;
        put((byte) ']');
        return this;
    }

    /** A member name inside an object; its value comes next. */
    public JsonWriter name(String name) {
        separate();
        byte[] encoded = NAMES.get(name);
        if (encoded == null) {
            int start = length;
            string(name);
            put((byte) ':');
            if (name.length() <= 64 && NAMES.size() < 4096) {
                NAMES.putIfAbsent(name, Arrays.copyOfRange(buffer, start, length));
            }
        } else {
            put(encoded);
        }
        afterName = true;
        return this;
    }

    /** A member: a name and its value. */
    public JsonWriter member(String name, Object value) {
        return name(name).value(value);
    }

    /** Any supported value; maps and lists are written recursively, other objects as their text. */
    public JsonWriter value(Object value) {
        if (value instanceof String s) {
            separate();
            string(s);
            return this;
        }
        if (value instanceof Long || value instanceof Integer) {
            separate();
            integer(((Number) value).longValue());
            return this;
        }
        if (value instanceof Map<?, ?> map) {
            beginObject();
            map.forEach((k, v) -> member(String.valueOf(k), v));
            return endObject();
        }
        if (value instanceof List<?> list) {
            beginArray();
            for (Object element : list) {
                value(element);
            }
            return endArray();
        }
        if (value instanceof JsonValue json) {
            return json(json);
        }
        separate();
        if (value == null) {
            put(NULL);
        } else if (value instanceof Boolean b) {
            put(b ? TRUE : FALSE);
        } else if (value instanceof Short || value instanceof Byte) {
            ascii(Long.toString(((Number) value).longValue()));
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                ascii(BigDecimal.valueOf(d).toString());
            } else {
                put(NULL);
            }
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            ascii(value.toString());
        } else if (value instanceof Instant instant) {
            instant(instant);
        } else {
            string(value.toString());
        }
        return this;
    }

    private JsonWriter json(JsonValue json) {
        switch (json.getValueType()) {
            case OBJECT -> {
                beginObject();
                ((JsonObject) json).forEach(this::member);
                endObject();
            }
            case ARRAY -> {
                beginArray();
                for (JsonValue element : (JsonArray) json) {
                    json(element);
                }
                endArray();
            }
            case STRING -> value(((JsonString) json).getString());
            case NUMBER -> {
                separate();
                ascii(((JsonNumber) json).toString());
            }
            case TRUE -> value(Boolean.TRUE);
            case FALSE -> value(Boolean.FALSE);
            default -> value(null);
        }
        return this;
    }

    /** A JSON text written elsewhere, as the next value (trusted: it is not checked). */
    public JsonWriter raw(String json) {
        separate();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        put(bytes);
        return this;
    }

    public int size() {
        return length;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buffer, length);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, length);
    }

    @Override
    public String toString() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private void open() {
        if (depth == comma.length) {
            comma = Arrays.copyOf(comma, depth * 2);
        }
        comma[depth++] = false;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (comma[depth - 1]) {
                put((byte) ',');
            } else {
                comma[depth - 1] = true;
            }
        }
    }

    /** {@link IsoInstant#format}, without the intermediate objects for years 0 to 9999 (rows hold many dates of few days). */
    private void instant(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        if (day != cachedDay) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(
                    Math.max(Math.min(day, 2_932_896L), -719_528L)); // clamped to 0000..9999-12-31
            if (date.toEpochDay() != day) {
                quotedAscii(IsoInstant.format(instant));
                return;
            }
            digits(cachedDate, 0, date.getYear(), 4);
            cachedDate[4] = '-';
            digits(cachedDate, 5, date.getMonthValue(), 2);
            cachedDate[7] = '-';
            digits(cachedDate, 8, date.getDayOfMonth(), 2);
            cachedDay = day;
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        ensure(26);
        buffer[length++] = '"';
        System.arraycopy(cachedDate, 0, buffer, length, 10);
        length += 10;
        buffer[length++] = 'T';
        digits(buffer, length, secondOfDay / 3600, 2);
        buffer[length + 2] = ':';
        digits(buffer, length + 3, secondOfDay / 60 % 60, 2);
        buffer[length + 5] = ':';
        digits(buffer, length + 6, secondOfDay % 60, 2);
        buffer[length + 8] = '.';
        digits(buffer, length + 9, instant.getNano() / 1_000_000, 3);
        buffer[length + 12] = 'Z';
        buffer[length + 13] = '"';
        length += 14;
    }

    /** An integer's digits straight into the buffer (no {@code String}: rows are mostly keys). */
    private void integer(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int width = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            width++;
        }
        for (int i = length + width - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    private static void digits(byte[] target, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            target[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private void quotedAscii(String text) {
        put((byte) '"');
        ascii(text);
        put((byte) '"');
    }

    private void ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    @SuppressWarnings("deprecation")
    private void string(String text) {
        int n = text.length();
        ensure(n + 2);
        buffer[length++] = '"';
        int plain = 0;
        while (plain < n) {
            char c = text.charAt(plain);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        // the plain ASCII prefix (usually all of it) in one copy
        text.getBytes(0, plain, buffer, length);
        length += plain;
        for (int i = plain; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (length == buffer.length) {
                    ensure(1);
                }
                buffer[length++] = (byte) c;
            } else {
                i = special(text, i, c);
            }
        }
        put((byte) '"');
    }

    /** Writes an escaped or non-ASCII character; returns the index of the last char consumed. */
    private int special(String text, int i, char c) {
        ensure(12);
        switch (c) {
            case '"' -> escape('"');
            case '\\' -> escape('\\');
            case '\b' -> escape('b');
            case '\f' -> escape('f');
            case '\n' -> escape('n');
            case '\r' -> escape('r');
            case '\t' -> escape('t');
            default -> {
                if (c < 0x20) {
                    buffer[length++] = '\\';
                    buffer[length++] = 'u';
                    buffer[length++] = '0';
                    buffer[length++] = '0';
                    buffer[length++] = HEX[c >> 4];
                    buffer[length++] = HEX[c & 0xF];
                } else if (c < 0x800) {
                    buffer[length++] = (byte) (0xC0 | (c >> 6));
                    buffer[length++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(i + 1));
                    buffer[length++] = (byte) (0xF0 | (cp >> 18));
                    buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buffer[length++] = (byte) (0x80 | (cp & 0x3F));
                    return i + 1;
                } else if (Character.isSurrogate(c)) {
                    buffer[length++] = '?';
                } else {
                    buffer[length++] = (byte) (0xE0 | (c >> 12));
                    buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buffer[length++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }
        return i;
    }

    private void escape(char c) {
        buffer[length++] = '\\';
        buffer[length++] = (byte) c;
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
