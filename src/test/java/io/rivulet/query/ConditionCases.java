package io.rivulet.query;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared table of condition cases, {@code src/test/resources/conditions/cases.json}: each case
 * is a {@code where} tree exactly as on the wire, one row, and what the in-memory evaluator
 * ({@code filterWhere} semantics) and an SQL back end must answer for it.
 *
 * <p>Rows only use the columns of the {@code conditionProbes} table ({@link #SQL_COLUMNS}); cases
 * that use other fields ({@code tags}, {@code missing}) have {@code "sql": "skip"}. Values are
 * plain Java: integral numbers as {@link Long}, others as {@link Double}; the row field {@code d} is
 * a timestamp and is read as an {@link Instant}, and so are the where-values listed in a case's
 * {@code whereDates} (paths such as {@code value}, {@code value.0}, {@code conditions.1.value}),
 * as a SuperJSON {@code Date} would arrive.
 *
 * <p>{@code sql} is the answer on PostgreSQL and H2. Where MariaDB answers otherwise (its default
 * collation, {@code utf8mb4_general_ci}, compares and matches text case-insensitively; it has no
 * boolean type), the case says so in {@code mariadb}, with a note.
 */
public final class ConditionCases {

    public static final String RESOURCE = "/conditions/cases.json";
    public static final String DEFAULT_DIALECT = "postgresql";
    /** The columns of the {@code conditionProbes} table. */
    public static final Set<String> SQL_COLUMNS = Set.of("id", "title", "n", "x", "d", "done", "s");
    /** The row fields that hold timestamps. */
    public static final Set<String> TIMESTAMP_FIELDS = Set.of("d");

    /** What a back end must answer: the row matches, it does not, it throws, or no assertion. */
    public enum Expectation {
        TRUE, FALSE, ERROR, SKIP;

        static Expectation of(JsonValue value) {
            if (value == JsonValue.TRUE) {
                return TRUE;
            } else if (value == JsonValue.FALSE) {
                return FALSE;
            } else if (value instanceof JsonString text && text.getString().equals("error")) {
                return ERROR;
            } else if (value instanceof JsonString text && text.getString().equals("skip")) {
                return SKIP;
            }
            throw new IllegalArgumentException("Bad expectation: " + value);
        }

        /** @return whether the expectation is TRUE or FALSE */
        public boolean isBoolean() {
            return this == TRUE || this == FALSE;
        }
    }

    /**
     * One case. {@code where} is the decoded where value (may be {@code null}: no condition),
     * {@code row} a row with {@code d} as an {@link Instant}, {@code note} why SQL and the client
     * differ ({@code null} when they agree); {@code mariadb} the SQL answer on MariaDB (equal to
     * {@code sql} unless the case marks a difference).
     */
    public record Case(String name, Object where, Map<String, Object> row, Expectation memory,
                       Expectation sql, String dialect, String note, Expectation mariadb) {

        /** The SQL back end's answer on that database: {@code h2}, {@code postgresql} or {@code mariadb}. */
        public Expectation sqlOn(String database) {
            return "mariadb".equals(database) ? mariadb : sql;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private ConditionCases() {
    }

    /** Loads {@value #RESOURCE} from the test class path. */
    public static List<Case> load() {
        try (InputStream in = ConditionCases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Case> load(InputStream in) {
        try (JsonReader reader = Json.createReader(in)) {
            List<Case> cases = new ArrayList<>();
            for (JsonValue value : reader.readArray()) {
                cases.add(toCase(value.asJsonObject()));
            }
            return List.copyOf(cases);
        }
    }

    private static Case toCase(JsonObject json) {
        Object where = toJava(json.get("where"));
        if (json.containsKey("whereDates")) {
            for (JsonValue path : json.getJsonArray("whereDates")) {
                where = withDate(where, ((JsonString) path).getString().split("\\."), 0);
            }
        }
        Expectation sql = Expectation.of(json.get("sql"));
        return new Case(json.getString("name"), where, toJavaRow(json.getJsonObject("row")),
                Expectation.of(json.get("memory")), sql, json.getString("dialect", DEFAULT_DIALECT),
                json.getString("note", null), json.containsKey("mariadb") ? Expectation.of(json.get("mariadb")) : sql);
    }

    /** A row as plain Java ({@link #toJava}), with the timestamp fields read as {@link Instant}. */
    public static Map<String, Object> toJavaRow(JsonObject row) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : row.entrySet()) {
            Object value = toJava(entry.getValue());
            if (TIMESTAMP_FIELDS.contains(entry.getKey()) && value instanceof String iso) {
                value = Instant.parse(iso);
            }
            result.put(entry.getKey(), value);
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * A JSON-P value as plain Java: {@code null}, {@link Boolean}, {@link String}, {@link Long}
     * (integral numbers that fit) or {@link Double}, {@link List} ({@link ArrayList}) and
     * {@link Map} ({@link LinkedHashMap}, in document order).
     */
    public static Object toJava(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue element : (JsonArray) value) {
                    list.add(toJava(element));
                }
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, member) -> map.put(key, toJava(member)));
                yield map;
            }
        };
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            try {
                return number.bigDecimalValue().longValueExact();
            } catch (ArithmeticException tooBig) {
                return number.doubleValue();
            }
        }
        return number.doubleValue();
    }

    /** Replaces the ISO string at {@code path} (dot-separated keys and list indexes) by an Instant. */
    @SuppressWarnings("unchecked")
    private static Object withDate(Object node, String[] path, int depth) {
        if (depth == path.length) {
            return Instant.parse((String) node);
        }
        String step = path[depth];
        if (node instanceof List<?> list) {
            int index = Integer.parseInt(step);
            ((List<Object>) list).set(index, withDate(list.get(index), path, depth + 1));
        } else if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(step, withDate(map.get(step), path, depth + 1));
        } else {
            throw new IllegalArgumentException("No " + String.join(".", path) + " in the where value");
        }
        return node;
    }
}
