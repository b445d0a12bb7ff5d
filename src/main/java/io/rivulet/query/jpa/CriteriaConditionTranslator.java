package io.rivulet.query.jpa;

import io.rivulet.Errors;
import io.rivulet.query.Condition;
import io.rivulet.query.ConditionVisitor;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.LikePattern;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
            return negated ? leaf.negated() : leaf.positive();
        }

        private Predicate[] children(List<Condition> conditions) {
            return conditions.stream().map(c -> c.accept(this)).filter(java.util.Objects::nonNull)
                    .toArray(Predicate[]::new);
        }
    }

    /**
     * A field test as SQL evaluates it and as SQL evaluates its negation. They differ from a plain
     * {@code NOT} only where a constant stands in for SQL's three-valued logic.
     */
    private record Leaf(Predicate positive, Predicate negated) {
    }

    private Leaf of(Predicate predicate) {
        return new Leaf(predicate, cb.not(predicate));
    }

    /** Never true, not even negated: {@code col = NULL}. */
    private Leaf unknown() {
        return new Leaf(cb.disjunction(), cb.disjunction());
    }

    private Leaf constant(boolean value) {
        return value ? new Leaf(cb.conjunction(), cb.disjunction()) : new Leaf(cb.disjunction(), cb.conjunction());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf leaf(Condition.FieldTest test) {
        FieldDescriptor field = collection.visibleField(test.field())
                .orElseThrow(() -> new InvalidConditionException(Errors.Texts.unknownField(test.field())));
        Operator operator = test.operator();
        Path path = Paths.of(root, field);
        if (operator == Operator.IS_NULL) {
            return of(cb.isNull(path));
        }
        if (operator == Operator.IS_NOT_NULL) {
            return of(cb.isNotNull(path));
        }
        if (!field.type().isComparable()) {
            throw new InvalidConditionException(
                    Errors.Texts.operatorDoesNotApply(operator.wireName(), field.name()));
        }
        return switch (operator) {
            case EQ, NE, GT, LT, GTE, LTE -> comparison(operator, field, path, test.value());
            case BETWEEN, NOT_BETWEEN -> between(operator, field, path, test.value(), test.value2());
            case IN_ARRAY, ARRAY_CONTAINED -> in(field, path, test.value(), false);
            case NOT_IN_ARRAY -> in(field, path, test.value(), true);
            case LIKE, NOT_LIKE, ILIKE, NOT_ILIKE -> like(operator, field, path, test.value());
            default -> throw new InvalidConditionException(
                    Errors.Texts.operatorDoesNotApply(operator.wireName(), field.name()));
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf comparison(Operator operator, FieldDescriptor field, Path path, Object value) {
        if (value == null) {
            return unknown();
        }
        Optional<BigDecimal> fraction = fraction(field, value);
        if (fraction.isPresent()) {
            return fractionComparison(operator, field, path, fraction.get());
        }
        Expression parameter = parameter(field, value);
        return of(switch (operator) {
            case EQ -> cb.equal(path, parameter);
            case NE -> cb.notEqual(path, parameter);
            case GT -> cb.greaterThan(path, parameter);
            case LT -> cb.lessThan(path, parameter);
            case GTE -> cb.greaterThanOrEqualTo(path, parameter);
            default -> cb.lessThanOrEqualTo(path, parameter);
        });
    }

    /**
     * An integer column against a fraction, as SQL compares them: {@code n > 4.5} is
     * {@code n > 4}, {@code n = 5.5} is false for every non-null n (and unknown for null).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf fractionComparison(Operator operator, FieldDescriptor field, Path path, BigDecimal value) {
        Expression floor = parameter(field, value.setScale(0, RoundingMode.FLOOR));
        Expression ceiling = parameter(field, value.setScale(0, RoundingMode.CEILING));
        return switch (operator) {
            case EQ -> new Leaf(cb.disjunction(), cb.isNotNull(path));
            case NE -> new Leaf(cb.isNotNull(path), cb.disjunction());
            case GT -> of(cb.greaterThan(path, floor));
            case GTE -> of(cb.greaterThanOrEqualTo(path, ceiling));
            case LT -> of(cb.lessThan(path, ceiling));
            default -> of(cb.lessThanOrEqualTo(path, floor));
        };
    }

    /** The value, when it is a number with a fractional part compared with an integer column. */
    private static Optional<BigDecimal> fraction(FieldDescriptor field, Object value) {
        if (field.type() != FieldType.INTEGER || !(value instanceof Number number)
                || value instanceof Double d && !Double.isFinite(d)) {
            return Optional.empty();
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        return decimal.stripTrailingZeros().scale() > 0 ? Optional.of(decimal) : Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf between(Operator operator, FieldDescriptor field, Path path, Object low, Object high) {
        if (low == null || high == null) {
            return unknown();
        }
        Expression lower = parameter(field, fraction(field, low).map(v -> (Object) v.setScale(0, RoundingMode.CEILING))
                .orElse(low));
        Expression upper = parameter(field, fraction(field, high).map(v -> (Object) v.setScale(0, RoundingMode.FLOOR))
                .orElse(high));
        Predicate between = cb.between(path, lower, upper);
        return operator == Operator.BETWEEN ? of(between) : new Leaf(cb.not(between), between);
    }

    /**
     * {@code IN} with SQL's treatment of NULL elements: {@code n IN (4, NULL)} is true on a match
     * and never false-then-true under NOT; Drizzle's empty lists are constants.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf in(FieldDescriptor field, Path path, Object value, boolean negate) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidConditionException(Errors.Texts.expectedArray(field.name()));
        }
        if (list.isEmpty()) {
            // Drizzle: inArray(col, []) is false and notInArray(col, []) is true
            return constant(negate);
        }
        List<Expression<?>> values = new ArrayList<>();
        boolean withNull = false;
        boolean withFraction = false;
        for (Object element : list) {
            if (element == null) {
                withNull = true;
            } else if (fraction(field, element).isPresent()) {
                withFraction = true;
            } else {
                values.add(parameter(field, element));
            }
        }
        Predicate in;
        if (values.isEmpty()) {
            // only fractions and NULLs: never equal, so like n = 5.5 (or unknown with a NULL)
            in = cb.disjunction();
        } else {
            CriteriaBuilder.In clause = cb.in(path);
            values.forEach(clause::value);
            in = clause;
        }
        Predicate notIn = withNull ? cb.disjunction()
                : values.isEmpty() && withFraction ? cb.isNotNull(path) : cb.not(in);
        return negate ? new Leaf(notIn, in) : new Leaf(in, notIn);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Leaf like(Operator operator, FieldDescriptor field, Path path, Object pattern) {
        if (field.type() != FieldType.STRING || field.javaType() != String.class) {
            throw new InvalidConditionException(
                    Errors.Texts.operatorDoesNotApply(operator.wireName(), field.name()));
        }
        if (pattern == null) {
            return unknown();
        }
        if (!(pattern instanceof String text) || !ValueCodec.isStorable(text)) {
            // not text, or text the database would change (a lone surrogate) or refuse (a NUL)
            throw new InvalidConditionException(Errors.Texts.invalidFieldValue(field.name()));
        }
        boolean insensitive = operator == Operator.ILIKE || operator == Operator.NOT_ILIKE;
        Expression<String> subject = insensitive ? cb.lower(path) : path;
        String value = insensitive ? text.toLowerCase(Locale.ROOT) : text;
        // a backslash escapes (LikePattern); said explicitly only when it matters: Hibernate renders
        // a LIKE without escape as "escape ''" on H2 (no escape, as JPQL defines it), and
        // EclipseLink stops binding parameters in a statement with ESCAPE
        Optional<String> escaped = LikePattern.escaped(value, field.name());
        Expression<String> parameter = parameters.add(String.class, escaped.orElse(value));
        Predicate like = escaped.isEmpty() ? cb.like(subject, parameter) : cb.like(subject, parameter, LikePattern.ESCAPE);
        boolean negate = operator == Operator.NOT_LIKE || operator == Operator.NOT_ILIKE;
        return negate ? new Leaf(cb.not(like), like) : of(like);
    }

    private Expression<?> parameter(FieldDescriptor field, Object value) {
        try {
            return parameters.add(field.javaType(), ValueCodec.fromWire(field, value, true));
        } catch (InvalidValueException e) {
            throw new InvalidConditionException(e.getMessage());
        }
    }
}
