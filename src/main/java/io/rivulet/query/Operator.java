package io.rivulet.query;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 19 field operators of the rstore condition tree, with their wire names and how many
 * values they take. Semantics live in the back ends, not here.
 */
public enum Operator {
    EQ("eq", Arity.ONE),
    NE("ne", Arity.ONE),
    GT("gt", Arity.ONE),
    LT("lt", Arity.ONE),
    GTE("gte", Arity.ONE),
    LTE("lte", Arity.ONE),
    IN_ARRAY("inArray", Arity.ONE),
    NOT_IN_ARRAY("notInArray", Arity.ONE),
    LIKE("like", Arity.ONE),
    NOT_LIKE("notLike", Arity.ONE),
    ILIKE("ilike", Arity.ONE),
    NOT_ILIKE("notIlike", Arity.ONE),
    ARRAY_CONTAINS("arrayContains", Arity.ONE),
    ARRAY_CONTAINED("arrayContained", Arity.ONE),
    ARRAY_OVERLAPS("arrayOverlaps", Arity.ONE),
    BETWEEN("between", Arity.TWO),
    NOT_BETWEEN("notBetween", Arity.TWO),
    IS_NULL("isNull", Arity.NONE),
    IS_NOT_NULL("isNotNull", Arity.NONE);

    /** How many values an operator takes: {@code value}, or {@code value1} and {@code value2}. */
    public enum Arity { NONE, ONE, TWO }

    private static final Map<String, Operator> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Operator::wireName, Function.identity()));

    private final String wireName;
    private final Arity arity;

    Operator(String wireName, Arity arity) {
        this.wireName = wireName;
        this.arity = arity;
    }

    public String wireName() {
        return wireName;
    }

    public Arity arity() {
        return arity;
    }

    public static Optional<Operator> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
