package io.rivulet.changes.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The replication connection's URL: the datasource's, without the read timeout a quiet stream would hit. */
class ReaderConnectionsTest {

    @Test
    void theSocketTimeoutIsLeftOutAndTheRestKept() {
        assertEquals("jdbc:postgresql://h:5432/db?connectTimeout=5",
                ReaderConnections.withoutSocketTimeout("jdbc:postgresql://h:5432/db?connectTimeout=5&socketTimeout=60"));
        assertEquals("jdbc:postgresql://h/db", ReaderConnections.withoutSocketTimeout("jdbc:postgresql://h/db?socketTimeout=60"));
        assertEquals("jdbc:postgresql://h/db", ReaderConnections.withoutSocketTimeout("jdbc:postgresql://h/db"));
        assertEquals("jdbc:postgresql://h/db?a=1&b=2",
                ReaderConnections.withoutSocketTimeout("jdbc:postgresql://h/db?a=1&SocketTimeout=9&b=2"));
    }

    @Test
    void thePasswordStaysOutOfTheLog() {
        assertEquals("jdbc:postgresql://h/db as rivulet", new ReaderConnections("jdbc:postgresql://h/db", "rivulet", "secret").toString());
    }
}
