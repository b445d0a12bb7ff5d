package io.rivulet.query.sql;

import io.rivulet.query.ConditionLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.query.Condition;
import io.rivulet.query.ConditionParser;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.Operator;
import io.rivulet.schema.TestCollections;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL text {@link SqlConditionTranslator} writes; what it means is {@link SqlConditionCasesTest}'s job. */
class SqlConditionTranslatorTest {

    private final List<Object> parameters = new ArrayList<>();

    private String translate(Condition condition) {
        return new SqlConditionTranslator(SqlConditionCasesTest.PROBES, "t", parameters).translate(condition);
    }

    private static Condition test(Operator operator, String field, Object... values) {
        return new Condition.FieldTest(operator, field, Arrays.asList(values));
    }

    @Test
    void eqConvertsTheValueToTheColumnType() {
        assertEquals("t.n = ?", translate(test(Operator.EQ, "n", "5")));
        assertEquals(List.of(5L), parameters);
    }

    @Test
    void bareColumnsWithoutAlias() {
        String sql = new SqlConditionTranslator(SqlConditionCasesTest.PROBES, null, parameters)
                .translate(test(Operator.GTE, "id", 3L));
        assertEquals("id >= ?", sql);
        assertEquals(List.of(3), parameters);
    }

    @Test
    void andOrNotWithNegationPushedToTheLeaves() {
        Condition condition = new Condition.And(List.of(
                test(Operator.EQ, "title", "a"),
                new Condition.Not(new Condition.Or(List.of(test(Operator.GT, "n", 1L), test(Operator.IS_NULL, "s"))))));
        assertEquals("(t.title = ? AND (NOT (t.n > ?) AND t.s IS NOT NULL))", translate(condition));
        assertEquals(List.of("a", 1L), parameters);
    }

    @Test
    void singleChildJunctionIsTheChild() {
        assertEquals("t.done = ?", translate(new Condition.Or(List.of(new Condition.And(List.of()),
                test(Operator.EQ, "done", true)))));
    }

    @Test
    void emptyTreeIsNoCondition() {
        assertEquals("1=1", translate(new Condition.And(List.of())));
        assertEquals("1=1", translate(new Condition.Not(new Condition.Or(List.of()))));
        assertEquals(List.of(), parameters);
    }

    @Test
    void nullComparisonIsUnknownEvenNegated() {
        assertEquals("1=0", translate(test(Operator.EQ, "n", (Object) null)));
        assertEquals("1=0", translate(new Condition.Not(test(Operator.EQ, "n", (Object) null))));
    }

    @Test
    void inArrayWithNull() {
        assertEquals("t.n IN (?, ?)", translate(test(Operator.IN_ARRAY, "n", Arrays.asList(4L, null, 5L))));
        assertEquals(List.of(4L, 5L), parameters);
        parameters.clear();
        // NOT (n IN (4, NULL)) is never true
        assertEquals("1=0", translate(test(Operator.NOT_IN_ARRAY, "n", Arrays.asList(4L, null))));
        assertEquals(List.of(), parameters);
        assertEquals("t.n NOT IN (?)", translate(test(Operator.NOT_IN_ARRAY, "n", List.of(4L))));
    }

    @Test
    void emptyInArrayIsAConstant() {
        assertEquals("1=0", translate(test(Operator.IN_ARRAY, "n", List.of())));
        assertEquals("1=1", translate(new Condition.Not(test(Operator.IN_ARRAY, "n", List.of()))));
    }

    @Test
    void fractionAgainstAnIntegerColumn() {
        assertEquals("t.n > ?", translate(test(Operator.GT, "n", 4.5)));
        assertEquals(List.of(4L), parameters);
        assertEquals("1=0", translate(test(Operator.EQ, "n", 5.5)));
        assertEquals("t.n IS NOT NULL", translate(new Condition.Not(test(Operator.EQ, "n", 5.5))));
        parameters.clear();
        assertEquals("t.n BETWEEN ? AND ?", translate(test(Operator.BETWEEN, "n", 1.5, 4.5)));
        assertEquals(List.of(2L, 4L), parameters);
    }

