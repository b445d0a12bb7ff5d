package io.rivulet.query.memory;

import io.rivulet.query.Condition;
import io.rivulet.query.InvalidConditionException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Evaluates a {@link Condition} against one row in memory, the way the rstore client's
 * {@code filterWhere(item, condition, dialect)} does (PROTOCOL.md 3.3): plain JavaScript semantics,
 * not SQL semantics. This is what realtime subscription matching needs, because the client
 * re-filters its cache with exactly these rules.
 *
 * <p>Row and condition values are plain Java values that stand for JavaScript values:
 * {@code null}; {@link Boolean}; {@link String}; any {@link Number} (all behave like a JS number,
 * a double); {@link java.time.Instant} (a JS {@code Date}); {@link java.util.List} (an array);
 * {@link Map} (a plain object). Any other type is treated as the string of its {@code toString()}.
 * A key that is <em>missing</em> from the row is JS {@code undefined}, which is not {@code null}:
 * {@code eq(f, null)} is false for it, {@code isNull} is true for it.
 *
 * <p>Highlights (details in {@link JsValues} and {@link LikeMatcher}):
 * <ul>
 *   <li>{@code eq}/{@code ne}/{@code inArray} are strict: {@code 1} is not {@code "1"}, and two
 *       dates are never equal (a JS {@code Date} compares by reference).</li>
 *   <li>{@code gt}/{@code lt}/{@code gte}/{@code lte}/{@code between} coerce like JS:
 *       {@code null} is 0, {@code undefined} and NaN never compare, {@code "4" < 5}.</li>
 *   <li>Timestamp coercion (rstore HEAD): when the row value is a date and the condition value
 *       (or a {@code between} bound, or an {@code inArray} element) is a string in exactly the
 *       {@code Date.toISOString()} form {@code YYYY-MM-DDTHH:mm:ss.sssZ}, that string is read as a
 *       date first. Any other string against a date never compares.</li>
 *   <li>{@code like} is anchored SQL LIKE without an escape character, case-insensitive only for
 *       {@link Dialect#SQLITE}; {@code ilike} always ignores case.</li>
 * </ul>
 *
 * <p><b>Timestamp fields</b> (an extension, not in the client): realtime rows may carry dates as
 * ISO strings. For a field listed in {@code timestampFields}, a row value that is a string holding
 * any ISO-8601 instant ({@code 2024-01-02T00:00:00Z}, {@code ...+02:00}, {@code ...000Z}) is read as
 * a date before any operator is applied, and so is a condition value that is any ISO-8601 instant
 * (not only the {@code toISOString} form). After that the JS rules above apply unchanged, so
 * {@code eq} still never matches two dates: the client would not match them either.
 *
 * <p>Known difference from {@code filterWhere}, inherited from {@link io.rivulet.query.ConditionParser}:
 * {@code null} children of {@code and}/{@code or} are dropped (as the server does), while
 * {@code filterWhere} counts them as true, so {@code or: [null]} is false here and true there.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class InMemoryFilter {

    private final Dialect dialect;
    private final Set<String> timestampFields;

    /** A filter for this dialect, without timestamp fields (exactly the client's behaviour). */
    public InMemoryFilter(Dialect dialect) {
        this(dialect, Set.of());
    }

    /**
     * @param dialect the client dialect (only {@link Dialect#SQLITE} changes {@code like})
     * @param timestampFields fields whose ISO-8601 string values are read as dates (see above)
     */
    public InMemoryFilter(Dialect dialect, Set<String> timestampFields) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.timestampFields = Set.copyOf(timestampFields);
    }

    public Dialect dialect() {
        return dialect;
    }

    public Set<String> timestampFields() {
        return timestampFields;
    }

    /**
     * @return whether the row satisfies the condition
     * @throws InvalidConditionException when a {@code like} pattern is longer than 512 characters
     */
    public boolean test(Condition condition, Map<String, ?> row) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(row, "row");
        return condition.accept(new RowEvaluator(row, dialect.likeIgnoresCase(), timestampFields));
    }

    /** Like {@link #test(Condition, Map)}; no condition (empty) matches every row. */
    public boolean test(Optional<Condition> condition, Map<String, ?> row) {
        return condition.isEmpty() || test(condition.get(), row);
    }

    /** The condition as a row predicate; no condition (empty) matches every row. */
    public Predicate<Map<String, ?>> predicate(Optional<Condition> condition) {
        return row -> test(condition, row);
    }

    /** One-shot convenience: {@code new InMemoryFilter(dialect).test(condition, row)}. */
    public static boolean matches(Optional<Condition> condition, Map<String, ?> row, Dialect dialect) {
        return new InMemoryFilter(dialect).test(condition, row);
    }
}
