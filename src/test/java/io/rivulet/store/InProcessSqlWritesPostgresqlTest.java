package io.rivulet.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link InProcessSqlWritesTest} on the local PostgreSQL, where a create is one
 * {@code INSERT … RETURNING} with the key from {@code nextval}.
 */
class InProcessSqlWritesPostgresqlTest extends InProcessSqlWritesTest {

    /** Hides the tier's H2 start. */
    @BeforeAll
    protected static void start() {
        Assumptions.assumeTrue(listening(), "no PostgreSQL on 127.0.0.1:5432");
        db = InProcessStore.onPostgresql("rivulet_inprocess").seed();
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
