package io.rivulet.it;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process running the WAR Maven built, started as a user starts it (for the
 * tests that need several servers, or a server that must fail to start): a free HTTP port, the
 * project's pre-boot commands, JVM system properties, and optionally a PostgreSQL database as
 * the default datasource. Its log goes to {@code target/nodes/<name>.log}.
 */
final class PayaraNode implements AutoCloseable {

    /**
     * The test servers' JIT: C1 only. A test server serves a few hundred requests, never the
     * long run C2 pays off in; C2's compiles were half of a boot's CPU (35 → 16 CPU-seconds, 36–50 →
     * 18–20 s to the first answer, measured on this 2-core machine). Not for benchmarks: {@code bin/run*}
     * keep the JVM's defaults.
     */
    static final String TEST_JIT = "-XX:TieredStopAtLevel=1";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    /** The WAR's context root, ending in {@code /}. */
    private final String contextRoot;
    final Path log;
    private final Process process;

    private PayaraNode(String name, int port, String contextRoot, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.contextRoot = contextRoot;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the process with the WAR Maven built at the context root {@code /}; {@link #awaitUp()}
     * waits for the deployment.
     *
     * @param database   the default datasource, or null for the server's own H2
     * @param properties JVM system properties, {@code name=value}
     */
    static PayaraNode start(String name, TestEnvironment.Database database, String... properties) throws IOException {
        return start(name, Path.of(System.getProperty("rivulet.it.war", "target/rivulet.war")), "/", database,
                List.of(properties));
    }

    /**
     * Starts the process with that WAR; {@link #awaitUp()} waits for the deployment.
     *
     * @param contextRoot the WAR's context root ({@code /} or {@code /name})
     * @param database    the default datasource, or null for the server's own H2
     * @param properties  JVM system properties, {@code name=value}
     */
    static PayaraNode start(String name, Path war, String contextRoot, TestEnvironment.Database database,
            List<String> properties) throws IOException {
        int port = TestEnvironment.freePort();
        Path dir = Files.createDirectories(Path.of("target", "nodes"));
        Path preBoot = dir.resolve(name + "-pre-boot.asadmin");
        Files.writeString(preBoot, PayaraCommands.preBoot(port));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", TEST_JIT));
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", war.toString(), "--contextroot", contextRoot,
                "--nocluster", "--prebootcommandfile", preBoot.toString()));
        if (database != null) {
            Path postBoot = dir.resolve(name + "-post-boot.asadmin");
            Files.writeString(postBoot, database.postBootCommands());
            command.addAll(List.of("--postbootcommandfile", postBoot.toString(), "--addLibs", database.server().driver()));
        }
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PayaraNode(name, port, contextRoot.endsWith("/") ? contextRoot : contextRoot + "/", log, process);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the WAR answers, or the process ends (then the log tells why). */
    PayaraNode awaitUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " ended with " + process.exitValue() + "; the end of " + log
                        + ":\n" + logTail());
            }
            if (answers()) {
                return this;
            }
            if (logText().contains("Deployed 0 archive(s)")) {
                throw new IllegalStateException("node " + name + " started, but its WAR did not deploy; the end of " + log
                        + ":\n" + logTail());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + name + " did not start within 240 s (" + hangSummary() + "); the end of "
                + log + ":\n" + logTail());
    }

    /** Waits until the log holds {@code text} (a deployment that fails does not end Payara Micro). */
    String awaitLog(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            String log = logText();
            if (log.contains(text)) {
                return log;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " ended without logging \"" + text + "\"; see " + this.log);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + name + " did not log \"" + text + "\" within 240 s; see " + this.log);
    }

    /** Whether the deployment answers {@code GET /api/rstore/_schema} with 200. */
    boolean answers() throws InterruptedException {
        try {
            HttpResponse<Void> reply = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + contextRoot
                    + "api/rstore/_schema")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return reply.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The deployment's base URL (as Arquillian gives it). */
    URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + contextRoot).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One line for a start that hangs (the build's summary shows only a failure's first line): the
     * last log line and where the main thread waits. The whole thread dump goes to
     * {@code target/nodes/<name>-threads.txt}.
     */
    private String hangSummary() {
        String lastLine = "";
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0 && lastLine.isBlank(); i--) {
                lastLine = lines.get(i).strip();
            }
        } catch (IOException | RuntimeException e) {
            lastLine = "(log unreadable: " + e + ")";
        }
        String main = "(no thread dump)";
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            Files.writeString(log.resolveSibling(name + "-threads.txt"), dump);
            int at = dump.indexOf("\"main\"");
            if (at >= 0) {
                main = String.join(" < ", dump.substring(at).lines().skip(2).limit(4).map(String::strip).toList());
            }
        } catch (IOException | RuntimeException e) {
            main = "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "last log line: " + (lastLine.length() > 300 ? lastLine.substring(lastLine.length() - 300) : lastLine)
                + "; main thread: " + main;
    }

    /** The last 40 lines of the log, for a failure message (CI keeps the output, not the files). */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    /**
     * Stops the server as Ctrl-C would; kills it if it takes longer than 30 s.
     *
     * @return whether it stopped by itself, without being killed
     */
    boolean stop() {
        process.destroy();
        try {
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        stop();
    }
}
