package io.rivulet.query;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The where tree is refused while it is parsed once it has more nodes or levels than allowed. */
class ConditionLimitsTest {

    private static final ConditionLimits LIMITS = new ConditionLimits(10, 3);

    private static Map<String, Object> eq() {
        return Map.of("operator", "eq", "field", "id", "value", 1);
    }

    private static Map<String, Object> or(int children) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            list.add(eq());
        }
        return Map.of("operator", "or", "conditions", list);
    }

    private static Object nested(int depth) {
        Object node = eq();
        for (int i = 1; i < depth; i++) {
            node = Map.of("operator", "not", "condition", node);
        }
        return node;
    }

    @Test
    void anOrAtTheLimitParses() {
        assertDoesNotThrow(() -> ConditionParser.parse(or(9), LIMITS));
    }

    @Test
    void oneNodeMoreIsRefused() {
        var e = assertThrows(ConditionTooLargeException.class, () -> ConditionParser.parse(or(10), LIMITS));
        assertEquals("Filter has too many conditions (max 10)", e.getMessage());
    }

    @Test
    void oneLevelMoreIsRefused() {
        assertDoesNotThrow(() -> ConditionParser.parse(nested(3), LIMITS));
        var e = assertThrows(ConditionTooLargeException.class, () -> ConditionParser.parse(nested(4), LIMITS));
        assertEquals("Filter is too deep (max 3 levels)", e.getMessage());
    }

    @Test
    void droppedNullChildrenDoNotCount() {
        List<Object> children = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            children.add(null);
        }
        children.add(eq());
        assertDoesNotThrow(() -> ConditionParser.parse(Map.of("operator", "and", "conditions", children), LIMITS));
    }

    @Test
    void noLimitsAcceptAnything() {
        assertDoesNotThrow(() -> ConditionParser.parse(or(5000), ConditionLimits.NONE));
    }

    @Test
    void theDefaultsRefuseTheWideOrOfIssue14() {
        assertThrows(ConditionTooLargeException.class, () -> ConditionParser.parse(or(1400)));
    }
}
