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
 * The tree's size is checked here, against {@link ConditionLimits}, node by node as it is read.
 */
public final class ConditionParser {

    private final ConditionLimits limits;
    private int nodes;

    private ConditionParser(ConditionLimits limits) {
        this.limits = limits;
    }

    /** With the {@link ConditionLimits#DEFAULT default limits}. */
    public static Optional<Condition> parse(Object where) {
        return parse(where, ConditionLimits.DEFAULT);
    }

    /**
     * @return empty when the where value is {@code null} (no condition).
     * @throws ConditionTooLargeException when the tree is beyond {@code limits}
     * @throws InvalidConditionException when it is not a condition tree
     */
    public static Optional<Condition> parse(Object where, ConditionLimits limits) {
        if (where == null) {
            return Optional.empty();
        }
        return Optional.of(new ConditionParser(limits).node(where, 1));
    }

    private Condition node(Object value, int depth) {
        if (limits.tooDeep(depth)) {
            throw new ConditionTooLargeException(Errors.Texts.whereTooDeep(limits.maxDepth()));
        }
        if (limits.tooMany(++nodes)) {
            throw new ConditionTooLargeException(Errors.Texts.whereTooLarge(limits.maxNodes()));
        }
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
            return new Condition.Not(node(inner, depth + 1));
        }
        if (map.containsKey("conditions")) {
            List<Condition> children = children(map.get("conditions"), depth + 1);
            return switch (name) {
                case "and" -> new Condition.And(children);
                case "or" -> new Condition.Or(children);
                default -> throw new InvalidConditionException(Errors.Texts.invalidFilterOperator(name));
            };
        }
        throw new InvalidConditionException(Errors.Texts.invalidCondition());
    }

    private List<Condition> children(Object value, int depth) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidConditionException(Errors.Texts.invalidCondition());
        }
        List<Condition> children = new ArrayList<>(list.size());
        for (Object child : list) {
            if (child != null) {
                children.add(node(child, depth));
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
