package io.rivulet.query.memory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The database dialect the rstore client was configured with. It only matters for {@code like} and
 * {@code notLike}: the client matches them case-insensitively when the dialect is {@code sqlite},
 * and case-sensitively for every other dialect (including {@code turso}, which is also SQLite).
 */
public enum Dialect {
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    SQLITE("sqlite"),
    SINGLESTORE("singlestore"),
    GEL("gel"),
    TURSO("turso");

    private final String wireName;

    Dialect(String wireName) {
        this.wireName = wireName;
    }

    /** The dialect string as rstore spells it ({@code postgresql}, {@code sqlite}, ...). */
    public String wireName() {
        return wireName;
    }

    /** Whether {@code like}/{@code notLike} ignore case, as in the client ({@code dialect === 'sqlite'}). */
    public boolean likeIgnoresCase() {
        return this == SQLITE;
    }

    /** @return the dialect with this wire name, or empty for a name rstore does not know. */
    public static Optional<Dialect> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }
}
