package io.rivulet.query;

import java.util.List;

/**
 * The rstore {@code where} tree, parsed once. Values are plain Java values as decoded from the
 * wire: {@code null}, {@link Boolean}, {@link String}, {@link Number}, {@link java.time.Instant}
 * (a SuperJSON {@code Date}), {@link List} and {@link java.util.Map}.
 */
public sealed interface Condition {

    <R> R accept(ConditionVisitor<R> visitor);

    /** {@code and}: every condition holds; an empty list holds. */
    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }

        @Override
        public <R> R accept(ConditionVisitor<R> visitor) {
            return visitor.visitAnd(this);
        }
    }

    /** {@code or}: any condition holds; an empty list does not. */
    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }

        @Override
        public <R> R accept(ConditionVisitor<R> visitor) {
            return visitor.visitOr(this);
        }
    }

    /** {@code not}. */
    record Not(Condition condition) implements Condition {
        @Override
        public <R> R accept(ConditionVisitor<R> visitor) {
            return visitor.visitNot(this);
        }
    }

    /**
     * A field operator. {@code values} holds as many values as {@link Operator#arity()} says
     * (none, {@code value}, or {@code value1} and {@code value2}); a value may be {@code null}.
     */
    record FieldTest(Operator operator, String field, List<Object> values) implements Condition {
        public FieldTest {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        public Object value() {
            return values.get(0);
        }

        public Object value2() {
            return values.get(1);
        }

        @Override
        public <R> R accept(ConditionVisitor<R> visitor) {
            return visitor.visitField(this);
        }
    }
}
