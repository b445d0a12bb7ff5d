package io.rivulet.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.wire.SuperJson.Decoded;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SuperJsonTest {

    private static final Instant JAN_1 = Instant.parse("2025-01-01T00:00:00Z");

    /** JSON with single quotes, so that the tests stay readable. */
    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static Object value(String sampleName) {
        Decoded decoded = SuperJson.decode(Samples.get(sampleName));
        assertTrue(decoded.present(), sampleName + " should decode to a value");
        return decoded.value();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) assertInstanceOf(Map.class, value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) assertInstanceOf(List.class, value);
    }

    /** Builds a LinkedHashMap from key, value, key, value... (Map.of does not allow nulls nor keep order). */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> arr(Object... elements) {
        return new ArrayList<>(Arrays.asList(elements));
    }

    static void assertRejected(String text) {
        assertThrows(SuperJsonException.class, () -> SuperJson.decode(text), text);
    }

    @Nested
    class CapturedSamples {

        static Stream<String> allNames() {
            return Samples.all().keySet().stream().filter(name -> !name.endsWith("Urlencoded"));
        }

        @ParameterizedTest
        @MethodSource("allNames")
        void everySampleDecodes(String name) {
            SuperJson.decode(Samples.get(name));
        }

        @ParameterizedTest
        @ValueSource(strings = {"fetchManySimple", "fetchFirstByKey", "fetchFirstNoKey", "offlineDeletionCheck",
            "offlineIncremental"})
        void urlEncodedQueryParameterDecodesLikeTheJson(String name) {
            String parameter = Samples.get(name + "Urlencoded");
            assertTrue(parameter.startsWith("superjson="));
            String text = URLDecoder.decode(parameter.substring("superjson=".length()), StandardCharsets.UTF_8);
            assertEquals(Samples.get(name), text);
            assertEquals(value(name), SuperJson.decodeValue(text));
        }

        @Test
        void fetchManySimpleDropsUndefinedKeys() {
            Map<String, Object> query = map(value("fetchManySimple"));
            assertTrue(query.isEmpty(), "where/include are undefined, so absent: " + query);
            assertEquals(obj(), value("protocolUndefinedKeys"));
        }

        @Test
        void fetchManyWhere() {
            Map<String, Object> query = map(value("fetchManyWhere"));
            assertEquals(List.of("where", "orderBy", "limit", "offset", "include"), List.copyOf(query.keySet()));
            Map<String, Object> where = map(query.get("where"));
            assertEquals("and", where.get("operator"));
            List<Object> conditions = list(where.get("conditions"));
            assertEquals(obj("operator", "eq", "field", "completed", "value", false), conditions.get(0));
            assertEquals(obj("operator", "gte", "field", "updatedAt", "value", JAN_1), conditions.get(1));
            assertEquals(List.of("createdAt.desc"), query.get("orderBy"));
            assertEquals(10L, query.get("limit"));
            assertEquals(20L, query.get("offset"));
            Map<String, Object> posts = map(map(query.get("include")).get("posts"));
            assertEquals(obj("operator", "eq", "field", "published", "value", true), posts.get("where"));
            assertEquals(5L, posts.get("limit"));
            assertEquals(obj("id", true, "title", true), posts.get("columns"));
        }

        @Test
        void fetchFirst() {
            assertEquals(obj(), value("fetchFirstByKey"));
            assertEquals(obj("where", obj("operator", "eq", "field", "email", "value", "a@b.c"), "limit", 1L),
                    value("fetchFirstNoKey"));
        }

        @Test
        void offline() {
            assertEquals(obj("keys", arr(1L, 2L, "3::4"), "columns", obj("id", true)), value("offlineDeletionCheck"));
            assertEquals(obj("where", obj("operator", "gte", "field", "updatedAt", "value", Instant.EPOCH)),
                    value("offlineIncremental"));
        }

        @Test
        void postBody() {
            Map<String, Object> body = map(value("postBody"));
            assertEquals(obj("title", "x", "completed", false, "createdAt", JAN_1, "big", BigInteger.TEN,
                    "tags", arr("a")), body);
            assertEquals(List.of("title", "completed", "createdAt", "big", "tags"), List.copyOf(body.keySet()));
            assertFalse(body.containsKey("missing"));
            assertInstanceOf(BigInteger.class, body.get("big"));
            assertInstanceOf(List.class, body.get("tags"), "sets become lists");
        }

        @Test
        void patchBody() {
            assertEquals(obj("title", "y", "updatedAt", Instant.parse("2025-01-02T00:00:00Z")), value("patchBody"));
        }

        @Test
        void batchRequest() {
            List<Object> operations = list(map(value("batchRequest")).get("operations"));
            assertEquals(4, operations.size());
            assertEquals(obj("type", "fetchFirst", "collection", "todos", "key", "1", "searchQuery", obj()),
                    operations.get(0));
            assertEquals(obj("type", "create", "collection", "todos", "item", obj("title", "a", "createdAt", JAN_1)),
                    operations.get(1));
            assertEquals(obj("type", "update", "collection", "todos", "key", "2", "item", obj("completed", true)),
                    operations.get(2));
            assertEquals(obj("type", "delete", "collection", "todos", "key", "3"), operations.get(3));

            List<Object> protocol = list(map(value("protocolBatchRequest")).get("operations"));
            assertEquals(5, protocol.size());
            assertEquals(obj(), map(protocol.get(0)).get("searchQuery"));
            assertEquals(obj("include", obj("author", true)), map(protocol.get(1)).get("searchQuery"));
        }

        @Test
        void batchResponse() {
            List<Object> results = list(map(value("batchResponse")).get("results"));
            assertEquals(arr(
                    obj("ok", true, "result", obj("id", 1L, "title", "a", "createdAt", JAN_1)),
                    obj("ok", true, "result", null),
                    obj("ok", false, "error", "Item already exists in collection todos", "statusCode", 409L,
                            "statusMessage", "Item already exists in collection todos"),
                    obj("ok", false, "error", "boom"),
                    obj("ok", true)), results);
            assertTrue(map(results.get(1)).containsKey("result"), "null stays, only undefined is dropped");
            assertEquals(results.subList(0, 4), map(value("protocolBatchResponse")).get("results"));
        }

        @Test
        void referentialEqualitiesAreIgnoredAndCopiesStayApart() {
            Map<String, Object> value = map(value("sameRef"));
            assertEquals(obj("x", obj("a", 1L), "y", obj("a", 1L)), value);
            assertNotSame(value.get("x"), value.get("y"));
        }

        @Test
        void dotInKey() {
            assertEquals(obj("a.b", JAN_1), value("dotKey"));
        }

        @Test
        void nonFiniteNumbersAndNegativeZero() {
            Map<String, Object> value = map(value("nanInf"));
            assertEquals(obj("n", Double.NaN, "i", Double.POSITIVE_INFINITY, "m", Double.NEGATIVE_INFINITY,
                    "z", -0.0d), value, "Double.equals tells -0.0 from 0.0 and NaN equals NaN");
            assertEquals(Double.valueOf(-0.0d), value.get("z"));
        }

        @Test
        void setOfDates() {
            assertEquals(obj("s", arr(JAN_1)), value("setOfDates"));
        }

        @Test
        void mapWithDateValue() {
            Map<String, Object> value = map(value("mapV"));
            Map<?, ?> m = assertInstanceOf(LinkedHashMap.class, value.get("m"));
            assertEquals(Map.of("k", JAN_1), m);
        }

        @Test
        void arrayOfDates() {
            assertEquals(obj("inArr", obj("operator", "inArray", "field", "d", "value", arr(JAN_1, JAN_1))),
                    value("arrDates"));
        }

        @Test
        void rootDate() {
            assertEquals(new Decoded(true, JAN_1), SuperJson.decode(Samples.get("rootDate")));
        }

        @Test
        void invalidDateIsPlainNull() {
            Map<String, Object> value = map(value("invalidDate"));
            assertTrue(value.containsKey("d"));
            assertNull(value.get("d"));
        }

        @Test
        void between() {
            assertEquals(obj("where", obj("operator", "between", "field", "createdAt", "value1", JAN_1,
                    "value2", Instant.ofEpochSecond(1_700_000_000L))), value("between"));
        }

        @Test
        void plainJsonWithoutEnvelopeIsAbsent() {
            assertEquals(Decoded.ABSENT, SuperJson.decode(Samples.get("plainJsonNoEnvelope")));
            assertNull(SuperJson.decodeValue(Samples.get("plainJsonNoEnvelope")));
        }

        @Test
        void rootUndefinedIsAbsent() {
            Decoded decoded = SuperJson.decode(Samples.get("rootUndefined"));
            assertFalse(decoded.present());
            assertNull(decoded.value());
            assertNull(SuperJson.decodeValue(Samples.get("rootUndefined")));
        }
    }

    @Nested
    class Decoding {

        @Test
        void jsonNullIsPresent() {
            assertEquals(new Decoded(true, null), SuperJson.decode("{\"json\":null}"));
            assertEquals(new Decoded(true, null), SuperJson.decode(j("{'json':null,'meta':{'v':1}}")));
        }

        @Test
        void metaIsOptionalAndMayBeNullOrEmpty() {
            assertEquals("x", SuperJson.decodeValue(j("{'json':'x'}")));
            assertEquals("x", SuperJson.decodeValue(j("{'json':'x','meta':null}")));
            assertEquals("x", SuperJson.decodeValue(j("{'json':'x','meta':{}}")));
            assertEquals("x", SuperJson.decodeValue(j("{'json':'x','meta':{'values':null,'v':1}}")));
            assertEquals("x", SuperJson.decodeValue(j("{'json':'x','meta':{'values':{},'v':1}}")));
            assertEquals("x", SuperJson.decodeValue(j("{'meta':{'v':1},'json':'x','other':[1]}")));
        }

        @Test
        void envelopeWithoutJsonIsAbsentWhateverElseItHas() {
            assertEquals(Decoded.ABSENT, SuperJson.decode("{}"));
            assertEquals(Decoded.ABSENT, SuperJson.decode(j("{'meta':{'values':['Date'],'v':1}}")));
        }

        @Test
        void undefinedInArrayBecomesNull() {
            assertEquals(arr(1L, null, 3L), SuperJson.decodeValue(j("{'json':[1,null,3],'meta':{'values':{'1':['undefined']},'v':1}}")));
            assertEquals(obj("s", arr((Object) null)),
                    SuperJson.decodeValue(j("{'json':{'s':[null]},'meta':{'values':{'s':['set',{'0':['undefined']}]},'v':1}}")));
        }

        @Test
        void nestedUndefinedKeysAreDroppedOnlyFromTheirObject() {
            assertEquals(obj("a", obj("c", 1L)),
                    SuperJson.decodeValue(j("{'json':{'a':{'b':null,'c':1}},'meta':{'values':{'a.b':['undefined']},'v':1}}")));
        }

        @Test
        void rootMapWithSetInsideAndDateInSet() {
            String text = j("{'json':[['a',['2025-01-01T00:00:00.000Z']]],"
                    + "'meta':{'values':['map',{'0.1':['set',{'0':['Date']}]}],'v':1}}");
            assertEquals(Map.of("a", List.of(JAN_1)), SuperJson.decodeValue(text));
        }

        @Test
        void mapKeysMayBeAnyValue() {
            String text = j("{'json':{'m':[[1,'one'],['2025-01-01T00:00:00.000Z',true],[null,0]]},"
                    + "'meta':{'values':{'m':['map',{'1.0':['Date']}]},'v':1}}");
            Map<?, ?> m = assertInstanceOf(Map.class, map(SuperJson.decodeValue(text)).get("m"));
            assertEquals(List.of(1L, JAN_1, "null"), m.keySet().stream().map(k -> k == null ? "null" : k).toList());
            assertEquals("one", m.get(1L));
            assertEquals(true, m.get(JAN_1));
            assertEquals(0L, m.get(null));
        }

        @Test
        void repeatedMapKeyKeepsFirstPositionAndLastValue() {
            String text = j("{'json':[['a',1],['b',2],['a',3]],'meta':{'values':['map'],'v':1}}");
            Map<?, ?> m = assertInstanceOf(Map.class, SuperJson.decodeValue(text));
            assertEquals(List.of("a", "b"), List.copyOf(m.keySet()));
            assertEquals(3L, m.get("a"));
        }

        @Test
        void otherTypes() {
            String text = j("{'json':{'r':'/ab+c/gi','u':'https://x.y/z?q=1','e':{'name':'Error','message':'boom'},"
                    + "'b':'-12345678901234567890123','s':[]},'meta':{'values':{'r':['regexp'],'u':['URL'],"
                    + "'e':['Error'],'b':['bigint'],'s':['set']},'v':1}}");
            assertEquals(obj("r", "/ab+c/gi", "u", "https://x.y/z?q=1", "e", obj("name", "Error", "message", "boom"),
                    "b", new BigInteger("-12345678901234567890123"), "s", arr()), SuperJson.decodeValue(text));
        }

        @Test
        void dateVariants() {
            String text = j("{'json':['2025-01-01T00:00:00Z','2025-01-01T02:00:00+02:00','+275760-09-13T00:00:00.000Z'],"
                    + "'meta':{'values':{'0':['Date'],'1':['Date'],'2':['Date']},'v':1}}");
            assertEquals(arr(JAN_1, JAN_1, Instant.ofEpochMilli(8_640_000_000_000_000L)), SuperJson.decodeValue(text));
        }

        @Test
        void emptyKeyAndKeysWithBackslashes() {
            assertEquals(obj("", JAN_1),
                    SuperJson.decodeValue(j("{'json':{'':'2025-01-01T00:00:00.000Z'},'meta':{'values':{'':['Date']},'v':1}}")));
            // key a\b.c, path a\\b\.c (v1); in JSON text every backslash is doubled again
            assertEquals(obj("a\\b.c", JAN_1), SuperJson.decodeValue(
                    j("{'json':{'a\\\\b.c':'2025-01-01T00:00:00.000Z'},'meta':{'values':{'a\\\\\\\\b\\\\.c':['Date']},'v':1}}")));
        }

        @Test
        void legacyPathsWithoutVersionTreatALoneBackslashAsText() {
            String legacy = j("{'json':{'a\\\\b':'2025-01-01T00:00:00.000Z'},'meta':{'values':{'a\\\\b':['Date']}}}");
            assertEquals(obj("a\\b", JAN_1), SuperJson.decodeValue(legacy));
            assertRejected(legacy.replace("}}}", "},\"v\":1}}"));
            assertEquals(obj("a.b", JAN_1), SuperJson.decodeValue(Samples.get("dotKey").replace(",\"v\":1", "")));
        }

        @Test
        void numbers() {
            assertEquals(arr(1L, -7L, 1.5, 1L, 100L, Long.MAX_VALUE, Long.MIN_VALUE, 0.1, 0L, 0L, 15L, 1.0E-5),
                    SuperJson.decodeValue(j("{'json':[1,-7,1.5,1.0,1e2,9223372036854775807,-9223372036854775808,"
                            + "0.1,-0,0.0,1.5e1,1e-5]}")));
            List<Object> big = list(SuperJson.decodeValue(j("{'json':[9223372036854775808,1e400,1.5e-400,"
                    + "0.10000000000000000000001,1e999999999,1e-999999999]}")));
            for (Object number : big) {
                assertInstanceOf(BigDecimal.class, number);
            }
            assertEquals(0, new BigDecimal("9223372036854775808").compareTo((BigDecimal) big.get(0)));
            assertEquals(0, new BigDecimal("0.10000000000000000000001").compareTo((BigDecimal) big.get(3)));
        }
    }

    @Nested
    class Rejection {

        @Test
        void nullText() {
            assertThrows(SuperJsonException.class, () -> SuperJson.decode(null));
            assertThrows(SuperJsonException.class, () -> SuperJson.decodeValue(null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "{", "}", "{\"json\":}", "{\"json\":1", "{json:1}", "{'json':1}", "nul",
            "{\"json\":1} x", "{\"json\":1}{}", "{\"json\":1}]", "{\"json\":[1,]}", "{\"json\":01}", "{\"json\":NaN}"})
        void invalidJson(String text) {
            SuperJsonException e = assertThrows(SuperJsonException.class, () -> SuperJson.decode(text));
            assertTrue(e.getMessage().startsWith("Invalid JSON"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "[{\"json\":1}]", "5", "\"json\"", "null", "true"})
        void topLevelMustBeAnObject(String text) {
            assertRejected(text);
        }

        @ParameterizedTest
        @ValueSource(strings = {"not a date", "2025-01-01", "2025-01-01T00:00:00", "2025-13-01T00:00:00Z", ""})
        void invalidDates(String date) {
            SuperJsonException e = assertThrows(SuperJsonException.class, () -> SuperJson.decode(
                    j("{'json':{'d':'" + date + "'},'meta':{'values':{'d':['Date']},'v':1}}")));
            assertTrue(e.getMessage().contains("Invalid Date at 'd'"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{'json':{},'meta':{'values':{'a':['Date']},'v':1}}",
            "{'json':{'a':{}},'meta':{'values':{'a.b':['Date']},'v':1}}",
            "{'json':{'a':[1]},'meta':{'values':{'a.1':['Date']},'v':1}}",
            "{'json':{'a':[1]},'meta':{'values':{'a.01':['Date']},'v':1}}",
            "{'json':{'a':[1]},'meta':{'values':{'a.-1':['Date']},'v':1}}",
            "{'json':{'a':[1]},'meta':{'values':{'a.x':['Date']},'v':1}}",
            "{'json':{'d':'2025-01-01T00:00:00Z'},'meta':{'values':{'d.x':['Date']},'v':1}}",
            "{'json':'x','meta':{'values':{'a':['Date']},'v':1}}",
            "{'json':{'a.b':1},'meta':{'values':{'a.b':['undefined']},'v':1}}",
            "{'json':{'s':[]},'meta':{'values':{'s':['set',{'0':['Date']}]},'v':1}}"})
        void annotatedPathMustExist(String text) {
            SuperJsonException e = assertThrows(SuperJsonException.class, () -> SuperJson.decode(j(text)));
            assertTrue(e.getMessage().contains("not in json"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{'json':1,'meta':[]}", "{'json':1,'meta':'x'}", "{'json':1,'meta':1}",
            "{'json':1,'meta':{'values':'x'}}", "{'json':1,'meta':{'values':5}}", "{'json':1,'meta':{'values':true}}",
            "{'json':1,'meta':{'values':[]}}", "{'json':1,'meta':{'values':[1]}}", "{'json':1,'meta':{'values':[null]}}",
            "{'json':{'a':1},'meta':{'values':{'a':'Date'}}}", "{'json':{'a':1},'meta':{'values':{'a':null}}}",
            "{'json':{'a':1},'meta':{'values':{'a':{'b':['Date']}}}}",
            "{'json':{'a':1},'meta':{'values':{'a':[]}}}", "{'json':{'a':'1'},'meta':{'values':{'a':['bigint',{},1]}}}",
            "{'json':{'a':[]},'meta':{'values':{'a':['set',5]}}}", "{'json':{'a':[]},'meta':{'values':{'a':['set',[]]}}}",
            "{'json':{'a':[]},'meta':{'values':{'a':['set',{'0':'Date'}]}}}", "{'json':1,'meta':{'values':['number'],'v':'1'}}",
            "{'json':{'a':1},'meta':{'values':{'a\\\\':['Date']},'v':1}}",
            "{'json':{'a':1},'meta':{'values':{'a\\\\x':['Date']},'v':1}}"})
        void malformedMeta(String text) {
            assertRejected(j(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"['Symbol']", "['date']", "['']", "[['class','Foo']]", "[['custom','Decimal']]",
            "[['symbol','s']]", "[['TypedArray','Uint8Array']]", "[{}]"})
        void unknownTypes(String annotation) {
            assertRejected(j("{'json':{'a':'x'},'meta':{'values':{'a':" + annotation + "},'v':1}}"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"'d':1,'meta':{'values':{'d':['Date']", "'d':null,'meta':{'values':{'d':['Date']",
            "'d':'1.5','meta':{'values':{'d':['bigint']", "'d':'','meta':{'values':{'d':['bigint']",
            "'d':'0x10','meta':{'values':{'d':['bigint']", "'d':' 1','meta':{'values':{'d':['bigint']",
            "'d':'-','meta':{'values':{'d':['bigint']", "'d':10,'meta':{'values':{'d':['bigint']",
            "'d':'1','meta':{'values':{'d':['number']", "'d':1,'meta':{'values':{'d':['number']",
            "'d':'nan','meta':{'values':{'d':['number']", "'d':{},'meta':{'values':{'d':['set']",
            "'d':'[]','meta':{'values':{'d':['set']", "'d':[1],'meta':{'values':{'d':['map']",
            "'d':[[1]],'meta':{'values':{'d':['map']", "'d':[[1,2,3]],'meta':{'values':{'d':['map']",
            "'d':{},'meta':{'values':{'d':['map']", "'d':'x','meta':{'values':{'d':['Error']",
            "'d':1,'meta':{'values':{'d':['regexp']", "'d':{},'meta':{'values':{'d':['URL']"})
        void valueDoesNotFitItsType(String middle) {
            assertRejected(j("{'json':{" + middle + "]},'v':1}}"));
        }

        @Test
        void overlongBigint() {
            String digits = "9".repeat(4097);
            assertRejected(j("{'json':'" + digits + "','meta':{'values':['bigint'],'v':1}}"));
            assertEquals(new BigInteger(digits.substring(1)),
                    SuperJson.decodeValue(j("{'json':'" + digits.substring(1) + "','meta':{'values':['bigint'],'v':1}}")));
        }

        @Test
        void conflictingAnnotations() {
            assertRejected(j("{'json':{'s':['2025-01-01T00:00:00Z']},'meta':{'values':{'s':['set',{'0':['Date']}],"
                    + "'s.0':['Date']},'v':1}}"));
        }

        @Test
        void nestingDepth() {
            String deepest = "[".repeat(SuperJson.MAX_DEPTH) + "]".repeat(SuperJson.MAX_DEPTH);
            Object value = SuperJson.decodeValue("{\"json\":" + deepest + "}");
            for (int depth = 1; depth < SuperJson.MAX_DEPTH; depth++) {
                value = list(value).get(0);
            }
            assertEquals(List.of(), value);
            SuperJsonException e = assertThrows(SuperJsonException.class,
                    () -> SuperJson.decode("{\"json\":[" + deepest + "]}"));
            assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
            // far deeper than any parser's stack would like
            assertRejected("{\"json\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
            assertRejected("[".repeat(100_000));
        }

        @Test
        void bracketsInsideStringsDoNotCount() {
            String text = "{\"json\":\"" + "[{\\\"".repeat(200) + "\"}";
            assertEquals("[{\"".repeat(200), SuperJson.decodeValue(text));
        }
    }

    @Nested
    class Encoding {

        @Test
        void scalars() {
            assertEquals("{\"json\":null}", SuperJson.encode(null));
            assertEquals("{\"json\":true}", SuperJson.encode(true));
            assertEquals("{\"json\":\"a\\\"b\"}", SuperJson.encode("a\"b"));
            assertEquals("{\"json\":5}", SuperJson.encode(5));
            assertEquals("{\"json\":[5,6,7,8,9,10,1.5,0.1,12345678901234567890,1.25]}", SuperJson.encode(List.of(
                    5L, (short) 6, (byte) 7, new java.util.concurrent.atomic.AtomicInteger(8),
                    new java.util.concurrent.atomic.AtomicLong(9), 10, 1.5, 0.1f, new BigInteger("12345678901234567890"),
                    new BigDecimal("1.25"))));
        }

        @Test
        void reproducesCapturedPayloads() {
            for (String name : List.of("rootDate", "dotKey", "nanInf", "between", "patchBody", "fetchManyWhere",
                    "invalidDate")) {
                assertEquals(Samples.get(name), SuperJson.encode(value(name)), name);
            }
            // sets decode to lists, so they go back as plain arrays
            assertEquals("{\"json\":{\"s\":[\"2025-01-01T00:00:00.000Z\"]},\"meta\":{\"values\":{\"s.0\":[\"Date\"]},\"v\":1}}",
                    SuperJson.encode(value("setOfDates")));
            assertEquals(Samples.get("arrDates").replace(",\"referentialEqualities\":{\"inArr.value.0\":[\"inArr.value.1\"]}", ""),
                    SuperJson.encode(value("arrDates")));
            assertEquals("{\"json\":{\"x\":{\"a\":1},\"y\":{\"a\":1}}}", SuperJson.encode(value("sameRef")));
        }

        @Test
        void batchResponse() {
            List<Object> results = arr(
                    obj("ok", true, "result", obj("id", 1L, "title", "a", "createdAt", JAN_1)),
                    obj("ok", true, "result", null),
                    obj("ok", false, "error", "Item already exists in collection todos", "statusCode", 409,
                            "statusMessage", "Item already exists in collection todos"),
                    obj("ok", false, "error", "boom"),
                    obj("ok", true));
            String expected = "{\"json\":{\"results\":[{\"ok\":true,\"result\":{\"id\":1,\"title\":\"a\","
                    + "\"createdAt\":\"2025-01-01T00:00:00.000Z\"}},{\"ok\":true,\"result\":null},"
                    + "{\"ok\":false,\"error\":\"Item already exists in collection todos\",\"statusCode\":409,"
                    + "\"statusMessage\":\"Item already exists in collection todos\"},{\"ok\":false,\"error\":\"boom\"},"
                    + "{\"ok\":true}]},\"meta\":{\"values\":{\"results.0.result.createdAt\":[\"Date\"]},\"v\":1}}";
            assertEquals(expected, SuperJson.encode(obj("results", results)));
            // and what the client's SuperJSON.parse sees equals what the captured response carries
            assertEquals(value("batchResponse"), SuperJson.decodeValue(expected));
        }

        @Test
        void instantsAreTruncatedToMillis() {
            assertEquals("{\"json\":[\"2025-01-01T00:00:00.123Z\"],\"meta\":{\"values\":{\"0\":[\"Date\"]},\"v\":1}}",
                    SuperJson.encode(List.of(JAN_1.plusNanos(123_999_999))));
        }

        @Test
        void pathsAreEscaped() {
            Map<String, Object> value = obj("a.b", obj("c\\d", JAN_1), "", JAN_1, "x", arr(obj("y.", JAN_1)));
            String text = SuperJson.encode(value);
            assertTrue(text.endsWith(j("'meta':{'values':{'a\\\\.b.c\\\\\\\\d':['Date'],'':['Date'],'x.0.y\\\\.':['Date']},'v':1}}")),
                    text);
            assertEquals(value, SuperJson.decodeValue(text));

            Map<String, Object> emptyKeys = obj("", obj("", arr(JAN_1)));
            String emptyKeysText = SuperJson.encode(emptyKeys);
            assertTrue(emptyKeysText.endsWith(j("'meta':{'values':{'..0':['Date']},'v':1}}")), emptyKeysText);
            assertEquals(emptyKeys, SuperJson.decodeValue(emptyKeysText));
        }

        @Test
        void jsonValuesPassThrough() {
            jakarta.json.JsonObject raw = jakarta.json.Json.createObjectBuilder().add("a", 1).add("d", "2025").build();
            assertEquals("{\"json\":{\"raw\":{\"a\":1,\"d\":\"2025\"},\"n\":null}}",
                    SuperJson.encode(obj("raw", raw, "n", jakarta.json.JsonValue.NULL)));
        }

        @Test
        void unsupportedValues() {
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(new Object()));
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(java.time.LocalDate.of(2025, 1, 1)));
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(new int[] {1}));
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(java.util.Set.of(1)));
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(Map.of(1, "a")));
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(List.of(obj("ok", new Object()))));
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(Instant.MAX));
        }

        @Test
        void depthAndCycles() {
            Object deepest = List.of();
            for (int depth = 1; depth < SuperJson.MAX_DEPTH; depth++) {
                deepest = List.of(deepest);
            }
            String text = SuperJson.encode(deepest);
            assertEquals(deepest, SuperJson.decodeValue(text));
            Object tooDeep = List.of(deepest);
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(tooDeep));

            List<Object> cycle = new ArrayList<>();
            cycle.add(cycle);
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(cycle));
            Map<String, Object> selfMap = new LinkedHashMap<>();
            selfMap.put("me", selfMap);
            assertThrows(SuperJsonException.class, () -> SuperJson.encode(selfMap));
        }
    }

    @Test
    void plainJsonDecodesLikeTheJsonPartWithoutAnnotations() {
        assertEquals(obj("meta", obj("values", obj("a", arr("Date"))), "a", "2025-01-01T00:00:00.000Z", "n", 1L,
                "f", 1.5), SuperJson.decodePlain(j("{'meta':{'values':{'a':['Date']}},'a':'2025-01-01T00:00:00.000Z',"
                + "'n':1.0,'f':1.5}")), "no envelope: meta is an ordinary key");
        assertEquals("x", SuperJson.decodePlain("\"x\""), "any JSON value");
        assertThrows(SuperJsonException.class, () -> SuperJson.decodePlain("{} , {}"));
        assertThrows(SuperJsonException.class, () -> SuperJson.decodePlain("{"));
        assertThrows(SuperJsonException.class, () -> SuperJson.decodePlain(null));
        assertThrows(SuperJsonException.class, () -> SuperJson.decodePlain("[".repeat(SuperJson.MAX_DEPTH + 2)
                + "]".repeat(SuperJson.MAX_DEPTH + 2)));
    }

    @Test
    void decodedRejectsAValueForAbsent() {
        assertThrows(IllegalArgumentException.class, () -> new Decoded(false, "x"));
    }
}
