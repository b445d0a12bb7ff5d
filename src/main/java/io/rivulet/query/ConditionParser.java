package io.rivulet.query;

import io.rivulet.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the decoded {@code where} value into a {@link Condition}, following the rstore server
 * rules: the node kind is decided by which key is present ({@code field}, {@code condition},
 * {@code conditions}); {@code null} children of {@code and}/{@code or} are dropped.
 * Field names are not checked here: that depends on the collection, and is the back end's job.
 */
public final class ConditionParser {

    private ConditionParser() {
    }

    /** @return empty when the where value is {@code null} (no condition). */
    public static Optional<Condition> parse(Object where) {
        if (where == null) {
            return Optional.empty();
        }
        return Optional.of(node(where));
    }

    private static Condition node(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidConditionException(Errors.Texts.invalidCondition());
        }
        Object operatorName = map.get("operator");
        if (!(operatorName instanceof String name)) {
            throw new InvalidConditionException(Errors.Texts.invalidCondition());
        }
        if (map.containsKey("field")) {
            return fieldTest(name, map);
        }
        if (map.containsKey("condition")) {
            if (!"not".equals(name)) {
                throw new InvalidConditionException(Errors.Texts.invalidFilterOperator(name));
            }
            Object inner = map.get("condition");
            if (inner == null) {
                throw new InvalidConditionException(Errors.Texts.invalidCondition());
            }
            return new Condition.Not(node(inner));
        }
        if (map.containsKey("conditions")) {
            List<Condition> children = children(map.get("conditions"));
            return switch (name) {
                case "and" -> new Condition.And(children);
                case "or" -> new Condition.Or(children);
                default -> throw new InvalidConditionException(Errors.Texts.invalidFilterOperator(name));
            };
        }
        throw new InvalidConditionException(Errors.Texts.invalidCondition());
    }

    private static List<Condition> children(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidConditionException(Errors.Texts.invalidCondition());
        }
        List<Condition> children = new ArrayList<>(list.size());
        for (Object child : list) {
            if (child != null) {
                children.add(node(child));
            }
        }
        return children;
    }

    private static Condition fieldTest(String name, Map<?, ?> map) {
        Operator operator = Operator.fromWireName(name)
                .orElseThrow(() -> new InvalidConditionException(Errors.Texts.invalidFilterOperator(name)));
        if (!(map.get("field") instanceof String field)) {
            throw new InvalidConditionException(Errors.Texts.invalidCondition());
        }
        List<Object> values = new ArrayList<>(2);
        switch (operator.arity()) {
            case NONE -> { }
            case ONE -> values.add(required(map, "value", name));
            case TWO -> {
                values.add(required(map, "value1", name));
                values.add(required(map, "value2", name));
            }
        }
        return new Condition.FieldTest(operator, field, values);
    }

    private static Object required(Map<?, ?> map, String key, String operator) {
        if (!map.containsKey(key)) {
            throw new InvalidConditionException(Errors.Texts.missingOperand(key, operator));
        }
        return map.get(key);
    }
}
