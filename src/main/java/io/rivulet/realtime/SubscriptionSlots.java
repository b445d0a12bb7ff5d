package io.rivulet.realtime;

import io.rivulet.query.Condition;
import io.rivulet.query.Operator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a subscription sits in the {@link SubscriptionIndex}: a key, the whole collection, the
 * values of one {@code eq}/{@code inArray} condition that must hold (at the top or inside a
 * top-level {@code and}), or the scan slot. A hashed slot never misses a match: the in-memory
 * filter's {@code ===} and {@code includes} hold only between values of one JS type and equal
 * value, and those have equal {@link #valueKey}s.
 */
final class SubscriptionSlots {

    private static final String WHOLE = "*";
    private static final String SCAN = "?";

    private SubscriptionSlots() {
    }

    /**
     * One slot: {@code field} is null for the key, whole-collection and scan slots, else the
     * field whose value (as {@link #valueKey}) is {@code value}.
     */
    record Slot(String collection, String field, String value) {
    }

    static Slot whole(String collection) {
        return new Slot(collection, null, WHOLE);
    }

    static Slot scan(String collection) {
        return new Slot(collection, null, SCAN);
    }

    static Slot key(String collection, String key) {
        return new Slot(collection, null, "k:" + key);
    }

    static Set<Slot> of(Subscription subscription) {
        String collection = subscription.collection();
        if (subscription.key() != null) {
            return Set.of(key(collection, subscription.key()));
        }
        if (subscription.where().isEmpty()) {
            return Set.of(whole(collection));
        }
        return hashed(collection, subscription.where().get()).orElseGet(() -> Set.of(scan(collection)));
    }

    private static Optional<Set<Slot>> hashed(String collection, Condition where) {
        if (where instanceof Condition.And and) {
            for (Condition condition : and.conditions()) {
                Optional<Set<Slot>> slots = hashed(collection, condition);
                if (slots.isPresent()) {
                    return slots;
                }
            }
            return Optional.empty();
        }
        if (!(where instanceof Condition.FieldTest test)) {
            return Optional.empty();
        }
        if (test.operator() == Operator.EQ) {
            return valueKey(test.value()).map(value -> Set.of(new Slot(collection, test.field(), value)));
        }
        if (test.operator() == Operator.IN_ARRAY && test.value() instanceof List<?> values) {
            Set<Slot> slots = new LinkedHashSet<>();
            for (Object element : values) {
                Optional<String> value = valueKey(element);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                slots.add(new Slot(collection, test.field(), value.get()));
            }
            return Optional.of(Set.copyOf(slots));
        }
        return Optional.empty();
    }

    /**
     * A value's hash key: equal for values that {@code ===} holds between (numbers by their double
     * value, as JS compares them); empty for values no hash can answer (null, NaN, dates, arrays).
     */
    static Optional<String> valueKey(Object value) {
        if (value instanceof String text) {
            return Optional.of("s:" + text);
        }
        if (value instanceof Boolean bool) {
            return Optional.of("b:" + bool);
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return Double.isNaN(d) ? Optional.empty() : Optional.of("n:" + (d == 0 ? 0.0 : d));
        }
        return Optional.empty();
    }
}
