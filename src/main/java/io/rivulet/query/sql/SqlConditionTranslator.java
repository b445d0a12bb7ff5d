package io.rivulet.query.sql;

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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plain-SQL back end of the condition tree: compiles a {@link Condition} to an SQL boolean
 * expression with {@code ?} placeholders, for hand-built JDBC statements, with Drizzle's SQL
 * semantics. Every value is a JDBC parameter ({@link SqlValues#jdbc}); no client value ever
 * becomes query text.
 *
 * <p>It must agree, case for case, with the other two back ends of the tree, the JPA Criteria one
 * ({@code io.rivulet.query.jpa.CriteriaConditionTranslator}, whose structure it copies) and the
 * in-memory one ({@code io.rivulet.query.memory}), through the shared table of cases
 * ({@code src/test/resources/conditions/cases.json}), which the tests run on H2, PostgreSQL and MariaDB.
 *
 * <p>SQL's three-valued logic is kept where Drizzle would produce a constant: {@code col = NULL}
 * is unknown (never true, not even under {@code not}), while {@code inArray(col, [])} is a
 * definite false that {@code not} turns into true. Negation is therefore pushed down to the
 * leaves, where constants are resolved. Constants are {@code 1=1} and {@code 1=0}.
 *
 * <p>Not thread-safe: one instance per statement being built.
 */
public final class SqlConditionTranslator {

    private static final Sql TRUE = new Sql("1=1", List.of());
    private static final Sql FALSE = new Sql("1=0", List.of());

    private final CollectionDescriptor collection;
    private final String alias;
    private final List<Object> parameters;

    /**
     * @param collection the collection whose visible fields the condition may test
     * @param alias      table alias prefixed to columns ({@code "t"} gives {@code t.title}), or
     *                   {@code null} for bare column names
     * @param parameters JDBC values are appended here in placeholder order
     */
    public SqlConditionTranslator(CollectionDescriptor collection, String alias, List<Object> parameters) {
        this.collection = collection;
        this.alias = alias;
        this.parameters = parameters;
    }

    /**
     * Parameters are appended only when the whole tree translates: after an exception the list is
     * as it was.
     *
     * @return an SQL boolean expression, parenthesised where needed (safe to {@code AND} with
     *         others); {@code 1=1} when the tree has no condition (an empty {@code and}/{@code or}
     *         is "no condition", as Drizzle drops them)
     * @throws InvalidConditionException for unknown fields, operators that do not fit, bad values
     */
    public String translate(Condition condition) {
        Sql sql = condition.accept(new Translation(false));
        if (sql == null) {
            return TRUE.text();
        }
        parameters.addAll(sql.values());
        return sql.text();
    }

    /** A piece of SQL and the values of its placeholders, in order. */
    private record Sql(String text, List<Object> values) {
    }

    private final class Translation implements ConditionVisitor<Sql> {
        private final boolean negated;

        Translation(boolean negated) {
            this.negated = negated;
        }

        // Drizzle drops empty and()/or() nodes ("no condition"): they translate to null here
        @Override
        public Sql visitAnd(Condition.And and) {
            return junction(and.conditions(), negated ? " OR " : " AND ");
        }

        @Override
        public Sql visitOr(Condition.Or or) {
            return junction(or.conditions(), negated ? " AND " : " OR ");
        }

        @Override
        public Sql visitNot(Condition.Not not) {
            return not.condition().accept(new Translation(!negated));
        }

        @Override
        public Sql visitField(Condition.FieldTest test) {
            Leaf leaf = leaf(test);
            return negated ? leaf.negated() : leaf.positive();
        }

        /**
         * The children joined flat, in one loop: however wide the node, the Java stack only grows
         * with the tree's depth (the database parses a flat list of thousands of terms as well).
         */
        private Sql junction(List<Condition> conditions, String connective) {
            StringBuilder text = new StringBuilder();
            List<Object> values = new ArrayList<>();
            int count = 0;
            Sql single = null;
            for (Condition condition : conditions) {
                Sql child = condition.accept(this);
                if (child == null) {
                    continue;
                }
                if (count > 0) {
                    text.append(connective);
                }
                text.append(child.text());
                values.addAll(child.values());
                single = child;
                count++;
            }
            if (count == 0) {
                return null;
            }
            return count == 1 ? single : new Sql("(" + text + ")", values);
        }
    }

    /**
     * A field test as SQL evaluates it and as SQL evaluates its negation. They differ from a plain
     * {@code NOT} only where a constant stands in for SQL's three-valued logic.
     */
    private record Leaf(Sql positive, Sql negated) {
    }

    private static Leaf of(Sql predicate) {
        return new Leaf(predicate, not(predicate));
    }

    private static Sql not(Sql predicate) {
        return new Sql("NOT (" + predicate.text() + ")", predicate.values());
    }

    /** Never true, not even negated: {@code col = NULL}. */
    private static Leaf unknown() {
        return new Leaf(FALSE, FALSE);
    }

    private static Leaf constant(boolean value) {
        return value ? new Leaf(TRUE, FALSE) : new Leaf(FALSE, TRUE);
    }

    private static Sql sql(String text, Object... values) {
        return new Sql(text, List.of(values));
    }

    private String column(FieldDescriptor field) {
        return alias == null ? field.column() : alias + "." + field.column();
    }

    private Leaf leaf(Condition.FieldTest test) {
        FieldDescriptor field = collection.visibleField(test.field())
                .orElseThrow(() -> new InvalidConditionException(Errors.Texts.unknownField(test.field())));
        Operator operator = test.operator();
        String column = column(field);
        if (operator == Operator.IS_NULL) {
            return new Leaf(sql(column + " IS NULL"), sql(column + " IS NOT NULL"));
        }
        if (operator == Operator.IS_NOT_NULL) {
            return new Leaf(sql(column + " IS NOT NULL"), sql(column + " IS NULL"));
        }
        if (!field.type().isComparable()) {
            throw new InvalidConditionException(
                    Errors.Texts.operatorDoesNotApply(operator.wireName(), field.name()));
        }
        return switch (operator) {
            case EQ, NE, GT, LT, GTE, LTE -> comparison(operator, field, column, test.value());
            case BETWEEN, NOT_BETWEEN -> between(operator, field, column, test.value(), test.value2());
            case IN_ARRAY, ARRAY_CONTAINED -> in(field, column, test.value(), false);
            case NOT_IN_ARRAY -> in(field, column, test.value(), true);
            case LIKE, NOT_LIKE, ILIKE, NOT_ILIKE -> like(operator, field, column, test.value());
            default -> throw new InvalidConditionException(
                    Errors.Texts.operatorDoesNotApply(operator.wireName(), field.name()));
        };
    }

    private Leaf comparison(Operator operator, FieldDescriptor field, String column, Object value) {
        if (value == null) {
            return unknown();
        }
        Optional<BigDecimal> fraction = fraction(field, value);
        if (fraction.isPresent()) {
            return fractionComparison(operator, field, column, fraction.get());
        }
        Object parameter = parameter(field, value);
        return of(sql(column + " " + symbol(operator) + " ?", parameter));
    }

    private static String symbol(Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case LT -> "<";
            case GTE -> ">=";
            default -> "<=";
        };
    }

    /**
     * An integer column against a fraction, as SQL compares them: {@code n > 4.5} is
     * {@code n > 4}, {@code n = 5.5} is false for every non-null n (and unknown for null).
     */
    private Leaf fractionComparison(Operator operator, FieldDescriptor field, String column, BigDecimal value) {
        // both converted whatever the operator, as the Criteria back end does: a bound that does
        // not fit the column is an invalid value even for eq and ne
        Object floor = parameter(field, value.setScale(0, RoundingMode.FLOOR));
        Object ceiling = parameter(field, value.setScale(0, RoundingMode.CEILING));
        return switch (operator) {
            case EQ -> new Leaf(FALSE, sql(column + " IS NOT NULL"));
            case NE -> new Leaf(sql(column + " IS NOT NULL"), FALSE);
            case GT -> of(sql(column + " > ?", floor));
            case GTE -> of(sql(column + " >= ?", ceiling));
            case LT -> of(sql(column + " < ?", ceiling));
            default -> of(sql(column + " <= ?", floor));
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

    private Leaf between(Operator operator, FieldDescriptor field, String column, Object low, Object high) {
        if (low == null || high == null) {
            return unknown();
        }
        Object lower = parameter(field, fraction(field, low).map(v -> (Object) v.setScale(0, RoundingMode.CEILING))
                .orElse(low));
        Object upper = parameter(field, fraction(field, high).map(v -> (Object) v.setScale(0, RoundingMode.FLOOR))
                .orElse(high));
        Sql between = sql(column + " BETWEEN ? AND ?", lower, upper);
        Sql notBetween = sql(column + " NOT BETWEEN ? AND ?", lower, upper);
        return operator == Operator.BETWEEN ? new Leaf(between, notBetween) : new Leaf(notBetween, between);
    }

    /**
     * {@code IN} with SQL's treatment of NULL elements: {@code n IN (4, NULL)} is true on a match
     * and never false-then-true under NOT; Drizzle's empty lists are constants.
     */
    private Leaf in(FieldDescriptor field, String column, Object value, boolean negate) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidConditionException(Errors.Texts.expectedArray(field.name()));
        }
        if (list.isEmpty()) {
            // Drizzle: inArray(col, []) is false and notInArray(col, []) is true
            return constant(negate);
        }
        List<Object> values = new ArrayList<>();
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
        Sql in;
        Sql notIn;
        if (values.isEmpty()) {
            // only fractions and NULLs: never equal, so like n = 5.5 (or unknown with a NULL)
            in = FALSE;
            notIn = withNull ? FALSE : sql(column + " IS NOT NULL");
        } else {
            String placeholders = "?" + ", ?".repeat(values.size() - 1);
            in = new Sql(column + " IN (" + placeholders + ")", values);
            notIn = withNull ? FALSE : new Sql(column + " NOT IN (" + placeholders + ")", values);
        }
        return negate ? new Leaf(notIn, in) : new Leaf(in, notIn);
    }

    private Leaf like(Operator operator, FieldDescriptor field, String column, Object pattern) {
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
        String subject = insensitive ? "LOWER(" + column + ")" : column;
        String value = insensitive ? text.toLowerCase(Locale.ROOT) : text;
        // a backslash escapes (LikePattern); an ESCAPE clause only when it matters, as the Criteria
        // back end does (EclipseLink stops binding parameters in a statement with ESCAPE)
        Optional<String> escaped = LikePattern.escaped(value, field.name());
        String escape = escaped.isEmpty() ? "" : " ESCAPE '" + LikePattern.ESCAPE + "'";
        String bound = escaped.orElse(value);
        Sql like = sql(subject + " LIKE ?" + escape, bound);
        Sql notLike = sql(subject + " NOT LIKE ?" + escape, bound);
        boolean negate = operator == Operator.NOT_LIKE || operator == Operator.NOT_ILIKE;
        return negate ? new Leaf(notLike, like) : new Leaf(like, notLike);
    }

    /** A where-value as the field's Java type, then as a JDBC parameter. */
    private static Object parameter(FieldDescriptor field, Object value) {
        try {
            return SqlValues.jdbc(ValueCodec.fromWire(field, value, true));
        } catch (InvalidValueException e) {
            throw new InvalidConditionException(e.getMessage());
        }
    }
}
