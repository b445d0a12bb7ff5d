package io.rivulet.query.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * JavaScript value semantics over plain Java values, as used by the rstore client's
 * {@code filterWhere}. The mapping: {@link #UNDEFINED} is {@code undefined}; {@code null} is
 * {@code null}; {@link Boolean}; any {@link Number} is a JS number (its double value);
 * {@link Instant} is a {@code Date}; {@link List} is an array; {@link Map} is a plain object; any
 * other object is the string of its {@code toString()}. Date strings are rendered as in a process
 * running in UTC.
 */
public final class JsValues {

    /** JavaScript {@code undefined}: what a key missing from a row reads as. Not {@code null}. */
    public static final Object UNDEFINED = Undefined.UNDEFINED;

    private enum Undefined {
        UNDEFINED;

        @Override
        public String toString() {
            return "undefined";
        }
    }

    /** The kinds of JS value this class distinguishes. */
    enum Type { UNDEFINED, NULL, BOOLEAN, NUMBER, STRING, DATE, ARRAY, OBJECT }

    private static final int UNORDERED = -1;

    private JsValues() {
    }

    static Type typeOf(Object v) {
        if (v == UNDEFINED) {
            return Type.UNDEFINED;
        } else if (v == null) {
            return Type.NULL;
        } else if (v instanceof Boolean) {
            return Type.BOOLEAN;
        } else if (v instanceof Number) {
            return Type.NUMBER;
        } else if (v instanceof Instant) {
            return Type.DATE;
        } else if (v instanceof List) {
            return Type.ARRAY;
        } else if (v instanceof Map) {
            return Type.OBJECT;
        }
        return Type.STRING;
    }

    /** {@code v == null}: true for {@code null} and {@code undefined}. */
    public static boolean isNullish(Object v) {
        return v == null || v == UNDEFINED;
    }

    /**
     * {@code a === b}: no coercion; numbers by value ({@code 1 === 1.0}, NaN is not NaN); two dates
     * are never equal (distinct {@code Date} objects); arrays and objects only when the very same
     * Java object.
     */
    public static boolean strictEquals(Object a, Object b) {
        Type type = typeOf(a);
        if (type != typeOf(b)) {
            return false;
        }
        return switch (type) {
            case UNDEFINED, NULL -> true;
            case BOOLEAN -> a.equals(b);
            case NUMBER -> number(a) == number(b);
            case STRING -> a.toString().equals(b.toString());
            case DATE -> false;
            case ARRAY, OBJECT -> a == b;
        };
    }

    /** SameValueZero (as in {@code Array.prototype.includes}): {@code ===}, except NaN equals NaN. */
    public static boolean sameValueZero(Object a, Object b) {
        if (typeOf(a) == Type.NUMBER && typeOf(b) == Type.NUMBER
                && Double.isNaN(number(a)) && Double.isNaN(number(b))) {
            return true;
        }
        return strictEquals(a, b);
    }

    /** {@code list.includes(v)}. */
    public static boolean includes(List<?> list, Object v) {
        for (Object element : list) {
            if (sameValueZero(element, v)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a < b}. */
    public static boolean lessThan(Object a, Object b) {
        return compare(a, b) == 1;
    }

    /** {@code a > b}. */
    public static boolean greaterThan(Object a, Object b) {
        return compare(b, a) == 1;
    }

    /** {@code a <= b}. */
    public static boolean lessOrEqual(Object a, Object b) {
        return compare(b, a) == 0;
    }

    /** {@code a >= b}. */
    public static boolean greaterOrEqual(Object a, Object b) {
        return compare(a, b) == 0;
    }

    /**
     * IsLessThan(a, b) of ECMA-262: ToPrimitive both (hint number); two strings compare by UTF-16
     * code units; otherwise ToNumber both. Returns 1 (true), 0 (false) or {@link #UNORDERED}
     * (undefined: a NaN is involved), which makes every operator false.
     */
    private static int compare(Object a, Object b) {
        Object pa = toPrimitive(a);
        Object pb = toPrimitive(b);
        if (pa instanceof String sa && pb instanceof String sb) {
            return sa.compareTo(sb) < 0 ? 1 : 0;
        }
        double na = toNumber(pa);
        double nb = toNumber(pb);
        if (Double.isNaN(na) || Double.isNaN(nb)) {
            return UNORDERED;
        }
        return na < nb ? 1 : 0;
    }

    /**
     * ToPrimitive with hint number: a date becomes its epoch milliseconds (a {@link Double}), an
     * array its {@code join(",")} string, an object {@code "[object Object]"}; other values are
     * returned as they are (non-JS types as their string).
     */
    public static Object toPrimitive(Object v) {
        return switch (typeOf(v)) {
            case DATE -> IsoDates.timeValue((Instant) v);
            case ARRAY, OBJECT -> toJsString(v);
            case STRING -> v.toString();
            default -> v;
        };
    }

    /**
     * ToNumber: {@code undefined} is NaN, {@code null} 0, booleans 1/0, strings as
     * {@code Number(s)} (trimmed, {@code ""} is 0, {@code 0x1A}, otherwise NaN), dates their epoch
     * milliseconds, arrays and objects via {@link #toPrimitive(Object)}.
     */
    public static double toNumber(Object v) {
        return switch (typeOf(v)) {
            case UNDEFINED -> Double.NaN;
            case NULL -> 0;
            case BOOLEAN -> ((Boolean) v) ? 1 : 0;
            case NUMBER -> number(v);
            case STRING -> JsNumbers.parse(v.toString());
            case DATE -> IsoDates.timeValue((Instant) v);
            case ARRAY, OBJECT -> toNumber(toPrimitive(v));
        };
    }

    /**
     * {@code String(v)}: numbers as JS prints them ({@code 5}, {@code 5.5}, {@code 1e+21}), a date
     * as {@code Date.prototype.toString()} in UTC, an array as {@code join(",")} (null and undefined
     * elements empty), an object as {@code "[object Object]"}.
     */
    public static String toJsString(Object v) {
        return switch (typeOf(v)) {
            case UNDEFINED -> "undefined";
            case NULL -> "null";
            case BOOLEAN, STRING -> v.toString();
            case NUMBER -> JsNumbers.format(number(v));
            case DATE -> IsoDates.toDateString((Instant) v);
            case ARRAY -> join((List<?>) v);
            case OBJECT -> "[object Object]";
        };
    }

    /**
     * {@code JSON.stringify(v)} without spaces (a date as its quoted {@code toISOString()}).
     *
     * @return the JSON text, or {@code null} for {@code undefined} (JS returns undefined)
     */
    public static String jsonStringify(Object v) {
        return JsJson.stringify(v);
    }

    static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    private static String join(List<?> list) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                joined.append(',');
            }
            Object element = list.get(i);
            if (!isNullish(element)) {
                joined.append(toJsString(element));
            }
        }
        return joined.toString();
    }
}
