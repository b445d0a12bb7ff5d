package io.rivulet.query.memory;

import static io.rivulet.query.memory.JsValues.UNDEFINED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsValuesTest {

    private static final Instant JAN_2 = Instant.parse("2024-01-02T00:00:00Z");

    @Test
    void strictEqualsHasNoCoercion() {
        assertTrue(JsValues.strictEquals(1, 1L));
        assertTrue(JsValues.strictEquals(1, 1.0));
        assertTrue(JsValues.strictEquals(new BigDecimal("1.00"), BigInteger.ONE));
        assertTrue(JsValues.strictEquals(0.0, -0.0));
        assertFalse(JsValues.strictEquals(1, "1"));
        assertFalse(JsValues.strictEquals(true, 1));
        assertFalse(JsValues.strictEquals(Double.NaN, Double.NaN));
        assertTrue(JsValues.strictEquals(null, null));
        assertTrue(JsValues.strictEquals(UNDEFINED, UNDEFINED));
        assertFalse(JsValues.strictEquals(null, UNDEFINED));
        assertTrue(JsValues.strictEquals("a", "a"));
        assertTrue(JsValues.strictEquals(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "00000000-0000-0000-0000-000000000001"));
    }

    @Test
    void datesArraysAndObjectsCompareByReference() {
        assertFalse(JsValues.strictEquals(JAN_2, JAN_2));
        assertFalse(JsValues.strictEquals(Instant.EPOCH, Instant.ofEpochSecond(0)));
        List<String> tags = List.of("a", "b");
        assertTrue(JsValues.strictEquals(tags, tags));
        assertFalse(JsValues.strictEquals(tags, List.of("a", "b")));
        Map<String, Object> object = Map.of("a", 1);
        assertTrue(JsValues.strictEquals(object, object));
        assertFalse(JsValues.strictEquals(object, Map.of("a", 1)));
    }

    @Test
    void sameValueZeroAndIncludes() {
        assertTrue(JsValues.sameValueZero(Double.NaN, Float.NaN));
        assertTrue(JsValues.includes(Arrays.asList(1, Double.NaN), Double.NaN));
        assertTrue(JsValues.includes(Arrays.asList(null, 1), null));
        assertFalse(JsValues.includes(Arrays.asList(null, 1), UNDEFINED));
        assertFalse(JsValues.includes(List.of("5"), 5));
        assertTrue(JsValues.includes(List.of(4L, 5L), 5));
        assertFalse(JsValues.includes(List.of(JAN_2), JAN_2));
    }

    @Test
    void relationalOperatorsCoerceLikeJavaScript() {
        assertTrue(JsValues.greaterThan(null, -1));
        assertTrue(JsValues.greaterOrEqual(null, 0));
        assertFalse(JsValues.greaterThan(UNDEFINED, -1));
        assertFalse(JsValues.lessOrEqual(UNDEFINED, UNDEFINED));
        assertTrue(JsValues.lessThan("4", 5));
        assertTrue(JsValues.lessThan("10", "9"));
        assertFalse(JsValues.lessThan("abc", 1));
        assertFalse(JsValues.greaterOrEqual("abc", 1));
        assertFalse(JsValues.lessOrEqual(Double.NaN, Double.NaN));
        assertTrue(JsValues.greaterThan(true, false));
        assertTrue(JsValues.greaterThan(List.of(5), 4));
        assertTrue(JsValues.greaterThan(List.of("a", "b"), "a"));
        assertTrue(JsValues.lessThan("H", "h"));
        assertTrue(JsValues.greaterThan("\uFFFF", "😀"), "UTF-16 code units, not code points");
        assertTrue(JsValues.greaterThan(Map.of(), "[object Null]"));
        assertTrue(JsValues.lessThan(Instant.EPOCH, JAN_2));
        assertTrue(JsValues.greaterThan(JAN_2, 0));
        assertFalse(JsValues.greaterThan(JAN_2, "2024-01-01T00:00:00.000Z"), "no date coercion at this level");
        assertTrue(JsValues.lessOrEqual(new BigDecimal("5.0"), 5L));
    }

    @ParameterizedTest(name = "Number(''{0}'') = {1}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''           | 0
            '   '        | 0
            ' 12 '       | 12
            0x1A         | 26
            0X1a         | 26
            -0x1A        | NaN
            0b101        | 5
            0o17         | 15
            1e3          | 1000
            -1.5E-1      | -0.15
            .5           | 0.5
            5.           | 5
            +5           | 5
            .            | NaN
            1e           | NaN
            Infinity     | Infinity
            -Infinity    | -Infinity
            infinity     | NaN
            NaN          | NaN
            1_000        | NaN
            1d           | NaN
            0x1p3        | NaN
            1e400        | Infinity
            abc          | NaN
            """)
    void stringToNumber(String text, String expected) {
        assertEquals(Double.parseDouble(expected), JsValues.toNumber(text));
    }

    @Test
    void toNumberOfOtherValues() {
        assertEquals(12, JsValues.toNumber("\u00A012\uFEFF\u2028"));
        assertEquals(Double.NaN, JsValues.toNumber("\u001C12"), "U+001C is Java whitespace, not JS");
        assertEquals(0, JsValues.toNumber(null));
        assertEquals(Double.NaN, JsValues.toNumber(UNDEFINED));
        assertEquals(1, JsValues.toNumber(true));
        assertEquals(1_704_153_600_000.0, JsValues.toNumber(JAN_2));
        assertEquals(0, JsValues.toNumber(List.of()));
        assertEquals(7, JsValues.toNumber(List.of("7")));
        assertEquals(Double.NaN, JsValues.toNumber(List.of(1, 2)));
        assertEquals(Double.NaN, JsValues.toNumber(Map.of()));
    }

    @Test
    void numbersPrintAsInJavaScript() {
        assertEquals("5", JsValues.toJsString(5));
        assertEquals("5", JsValues.toJsString(5.0));
        assertEquals("5.5", JsValues.toJsString(5.5f));
        assertEquals("0", JsValues.toJsString(-0.0));
        assertEquals("-1.5", JsValues.toJsString(-1.5));
        assertEquals("0.30000000000000004", JsValues.toJsString(0.1 + 0.2));
        assertEquals("0.1", JsValues.toJsString(new BigDecimal("0.1")));
        assertEquals("1e+21", JsValues.toJsString(1e21));
        assertEquals("123456789012345680000", JsValues.toJsString(123456789012345680000.0));
        assertEquals("0.000001", JsValues.toJsString(1e-6));
        assertEquals("1e-7", JsValues.toJsString(1e-7));
        assertEquals("1.23e-18", JsValues.toJsString(123e-20));
        assertEquals("2e+23", JsValues.toJsString(2e23));
        assertEquals("5e-324", JsValues.toJsString(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", JsValues.toJsString(Double.MAX_VALUE));
        assertEquals("9223372036854776000", JsValues.toJsString(Long.MAX_VALUE));
        assertEquals("5.960464477539063e-8", JsValues.toJsString(Math.pow(2, -24)));
        assertEquals("NaN", JsValues.toJsString(Double.NaN));
        assertEquals("-Infinity", JsValues.toJsString(Double.NEGATIVE_INFINITY));
    }

    @Test
    void stringOfOtherValues() {
        assertEquals("null", JsValues.toJsString(null));
        assertEquals("undefined", JsValues.toJsString(UNDEFINED));
        assertEquals("false", JsValues.toJsString(false));
        assertEquals("1,,a,2,3,", JsValues.toJsString(Arrays.asList(1, null, "a", List.of(2, 3), UNDEFINED)));
        assertEquals("[object Object]", JsValues.toJsString(Map.of("a", 1)));
        assertEquals("Tue Jan 02 2024 00:00:00 GMT+0000 (Coordinated Universal Time)", JsValues.toJsString(JAN_2));
        assertEquals("Fri Jan 01 -0001 00:00:00 GMT+0000 (Coordinated Universal Time)",
                JsValues.toJsString(Instant.parse("-0001-01-01T00:00:00Z")));
        assertEquals("Invalid Date", JsValues.toJsString(Instant.MAX));
    }

    @Test
    void jsonStringify() {
        assertEquals("[\"a\",\"b\"]", JsValues.jsonStringify(List.of("a", "b")));
        assertEquals("[1,null,null,null,true,5.5]",
                JsValues.jsonStringify(Arrays.asList(1L, null, UNDEFINED, Double.NaN, true, 5.5)));
        assertEquals("\"2024-01-02T00:00:00.000Z\"", JsValues.jsonStringify(JAN_2));
        assertEquals("\"+275760-09-13T00:00:00.000Z\"", JsValues.jsonStringify(Instant.ofEpochMilli(8_640_000_000_000_000L)));
        assertEquals("\"-000001-01-01T00:00:00.000Z\"", JsValues.jsonStringify(Instant.parse("-0001-01-01T00:00:00Z")));
        assertEquals("null", JsValues.jsonStringify(Instant.ofEpochMilli(8_640_000_000_000_001L)));
        assertEquals("\"\\\"\\\\\\n\\t\\u0001\u2028\\ud800é\"", JsValues.jsonStringify("\"\\\n\t\u0001\u2028\ud800é"));
        assertNull(JsValues.jsonStringify(UNDEFINED));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", 1);
        object.put("2", 2);
        object.put("a", List.of());
        object.put("1", null);
        object.put("01", Map.of());
        object.put("u", UNDEFINED);
        assertEquals("{\"1\":null,\"2\":2,\"b\":1,\"a\":[],\"01\":{}}", JsValues.jsonStringify(object));
    }

    @Test
    void toIsoStringDatesAreReadAsNodeDoes() {
        assertEquals(JAN_2, IsoDates.parseJsIsoString("2024-01-02T00:00:00.000Z"));
        assertEquals(Instant.parse("2021-03-03T00:00:00Z"), IsoDates.parseJsIsoString("2021-02-31T00:00:00.000Z"));
        assertEquals(JAN_2, IsoDates.parseJsIsoString("2024-01-01T24:00:00.000Z"));
        assertEquals(Instant.parse("-0001-01-01T00:00:00Z"), IsoDates.parseJsIsoString("-000001-01-01T00:00:00.000Z"));
        assertNull(IsoDates.parseJsIsoString("2024-01-01T24:00:00.001Z"));
        assertNull(IsoDates.parseJsIsoString("2024-13-01T00:00:00.000Z"));
        assertNull(IsoDates.parseJsIsoString("2024-01-32T00:00:00.000Z"));
        assertNull(IsoDates.parseJsIsoString("2024-01-01T00:60:00.000Z"));
        assertNull(IsoDates.parseJsIsoString("-000000-01-01T00:00:00.000Z"));
        assertNull(IsoDates.parseJsIsoString("+275760-09-13T00:00:00.001Z"));
        assertNull(IsoDates.parseJsIsoString("2024-01-02T00:00:00Z"));
        assertNull(IsoDates.parseJsIsoString("2024-01-02T00:00:00.000+00:00"));
        assertNull(IsoDates.parseJsIsoString("2024-01-02"));
    }

    @Test
    void anyIsoInstantForTimestampFields() {
        assertEquals(JAN_2, IsoDates.parseIsoInstant("2024-01-02T00:00:00Z"));
        assertEquals(JAN_2, IsoDates.parseIsoInstant("2024-01-02T01:00:00+01:00"));
        assertEquals(JAN_2.plusMillis(500), IsoDates.parseIsoInstant("2024-01-02T00:00:00.5Z"));
        assertEquals(JAN_2, IsoDates.parseIsoInstant("2024-01-02T00:00:00.000Z"));
        assertNull(IsoDates.parseIsoInstant("2024-01-02T00:00:00"));
        assertNull(IsoDates.parseIsoInstant("2024-02-30T00:00:00Z"));
        assertNull(IsoDates.parseIsoInstant("yesterday"));
    }
}
