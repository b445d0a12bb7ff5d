package io.rivulet.query.memory;

import io.rivulet.query.Condition;
import io.rivulet.query.ConditionVisitor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code filterWhere} for one row: one case per operator, JS semantics from {@link JsValues}. */
final class RowEvaluator implements ConditionVisitor<Boolean> {

    private final Map<String, ?> row;
    private final boolean likeIgnoresCase;
    private final Set<String> timestampFields;

    RowEvaluator(Map<String, ?> row, boolean likeIgnoresCase, Set<String> timestampFields) {
        this.row = row;
        this.likeIgnoresCase = likeIgnoresCase;
        this.timestampFields = timestampFields;
    }

    @Override
    public Boolean visitAnd(Condition.And and) {
        for (Condition condition : and.conditions()) {
            if (!condition.accept(this)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Boolean visitOr(Condition.Or or) {
        for (Condition condition : or.conditions()) {
            if (condition.accept(this)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Boolean visitNot(Condition.Not not) {
        return !not.condition().accept(this);
    }

    @Override
    public Boolean visitField(Condition.FieldTest test) {
        boolean timestamp = timestampFields.contains(test.field());
        Object v = fieldValue(test.field(), timestamp);
        return switch (test.operator()) {
            case IS_NULL -> JsValues.isNullish(v);
            case IS_NOT_NULL -> !JsValues.isNullish(v);
            case EQ -> JsValues.strictEquals(v, operand(v, test.value(), timestamp));
            case NE -> !JsValues.strictEquals(v, operand(v, test.value(), timestamp));
            case GT -> JsValues.greaterThan(v, operand(v, test.value(), timestamp));
            case LT -> JsValues.lessThan(v, operand(v, test.value(), timestamp));
            case GTE -> JsValues.greaterOrEqual(v, operand(v, test.value(), timestamp));
            case LTE -> JsValues.lessOrEqual(v, operand(v, test.value(), timestamp));
            case BETWEEN -> JsValues.greaterOrEqual(v, operand(v, test.value(), timestamp))
                    && JsValues.lessOrEqual(v, operand(v, test.value2(), timestamp));
            case NOT_BETWEEN -> JsValues.lessThan(v, operand(v, test.value(), timestamp))
                    || JsValues.greaterThan(v, operand(v, test.value2(), timestamp));
            case IN_ARRAY -> inArray(v, test.value(), timestamp);
            case NOT_IN_ARRAY -> !inArray(v, test.value(), timestamp);
            case LIKE -> LikeMatcher.likeMatch(test.value(), coerceForLike(v), likeIgnoresCase);
            case NOT_LIKE -> !LikeMatcher.likeMatch(test.value(), coerceForLike(v), likeIgnoresCase);
            case ILIKE -> LikeMatcher.likeMatch(test.value(), coerceForLike(v), true);
            case NOT_ILIKE -> !LikeMatcher.likeMatch(test.value(), coerceForLike(v), true);
            case ARRAY_CONTAINS -> v instanceof List<?> list && JsValues.includes(list, test.value());
            case ARRAY_CONTAINED -> test.value() instanceof List<?> list && JsValues.includes(list, v);
            case ARRAY_OVERLAPS -> v instanceof List<?> mine && test.value() instanceof List<?> theirs
                    && mine.stream().anyMatch(element -> JsValues.includes(theirs, element));
        };
    }

    /** {@code item[field]}: a missing key is {@code undefined}; timestamp fields read ISO strings. */
    private Object fieldValue(String field, boolean timestamp) {
        if (!row.containsKey(field)) {
            return JsValues.UNDEFINED;
        }
        Object value = row.get(field);
        if (timestamp && value instanceof String text) {
            Instant instant = IsoDates.parseIsoInstant(text);
            return instant != null ? instant : text;
        }
        return value;
    }

    /**
     * The condition value as compared with the row value: against a date, a string in the
     * {@code toISOString} form (any ISO-8601 instant for a timestamp field) becomes a date.
     */
    private static Object operand(Object rowValue, Object value, boolean timestamp) {
        if (rowValue instanceof Instant && value instanceof String text) {
            Instant instant = timestamp ? IsoDates.parseIsoInstant(text) : IsoDates.parseJsIsoString(text);
            if (instant != null) {
                return instant;
            }
        }
        return value;
    }

    /** {@code value.includes(v)}; a value that is not an array never includes anything. */
    private static boolean inArray(Object v, Object values, boolean timestamp) {
        if (!(values instanceof List<?> list)) {
            return false;
        }
        for (Object element : list) {
            if (JsValues.sameValueZero(v, operand(v, element, timestamp))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code coerceForLike} of {@code where.ts}: arrays and objects (a {@code Date} is an object too)
     * are {@code JSON.stringify}'d, so a date reads as its ISO string <em>in double quotes</em>.
     */
    private static Object coerceForLike(Object v) {
        return switch (JsValues.typeOf(v)) {
            case ARRAY, OBJECT, DATE -> JsValues.jsonStringify(v);
            default -> v;
        };
    }
}