    @Test
    void ilikeLowersColumnAndPattern() {
        assertEquals("LOWER(t.title) LIKE ?", translate(test(Operator.ILIKE, "title", "HeLLo%")));
        assertEquals(List.of("hello%"), parameters);
        assertEquals("LOWER(t.title) NOT LIKE ?", translate(test(Operator.NOT_ILIKE, "title", "x")));
    }

    /** A backslash pattern escapes with '!' (LikePattern): MariaDB reads ESCAPE '\\' as an open string. */
    @Test
    void likeSaysItsEscapeOnlyWithABackslash() {
        assertEquals("t.s LIKE ?", translate(test(Operator.LIKE, "s", "100%!")));
        assertEquals(List.of("100%!"), parameters);
        parameters.clear();
        assertEquals("t.s LIKE ? ESCAPE '!'", translate(test(Operator.LIKE, "s", "!100\\%")));
        assertEquals(List.of("!!100!%"), parameters);
        assertEquals("t.s NOT LIKE ? ESCAPE '!'", translate(test(Operator.NOT_LIKE, "s", "a\\_")));
        assertThrows(InvalidConditionException.class, () -> translate(test(Operator.LIKE, "s", "ab\\")));
    }

    @Test
    void errorsAsTheCriteriaBackEnd() {
        assertError("Unknown field in filter: missing", test(Operator.EQ, "missing", 1L));
        assertError("Operator like does not apply to field n", test(Operator.LIKE, "n", "5"));
        assertError("Operator arrayOverlaps does not apply to field n", test(Operator.ARRAY_OVERLAPS, "n", List.of()));
        assertError("Expected an array for field n", test(Operator.IN_ARRAY, "n", "5"));
        assertError("Invalid value for field n", test(Operator.EQ, "n", "abc"));
        assertError("Invalid value for field s", test(Operator.LIKE, "s", 100L));
    }

    @Test
    void hiddenFieldsAreUnknown() {
        SqlConditionTranslator todos = new SqlConditionTranslator(TestCollections.TODOS, "t", parameters);
        InvalidConditionException e = assertThrows(InvalidConditionException.class,
                () -> todos.translate(test(Operator.EQ, "secret", "x")));
        assertEquals("Unknown field in filter: secret", e.getMessage());
    }

    @Test
    void parametersUntouchedOnError() {
        parameters.add("before");
        assertThrows(InvalidConditionException.class, () -> translate(new Condition.And(List.of(
                test(Operator.EQ, "n", 1L), test(Operator.EQ, "nope", 1L)))));
        assertEquals(List.of("before"), parameters);
    }

    @Test
    void fiveThousandChildOrDoesNotOverflow() {
        List<Object> children = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            children.add(Map.of("operator", "eq", "field", "n", "value", (long) i));
        }
        Condition or = ConditionParser.parse(Map.of("operator", "or", "conditions", children), ConditionLimits.NONE).orElseThrow();
        String sql = translate(or);
        assertTrue(sql.startsWith("(t.n = ? OR t.n = ? OR "), sql.substring(0, 40));
        assertEquals(5000, parameters.size());
        assertEquals(4999L, parameters.get(4999));
        parameters.clear();
        String negated = translate(new Condition.Not(or));
        assertTrue(negated.startsWith("(NOT (t.n = ?) AND NOT (t.n = ?) AND "), negated.substring(0, 40));
    }

    @Test
    void jdbcValues() {
        assertEquals("READ", SqlValues.jdbc(java.nio.file.AccessMode.READ));
        assertEquals("c", SqlValues.jdbc('c'));
        assertEquals(new BigDecimal("12345678901234567890"), SqlValues.jdbc(new BigInteger("12345678901234567890")));
        LocalDateTime time = LocalDateTime.of(2024, 1, 2, 0, 0);
        assertEquals(time, SqlValues.jdbc(time));
        assertEquals(5L, SqlValues.jdbc(5L));
    }

    private void assertError(String message, Condition condition) {
        InvalidConditionException e = assertThrows(InvalidConditionException.class, () -> translate(condition));
        assertEquals(message, e.getMessage());
    }
}
