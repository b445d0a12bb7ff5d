import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL (zonky, the tests' server) with {@code wal_level=logical}, for the change
 * source benchmark (the machine's own server runs {@code replica}). Runs until killed.
 * Run: java -cp "$(test class path)" bench/realtime/LogicalPostgres.java PORT DATA_DIR
 */
public class LogicalPostgres {

    public static void main(String[] args) throws Exception {
        Path data = Files.createDirectories(Path.of(args[1]));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(Integer.parseInt(args[0])).setDataDirectory(data)
                .setCleanDataDirectory(false).setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "8").setServerConfig("max_wal_senders", "8")
                .setServerConfig("max_connections", "200")
                // zonky turns synchronous_commit off; then the WAL writer flushes commits every 200 ms
                // (wal_writer_delay), and logical decoding, which reads flushed WAL only, waits for it
                .setServerConfig("synchronous_commit", "on").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("READY " + postgres.getPort());
        Thread.currentThread().join();
    }
}
