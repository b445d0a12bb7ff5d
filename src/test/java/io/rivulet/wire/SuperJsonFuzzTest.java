package io.rivulet.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rivulet.wire.SuperJson.Decoded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random inputs, with fixed seeds so that a failure reproduces: whatever the client sends, decoding
 * either succeeds or throws {@link SuperJsonException}, never anything else.
 */
class SuperJsonFuzzTest {

    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", "\\", ".", ":", ",", "null", "true", "0", "-0",
        "1e999999999", "1e-999999999", "1e2147483648", "9".repeat(30), "\"Date\"", "\"undefined\"", "\"set\"", "\"map\"",
        "\"bigint\"", "\"number\"", "\"Error\"", "[\"Date\"]", "[\"undefined\"]", "[\"map\",{\"0.1\":[\"Date\"]}]",
        "[\"set\",{\"0\":[\"Date\"]}]", "\"a\\\\.b\"", "\"\\\\\"", "\"json\"", "\"meta\"", "\"values\"", "\"v\"",
        "{\"values\":", "\"0\"", "\"NaN\"", "\"2025-01-01T00:00:00.000Z\"", "\"\\u0000\"", "\"\\ud800\"", "\u2028"};

    private static final String[] TYPES = {"undefined", "Date", "bigint", "number", "set", "map", "regexp", "URL",
        "Error", "Symbol", "class"};

    @Test
    void mutatedSamples() {
        Random random = new Random(20250101);
        for (String sample : Samples.all().values()) {
            for (int round = 0; round < 1500; round++) {
                StringBuilder text = new StringBuilder(sample);
                int edits = 1 + random.nextInt(4);
                for (int edit = 0; edit < edits; edit++) {
                    mutate(text, random);
                }
                assertOnlySuperJsonException(text.toString());
            }
        }
    }

    @Test
    void randomValuesWithRandomAnnotations() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            List<String> paths = new ArrayList<>();
            String json = randomJson(random, 0, "", paths);
            StringBuilder values = new StringBuilder();
            if (random.nextInt(8) == 0) {
                values.append(randomAnnotation(random, paths, 0));
            } else {
                values.append('{');
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        values.append(',');
                    }
                    values.append(quote(randomPath(random, paths))).append(':').append(randomAnnotation(random, paths, 0));
                }
                values.append('}');
            }
            String version = random.nextInt(5) == 0 ? "" : ",\"v\":1";
            assertOnlySuperJsonException("{\"json\":" + json + ",\"meta\":{\"values\":" + values + version + "}}");
        }
    }

    @Test
    void encodeThenDecodeGivesTheValueBack() {
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            Object value = randomValue(random, 0);
            String text = SuperJson.encode(value);
            assertEquals(new Decoded(true, value), SuperJson.decode(text), text);
        }
    }

    private static void assertOnlySuperJsonException(String text) {
        try {
            SuperJson.decode(text);
        } catch (SuperJsonException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
        } catch (Throwable unexpected) {
            fail("Decoding threw " + unexpected + " for: " + (text.length() > 500 ? text.substring(0, 500) : text),
                    unexpected);
        }
    }

    private static void mutate(StringBuilder text, Random random) {
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(4)) {
            case 0 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
            case 1 -> {
                if (at < text.length()) {
                    text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                }
            }
            case 2 -> {
                if (at < text.length()) {
                    text.setCharAt(at, (char) (32 + random.nextInt(95)));
                }
            }
            default -> {
                if (text.length() == 0) {
                    return;
                }
                // Duplicate a slice somewhere else: makes plausible but misplaced structure.
                int from = random.nextInt(text.length());
                int to = Math.min(text.length(), from + random.nextInt(40));
                text.insert(at, text.substring(from, to));
            }
        }
    }

    /** Random JSON text; every path in it goes to {@code paths} (v1 escaping), so annotations often hit. */
    private static String randomJson(Random random, int depth, String path, List<String> paths) {
        if (!path.isEmpty()) {
            paths.add(path);
        }
        int kind = depth >= 4 ? random.nextInt(5) : random.nextInt(7);
        String prefix = path.isEmpty() ? "" : path + ".";
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> List.of("0", "-1", "1.5", "1e400", "9223372036854775808", "-0").get(random.nextInt(6));
            case 3 -> quote(List.of("2025-01-01T00:00:00.000Z", "x", "10", "NaN", "-0", "/a/g", "", "a.b")
                    .get(random.nextInt(8)));
            case 4 -> "[]";
            case 5 -> {
                StringBuilder array = new StringBuilder("[");
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.append(i > 0 ? "," : "").append(randomJson(random, depth + 1, prefix + i, paths));
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    String key = List.of("a", "b.c", "d\\e", "", "0").get(random.nextInt(5));
                    object.append(i > 0 ? "," : "").append(quote(key)).append(':')
                            .append(randomJson(random, depth + 1, prefix + SuperJsonPath.escape(key), paths));
                }
                yield object.append('}').toString();
            }
        };
    }

    private static String randomPath(Random random, List<String> paths) {
        if (!paths.isEmpty() && random.nextInt(4) != 0) {
            return paths.get(random.nextInt(paths.size()));
        }
        return List.of("", "0", "a", "a.0", "x.y", "a\\", "a\\q", "0.1", "b\\.c").get(random.nextInt(9));
    }

    private static String randomAnnotation(Random random, List<String> paths, int depth) {
        String type = quote(TYPES[random.nextInt(TYPES.length)]);
        return switch (depth > 2 ? 0 : random.nextInt(10)) {
            case 0, 1, 2, 3, 4, 5 -> "[" + type + "]";
            case 6 -> "[" + type + ",{" + quote(randomPath(random, List.of())) + ":"
                    + randomAnnotation(random, paths, depth + 1) + "}]";
            case 7 -> "[" + type + ",{" + quote(randomPath(random, paths)) + ":"
                    + randomAnnotation(random, paths, depth + 1) + "}]";
            case 8 -> List.of("[]", "{}", "null", "\"Date\"", "[1]", "[\"Date\",1]", "[[\"class\",\"X\"]]")
                    .get(random.nextInt(7));
            default -> "[" + type + ",null]";
        };
    }

    /** Values as decoding produces them, so that the round trip is exact. */
    private static Object randomValue(Random random, int depth) {
        switch (depth >= 4 ? random.nextInt(6) : random.nextInt(8)) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return randomString(random);
            case 3:
                return random.nextLong();
            case 4: {
                double x = random.nextInt(10) == 0
                        ? List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0d).get(random.nextInt(4))
                        : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 10);
                // whole doubles come back as Long: JavaScript does not tell 3.0 from 3
                return x == Math.rint(x) && Double.isFinite(x) && Double.doubleToRawLongBits(x) != Long.MIN_VALUE ? 0.5 : x;
            }
            case 5:
                return Instant.ofEpochMilli(random.nextLong() % 8_640_000_000_000_000L);
            case 6: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                return map;
            }
        }
    }

    private static String randomString(Random random) {
        String alphabet = "ab.\\\"/ é\u2028\u0001{}[]0";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
