package io.rivulet.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link JsonWriter} writes the bytes JSON-P's generator wrote for the same values. */
class JsonWriterTest {

    @Test
    void writesWhatJsonPWrote() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 7);
        row.put("title", "a\"b\\c/\u0001\u001f\u007f\u2028é\n\t\b\f\r😀");
        row.put("done", false);
        row.put("big", 123456789012345L);
        row.put("x", 1.5e300);
        row.put("y", 0.1);
        row.put("z", 100.0);
        row.put("f", 2.5f);
        row.put("nan", Double.NaN);
        row.put("dec", new BigDecimal("1.50"));
        row.put("bi", new BigInteger("123456789012345678901234567890"));
        row.put("at", Instant.parse("2025-01-02T03:04:05.678Z"));
        row.put("none", null);
        row.put("list", List.of(1, "two", List.of(), Map.of()));
        row.put("json", PlainJson.toJsonValue(Map.of("k", List.of(1, 2.5, "s"))));
        assertEquals(jsonP(row), JsonWriter.write(row));
        assertEquals(jsonP(List.of(row, row)), JsonWriter.write(List.of(row, row)));
    }

    @Test
    void integersAsTheirDecimalText() {
        List<Long> longs = new java.util.ArrayList<>(List.of(0L, 1L, -1L, 9L, 10L, -10L, 99L, 100L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, (long) Integer.MIN_VALUE));
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            longs.add(random.nextLong() >> random.nextInt(64));
        }
        for (long value : longs) {
            assertEquals(Long.toString(value), JsonWriter.write(value));
            assertEquals(Integer.toString((int) value), JsonWriter.write((int) value));
        }
    }

    @Test
    void randomStringsMatch() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(20); j > 0; j--) {
                text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x100)));
            }
            Map<String, Object> value = Map.of(text.toString(), text.toString());
            // the old path wrote a String, then the container encoded it as UTF-8
            String expected = new String(jsonP(value).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertEquals(expected, new String(new JsonWriter().value(value).toBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void instantsAsIsoInstantWritesThem() {
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("-0001-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("2024-02-29T12:34:56.789Z")));
        for (int i = 0; i < 5000; i++) {
            instants.add(Instant.ofEpochMilli(random.nextLong() % 400_000_000_000_000L));
            instants.add(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000), random.nextInt(1_000_000_000)));
        }
        JsonWriter out = new JsonWriter();
        out.value(instants);
        StringBuilder expected = new StringBuilder("[");
        for (Instant instant : instants) {
            expected.append(expected.length() > 1 ? "," : "").append('"').append(IsoInstant.format(instant)).append('"');
        }
        assertEquals(expected.append(']').toString(), out.toString());
    }

    @Test
    void membersAndArraysByHand() {
        JsonWriter out = new JsonWriter(16);
        out.beginArray().beginObject().member("a", 1).name("b").beginArray().value(null).value(true).endArray()
                .endObject().value("x").raw("{\"r\":1}").endArray();
        assertEquals("[{\"a\":1,\"b\":[null,true]},\"x\",{\"r\":1}]", out.toString());
    }

    /** The former PlainJson.write: a JSON-P generator over {@link PlainJson#toJsonValue}. */
    private static String jsonP(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = Jsonp.PROVIDER.createGenerator(text)) {
            write(out, null, value);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            if (name == null) {
                out.writeStartObject();
            } else {
                out.writeStartObject(name);
            }
            map.forEach((k, v) -> write(out, String.valueOf(k), v));
            out.writeEnd();
        } else if (value instanceof List<?> list) {
            if (name == null) {
                out.writeStartArray();
            } else {
                out.writeStartArray(name);
            }
            new ArrayList<>(list).forEach(v -> write(out, null, v));
            out.writeEnd();
        } else if (name == null) {
            out.write(PlainJson.toJsonValue(value));
        } else {
            out.write(name, PlainJson.toJsonValue(value));
        }
    }
}
