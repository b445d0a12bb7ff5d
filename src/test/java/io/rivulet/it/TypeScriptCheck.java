package io.rivulet.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real TypeScript compiler over generated files: copies the usage files of
 * {@code src/test/ts} to {@code target/ts-check}, writes the generated files next to them, links
 * {@code node_modules} (installed with {@code npm ci} from the committed lock file when missing
 * or older than it) and runs {@code tsc -p} there. Needs Node 20+ and npm on the PATH. The other
 * Node tools of the ITs ({@code src/test/ts/offline}) run with the same packages.
 */
final class TypeScriptCheck {

    /** The Node project of the ITs' tools (its packages pinned by its lock file). */
    static final Path SOURCES = Path.of("src", "test", "ts");
    private static final Path CHECK = Path.of("target", "ts-check");

    /** What tsc said. */
    record Result(int exitCode, String output) {
    }

    private TypeScriptCheck() {
    }

    /** Prepares {@code target/ts-check} with {@code generated} (file name → text) written into it. */
    static Path prepare(Map<String, String> generated) throws IOException, InterruptedException {
        installPackages();
        deleteTree(CHECK);
        Files.walkFileTree(SOURCES, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.getFileName().toString().equals("node_modules")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(CHECK.resolve(SOURCES.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, CHECK.resolve(SOURCES.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
        for (var file : generated.entrySet()) {
            Files.writeString(CHECK.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        Files.createSymbolicLink(CHECK.resolve("node_modules"), SOURCES.resolve("node_modules").toAbsolutePath());
        return CHECK;
    }

    /** {@code tsc -p <project> --noEmit --strict} in {@code target/ts-check}, with the local TypeScript. */
    static Result tsc(String project) throws IOException, InterruptedException {
        return run(CHECK, 180, "node", "node_modules/typescript/bin/tsc", "-p", project, "--noEmit", "--strict",
                "--pretty", "false");
    }

    /** {@code npm ci} when node_modules is missing or older than the lock file (a fresh machine, a version bump). */
    static void installPackages() throws IOException, InterruptedException {
        Path installed = SOURCES.resolve("node_modules/.package-lock.json");
        Path lock = SOURCES.resolve("package-lock.json");
        if (Files.exists(installed) && Files.exists(SOURCES.resolve("node_modules/typescript/bin/tsc"))
                && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return;
        }
        Result npm = run(SOURCES, 600, "npm", "ci");
        if (npm.exitCode() != 0) {
            throw new IllegalStateException("npm ci in " + SOURCES + " failed:\n" + npm.output());
        }
    }

    static Result run(Path directory, long timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("rivulet-ts", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeoutSeconds
                        + " s:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Deletes a tree without following links (node_modules is a link into src/test/ts). */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
