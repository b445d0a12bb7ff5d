package io.rivulet.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.query.ConditionCases.Case;
import io.rivulet.query.ConditionCases.Expectation;
import io.rivulet.query.memory.Dialect;
import io.rivulet.query.memory.InMemoryFilter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the shared case table through {@link InMemoryFilter}: the {@code memory} expectations. */
class InMemoryFilterCasesTest {

    private static final List<Case> CASES = ConditionCases.load();

    @TestFactory
    Stream<DynamicTest> memoryExpectations() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) {
        Assumptions.assumeTrue(c.memory() != Expectation.SKIP, "memory: skip");
        Dialect dialect = Dialect.fromWireName(c.dialect())
                .orElseThrow(() -> new AssertionError("Unknown dialect " + c.dialect()));
        InMemoryFilter filter = new InMemoryFilter(dialect);
        if (c.memory() == Expectation.ERROR) {
            assertThrows(InvalidConditionException.class,
                    () -> filter.test(ConditionParser.parse(c.where()), c.row()));
        } else {
            boolean actual = filter.test(ConditionParser.parse(c.where()), c.row());
            assertEquals(c.memory() == Expectation.TRUE, actual, () -> c.note() == null ? c.name() : c.note());
        }
    }

    @Test
    void namesAreUnique() {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = CASES.stream().map(Case::name).filter(name -> !seen.add(name)).toList();
        assertEquals(List.of(), duplicates);
    }

    @Test
    void casesOutsideTheProbeTableSkipSql() {
        for (Case c : CASES) {
            Set<String> fields = fields(c);
            assertTrue(ConditionCases.SQL_COLUMNS.containsAll(fields) || c.sql() == Expectation.SKIP,
                    () -> c.name() + " uses " + fields);
        }
    }

    /**
     * A note is required where SQL and the client differ, where SQL is skipped on real columns, and
     * where MariaDB answers otherwise than PostgreSQL and H2.
     */
    @Test
    void everySqlDivergenceIsExplained() {
        for (Case c : CASES) {
            boolean skippedOnColumns = c.sql() == Expectation.SKIP && ConditionCases.SQL_COLUMNS.containsAll(fields(c));
            boolean differs = c.sql() != Expectation.SKIP && c.memory() != c.sql();
            boolean mariadbDiffers = c.mariadb() != c.sql();
            if (skippedOnColumns || differs || mariadbDiffers) {
                assertNotNull(c.note(), () -> c.name() + ": no note for the SQL difference");
                assertFalse(c.note().isBlank(), c.name());
            }
        }
    }

    @Test
    void tableCoversEveryOperatorAndDialect() {
        Set<String> operators = new HashSet<>();
        for (Case c : CASES) {
            collectOperators(c.where(), operators);
        }
        Set<String> expected = Arrays.stream(Operator.values()).map(Operator::wireName).collect(Collectors.toSet());
        expected.addAll(Set.of("and", "or", "not"));
        assertTrue(operators.containsAll(expected), () -> "missing " + expected.stream()
                .filter(op -> !operators.contains(op)).toList());
        Set<String> dialects = CASES.stream().map(Case::dialect).collect(Collectors.toSet());
        assertEquals(Arrays.stream(Dialect.values()).map(Dialect::wireName).collect(Collectors.toSet()), dialects);
        assertTrue(CASES.size() >= 100, "cases: " + CASES.size());
    }

    private static Set<String> fields(Case c) {
        Set<String> fields = new HashSet<>(c.row().keySet());
        collectFields(c.where(), fields);
        return fields;
    }

    private static void collectFields(Object where, Set<String> fields) {
        if (where instanceof Map<?, ?> map) {
            if (map.get("field") instanceof String field) {
                fields.add(field);
            }
            map.values().forEach(value -> collectFields(value, fields));
        } else if (where instanceof List<?> list) {
            list.forEach(value -> collectFields(value, fields));
        }
    }

    private static void collectOperators(Object where, Set<String> operators) {
        if (where instanceof Map<?, ?> map) {
            if (map.get("operator") instanceof String operator) {
                operators.add(operator);
            }
            map.values().forEach(value -> collectOperators(value, operators));
        } else if (where instanceof List<?> list) {
            list.forEach(value -> collectOperators(value, operators));
        }
    }
}
