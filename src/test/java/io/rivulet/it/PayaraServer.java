package io.rivulet.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * One Payara Server domain, driven with {@code asadmin} as an operator drives it (no Arquillian
 * adapter for Payara Server 6 is on Maven Central): {@code create-domain} with a port base under
 * which every port of the domain is free, the JDBC driver copied into the domain's {@code lib},
 * {@code start-domain}, commands, {@code deploy}, {@code stop-domain}. The domain lives in
 * {@code target/payara-server/domains/<name>} (its log: {@code logs/server.log} there); what
 * asadmin printed, with the time each command took, goes to {@code target/payara-server/asadmin.log}.
 */
final class PayaraServer implements AutoCloseable {

    /** What {@code create-domain --portbase} adds to the base: debug, iiop(-ssl, -mutual), admin, hazelcast, osgi, jms, http(s), jmx. */
    private static final int[] OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};
    private static final long TIMEOUT_SECONDS = 240;

    private final Path home;
    private final Path domains;
    private final String name;
    private final int portBase;
    private final Path log;
    private boolean started;

    private PayaraServer(Path home, Path domains, String name, int portBase, Path log) {
        this.home = home;
        this.domains = domains;
        this.name = name;
        this.portBase = portBase;
        this.log = log;
    }

    /**
     * Creates a new domain (an existing one of that name is replaced).
     *
     * @param home the unpacked distribution ({@code payara6})
     */
    static PayaraServer create(Path home, Path dir, String name) throws IOException, InterruptedException {
        Path domains = Files.createDirectories(dir.resolve("domains"));
        deleteTree(domains.resolve(name));
        Files.deleteIfExists(dir.resolve("asadmin.log"));
        PayaraServer server = new PayaraServer(home, domains, name, freePortBase(), dir.resolve("asadmin.log"));
        server.asadmin("create-domain", "--nopassword=true", "--portbase", Integer.toString(server.portBase),
                "--domaindir", domains.toString(), name);
        return server;
    }

    /** A jar for the server's common class path (a JDBC driver): the domain's {@code lib}, read at start. */
    void addLibrary(Path jar) throws IOException {
        Files.copy(jar, domains.resolve(name).resolve("lib").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    void start() throws IOException, InterruptedException {
        started = true; // from here on, close() stops it whatever happens
        asadmin("start-domain", "--domaindir", domains.toString(), name);
    }

    /**
     * Restarts the domain, as an operator does after changing listener settings: changed on a
     * running domain, {@code http-listener-1} may be left without its Grizzly proxy
     * ("GrizzlyProxy is NULL" in the server log), and then nothing listens on the HTTP port.
     */
    void restart() throws IOException, InterruptedException {
        asadmin("restart-domain", "--domaindir", domains.toString(), name);
    }

    /** asadmin commands, one a line ({@code #} starts a comment), in one {@code multimode} session. */
    void run(String commands) throws IOException, InterruptedException {
        Path file = Files.createTempFile(log.getParent(), "commands", ".asadmin");
        Files.writeString(file, commands);
        String output = asadmin("--port", Integer.toString(adminPort()), "multimode", "--file", file.toString());
        // multimode goes on after a failed command and may still exit 0
        if (output.contains("failed.")) {
            throw new IllegalStateException("asadmin commands of " + file + " failed:\n" + output);
        }
    }

    /** {@code asadmin deploy}; the context root is the application's name. */
    URL deploy(Path war, String application) throws IOException, InterruptedException {
        asadmin("--port", Integer.toString(adminPort()), "deploy", "--name", application, "--contextroot", "/" + application,
                war.toString());
        return url(application);
    }

    URL url(String contextRoot) {
        try {
            return URI.create("http://127.0.0.1:" + httpPort() + "/" + contextRoot + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    int httpPort() {
        return portBase + 80;
    }

    int adminPort() {
        return portBase + 48;
    }

    Path serverLog() {
        return domains.resolve(name).resolve("logs").resolve("server.log");
    }

    /** {@code asadmin stop-domain}, always once started; kills the server's process if that fails. */
    @Override
    public synchronized void close() throws IOException {
        if (!started) {
            return;
        }
        started = false;
        try {
            asadmin("stop-domain", "--domaindir", domains.toString(), name);
        } catch (IOException | RuntimeException e) {
            kill();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** The domain's own process only, as its pid file names it. */
    private void kill() throws IOException {
        Path pid = domains.resolve(name).resolve("config").resolve("pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Runs asadmin with the test JVM's Java; its output goes to the log and, on failure, into the exception. */
    private String asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("asadmin").toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] bytes = process.getInputStream().readAllBytes();
        boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String output = new String(bytes, StandardCharsets.UTF_8);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Files.writeString(log, "$ " + String.join(" ", command) + "   (" + ms + " ms)\n" + output + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (!ended) {
            process.destroyForcibly();
            throw new IOException("asadmin " + arguments[0] + " did not end within " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", arguments) + " ended with " + process.exitValue() + ":\n"
                    + output + "\nthe end of " + serverLog() + ":\n" + logTail());
        }
        return output;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(serverLog());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Random, so that two runs at once rarely collide; below the ephemeral range (32768+) where Payara Micro's ports are. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(100, 320) * 100;
            if (IntStream.of(OFFSETS).allMatch(offset -> free(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no port base with all Payara Server ports free");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
