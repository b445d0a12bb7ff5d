package io.rivulet.query.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.query.Condition;
import io.rivulet.query.ConditionParser;
import io.rivulet.query.InvalidConditionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryFilterTest {

    private static final InMemoryFilter PG = new InMemoryFilter(Dialect.POSTGRESQL);
    private static final Instant JAN_2 = Instant.parse("2024-01-02T00:00:00Z");

    private static Condition field(String operator, String field, Object... values) {
        Map<String, Object> node = new HashMap<>();
        node.put("operator", operator);
        node.put("field", field);
        if (values.length == 1) {
            node.put("value", values[0]);
        } else if (values.length == 2) {
            node.put("value1", values[0]);
            node.put("value2", values[1]);
        }
        return ConditionParser.parse(node).orElseThrow();
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    @Test
    void missingKeyIsUndefinedNotNull() {
        assertTrue(PG.test(field("eq", "f", (Object) null), row("f", null)));
        assertFalse(PG.test(field("eq", "f", (Object) null), row()));
        assertTrue(PG.test(field("isNull", "f"), row()));
        assertTrue(PG.test(field("gt", "f", -1), row("f", null)));
        assertFalse(PG.test(field("gt", "f", -1), row()));
        assertTrue(PG.test(field("notLike", "f", "%"), row()));
    }

    @Test
    void allNumberTypesAreJsNumbers() {
        assertTrue(PG.test(field("eq", "n", new BigDecimal("5.0")), row("n", 5)));
        assertTrue(PG.test(field("eq", "n", 5L), row("n", BigInteger.valueOf(5))));
        assertTrue(PG.test(field("inArray", "n", List.of(4L, 5.0)), row("n", (short) 5)));
        assertTrue(PG.test(field("arrayContains", "n", 2L), row("n", List.of(1, 2))));
        assertFalse(PG.test(field("eq", "n", "5"), row("n", 5)));
        assertTrue(PG.test(field("gt", "n", "4"), row("n", 5)));
    }

    @Test
    void noConditionMatchesEverything() {
        assertTrue(PG.test(Optional.empty(), row()));
        assertTrue(PG.predicate(ConditionParser.parse(null)).test(row("a", 1)));
        assertTrue(InMemoryFilter.matches(Optional.empty(), Map.of(), Dialect.MYSQL));
        assertFalse(InMemoryFilter.matches(Optional.of(field("eq", "a", 2)), Map.of("a", 1), Dialect.MYSQL));
    }

    @Test
    void toIsoStringValuesAreReadAsDatesAgainstADate() {
        Map<String, Object> row = row("d", JAN_2);
        assertTrue(PG.test(field("gt", "d", "2024-01-01T00:00:00.000Z"), row));
        assertTrue(PG.test(field("gte", "d", "2024-01-02T00:00:00.000Z"), row));
        assertFalse(PG.test(field("eq", "d", "2024-01-02T00:00:00.000Z"), row), "two Dates are never ===");
        assertTrue(PG.test(field("ne", "d", JAN_2), row));
        assertFalse(PG.test(field("gt", "d", "2024-01-01T00:00:00Z"), row), "not the toISOString form");
        assertTrue(PG.test(field("between", "d", "2024-01-02T00:00:00.000Z", "2024-01-02T00:00:00.000Z"), row));
        assertFalse(PG.test(field("notBetween", "d", "2024-01-01T00:00:00.000Z", "2024-01-03T00:00:00.000Z"), row));
        assertFalse(PG.test(field("inArray", "d", List.of("2024-01-02T00:00:00.000Z")), row));
        assertTrue(PG.test(field("gt", "d", 0), row), "a Date compares by its epoch millis");
        Condition gtDate = field("gt", "d", Instant.parse("2024-01-01T00:00:00Z"));
        assertFalse(PG.test(gtDate, row("d", "2024-01-02T00:00:00.000Z")), "a string row value against a Date is NaN");
        assertTrue(new InMemoryFilter(Dialect.POSTGRESQL, Set.of("d")).test(gtDate, row("d", "2024-01-02T00:00:00.000Z")));
    }

    @Test
    void timestampFieldsReadIsoStrings() {
        InMemoryFilter filter = new InMemoryFilter(Dialect.POSTGRESQL, Set.of("d"));
        Map<String, Object> stringRow = row("d", "2024-01-02T01:00:00+01:00");
        Condition lt = field("lt", "d", "2024-01-02T00:30:00.000Z");
        assertTrue(filter.test(lt, stringRow), "both sides are instants: 00:00Z < 00:30Z");
        assertFalse(PG.test(lt, stringRow), "without the hook: string comparison");
        Condition gtNoMillis = field("gt", "d", "2024-01-01T00:00:00Z");
        assertTrue(filter.test(gtNoMillis, row("d", JAN_2)), "any ISO-8601 condition value for a timestamp field");
        assertFalse(PG.test(gtNoMillis, row("d", JAN_2)));
        assertFalse(filter.test(field("eq", "d", "2024-01-02T00:00:00Z"), stringRow), "still two Dates");
        assertTrue(filter.test(field("like", "d", "\"2024-01-02T00:00:00.000Z\""), stringRow), "like sees the Date");
        assertTrue(filter.test(field("eq", "d", "yesterday"), row("d", "yesterday")), "not ISO: stays a string");
        assertFalse(filter.test(field("lt", "other", "2024-01-02T00:30:00.000Z"), row("other", "2024-01-02T01:00:00+01:00")),
                "only the declared fields");
        assertEquals(Set.of("d"), filter.timestampFields());
    }

    @Test
    void likeDependsOnDialect() {
        Condition like = field("like", "t", "hello%");
        Map<String, Object> row = row("t", "Hello World");
        assertFalse(PG.test(like, row));
        assertTrue(new InMemoryFilter(Dialect.SQLITE).test(like, row));
        assertFalse(new InMemoryFilter(Dialect.TURSO).test(like, row));
        assertTrue(PG.test(field("ilike", "t", "HELLO%"), row));
        assertTrue(PG.test(field("like", "tags", "%\"a\"%"), row("tags", List.of("a", "b"))));
        assertTrue(PG.test(field("like", "o", "{\"k\":[1,null]}"), row("o", Map.of("k", Arrays.asList(1, null)))));
        assertTrue(PG.test(field("like", "d", "\"2024-01-02%"), row("d", JAN_2)), "a Date is JSON-stringified");
        assertThrows(InvalidConditionException.class, () -> PG.test(field("like", "t", "%".repeat(513)), row));
    }

    @Test
    void arrayOperators() {
        Map<String, Object> row = row("tags", List.of("a", "b"), "n", 5);
        assertTrue(PG.test(field("arrayContains", "tags", "a"), row));
        assertFalse(PG.test(field("arrayContains", "tags", List.of("a")), row));
        assertTrue(PG.test(field("arrayContained", "n", List.of(5, 6)), row));
        assertFalse(PG.test(field("arrayContained", "n", 5), row));
        assertTrue(PG.test(field("arrayOverlaps", "tags", List.of("x", "b")), row));
        assertFalse(PG.test(field("arrayOverlaps", "n", List.of(5)), row));
        assertFalse(PG.test(field("inArray", "n", "5"), row), "a value that is not an array includes nothing");
        assertTrue(PG.test(field("notInArray", "n", (Object) null), row));
    }

    @Test
    void dialectWireNames() {
        for (Dialect dialect : Dialect.values()) {
            assertEquals(Optional.of(dialect), Dialect.fromWireName(dialect.wireName()));
        }
        assertEquals(Optional.empty(), Dialect.fromWireName("oracle"));
        assertTrue(Dialect.SQLITE.likeIgnoresCase());
        assertFalse(Dialect.TURSO.likeIgnoresCase());
    }
}
