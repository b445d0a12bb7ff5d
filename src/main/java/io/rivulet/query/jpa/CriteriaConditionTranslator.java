package io.rivulet.query.jpa;

import io.rivulet.query.Condition;
import io.rivulet.query.ConditionVisitor;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.Operator;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.FieldType;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.ValueCodec;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL back end of the condition tree: compiles a {@link Condition} to a JPA Criteria
 * predicate with Drizzle's SQL semantics. Every value is a JPA parameter.
 *
 * <p>SQL's three-valued logic is kept where Drizzle would produce a constant: {@code col = NULL}
 * is unknown (never true, not even under {@code not}), while {@code inArray(col, [])} is a
 * definite false that {@code not} turns into true. Negation is therefore pushed down to the
 * leaves, where constants are resolved.
 */
public final class CriteriaConditionTranslator {

    private final CriteriaBuilder cb;
    private final Path<?> root;
    private final CollectionDescriptor collection;
    private final QueryParameters parameters;

    public CriteriaConditionTranslator(CriteriaBuilder cb, Path<?> root, CollectionDescriptor collection,
            QueryParameters parameters) {
        this.cb = cb;
        this.root = root;
        this.collection = collection;
        this.parameters = parameters;
    }

    /**
     * @return the predicate; an empty {@code and}/{@code or} is "no condition" as in Drizzle
     * @throws InvalidConditionException for unknown fields, operators that do not fit, bad values
     */
    public Predicate translate(Condition condition) {
        Predicate predicate = condition.accept(new Translation(false));
        return predicate == null ? cb.conjunction() : predicate;
    }

    private final class Translation implements ConditionVisitor<Predicate> {
        private final boolean negated;

        Translation(boolean negated) {
            this.negated = negated;
        }

        // Drizzle drops empty and()/or() nodes ("no condition"): they translate to null here
        @Override
        public Predicate visitAnd(Condition.And and) {
            Predicate[] children = children(and.conditions());
            return children.length == 0 ? null : negated ? cb.or(children) : cb.and(children);
        }

        @Override
        public Predicate visitOr(Condition.Or or) {
            Predicate[] children = children(or.conditions());
            return children.length == 0 ? null : negated ? cb.and(children) : cb.or(children);
        }

        @Override
        public Predicate visitNot(Condition.Not not) {
            return not.condition().accept(new Translation(!negated));
        }

        @Override
        public Predicate visitField(Condition.FieldTest test) {
            Leaf leaf = leaf(test);
            return switch (leaf.kind) {
                case UNKNOWN -> cb.disjunction();
                case TRUE -> negated ? cb.disjunction() : cb.conjunction();
                case FALSE -> negated ? cb.conjunction() : cb.disjunction();
                case PREDICATE -> negated ? cb.not(leaf.predicate) : leaf.predicate;
            };
        }

        private Predicate[] children(List<Condition> conditions) {
            return conditions.stream().map(c -> c.accept(this)).filter(java.util.Objects::nonNull)
                    .toArray(Predicate[]::new);
        }
    }

    private enum Kind { PREDICATE, TRUE, FALSE, UNKNOWN }

    private record Leaf(Kind kind, Predicate predicate) {
        static final Leaf TRUE = new Leaf(Kind.TRUE, null);
        static final Leaf FALSE = new Leaf(Kind.FALSE, null);
        static final Leaf UNKNOWN = new Leaf(Kind.UNKNOWN, null);

        static Leaf of(Predicate predicate) {
            return new Leaf(Kind.PREDICATE, predicate);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf leaf(Condition.FieldTest test) {
        FieldDescriptor field = collection.visibleField(test.field())
                .orElseThrow(() -> new InvalidConditionException("Unknown field in filter: " + test.field()));
        Operator operator = test.operator();
        Path path = Paths.of(root, field);
        if (operator == Operator.IS_NULL) {
            return Leaf.of(cb.isNull(path));
        }
        if (operator == Operator.IS_NOT_NULL) {
            return Leaf.of(cb.isNotNull(path));
        }
        if (!field.type().isComparable()) {
            throw new InvalidConditionException("Operator " + operator.wireName() + " does not apply to field "
                    + field.name());
        }
        return switch (operator) {
            case EQ, NE, GT, LT, GTE, LTE -> comparison(operator, field, path, test.value());
            case BETWEEN, NOT_BETWEEN -> between(operator, field, path, test.value(), test.value2());
            case IN_ARRAY, ARRAY_CONTAINED -> in(field, path, test.value(), false);
            case NOT_IN_ARRAY -> in(field, path, test.value(), true);
            case LIKE, NOT_LIKE, ILIKE, NOT_ILIKE -> like(operator, field, path, test.value());
            default -> throw new InvalidConditionException("Operator " + operator.wireName()
                    + " does not apply to field " + field.name());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf comparison(Operator operator, FieldDescriptor field, Path path, Object value) {
        if (value == null) {
            return Leaf.UNKNOWN;
        }
        Expression parameter = parameter(field, value);
        return Leaf.of(switch (operator) {
            case EQ -> cb.equal(path, parameter);
            case NE -> cb.notEqual(path, parameter);
            case GT -> cb.greaterThan(path, parameter);
            case LT -> cb.lessThan(path, parameter);
            case GTE -> cb.greaterThanOrEqualTo(path, parameter);
            default -> cb.lessThanOrEqualTo(path, parameter);
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf between(Operator operator, FieldDescriptor field, Path path, Object low, Object high) {
        if (low == null || high == null) {
            return Leaf.UNKNOWN;
        }
        Expression lower = parameter(field, low);
        Expression upper = parameter(field, high);
        Predicate between = cb.between(path, lower, upper);
        return Leaf.of(operator == Operator.BETWEEN ? between : cb.not(between));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf in(FieldDescriptor field, Path path, Object value, boolean negate) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidConditionException("Expected an array for field " + field.name());
        }
        List<Expression<?>> values = new ArrayList<>();
        for (Object element : list) {
            if (element != null) {
                values.add(parameter(field, element));
            }
        }
        if (values.isEmpty()) {
            // Drizzle: inArray(col, []) is false and notInArray(col, []) is true
            return list.isEmpty() ? (negate ? Leaf.TRUE : Leaf.FALSE) : Leaf.UNKNOWN;
        }
        CriteriaBuilder.In in = cb.in(path);
        values.forEach(in::value);
        return Leaf.of(negate ? cb.not(in) : in);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf like(Operator operator, FieldDescriptor field, Path path, Object pattern) {
        if (field.type() != FieldType.STRING || field.javaType() != String.class) {
            throw new InvalidConditionException("Operator " + operator.wireName() + " does not apply to field "
                    + field.name());
        }
        if (pattern == null) {
            return Leaf.UNKNOWN;
        }
        if (!(pattern instanceof String text)) {
            throw new InvalidConditionException("Invalid value for field " + field.name());
        }
        boolean insensitive = operator == Operator.ILIKE || operator == Operator.NOT_ILIKE;
        Expression<String> subject = insensitive ? cb.lower(path) : path;
        String value = insensitive ? text.toLowerCase(Locale.ROOT) : text;
        Predicate like = cb.like(subject, parameters.add(String.class, value));
        boolean negate = operator == Operator.NOT_LIKE || operator == Operator.NOT_ILIKE;
        return Leaf.of(negate ? cb.not(like) : like);
    }

    private Expression<?> parameter(FieldDescriptor field, Object value) {
        try {
            return parameters.add(field.javaType(), ValueCodec.fromWire(field, value, true));
        } catch (InvalidValueException e) {
            throw new InvalidConditionException(e.getMessage());
        }
    }
}
