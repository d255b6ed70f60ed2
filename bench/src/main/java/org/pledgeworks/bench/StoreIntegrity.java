package org.pledgeworks.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * After the stack has stopped, its embedded store opened again the way the launcher opens it at start:
 * {@code EmbeddedMongoServer} on the file reads every stored document of every collection
 * ({@code StoreCheck}) and fills the indexes before it listens, and exits 3 naming the database and
 * collection it could not read. Listening means the store opened whole; the server is then stopped
 * (SIGTERM, which closes the file cleanly).
 */
final class StoreIntegrity {

    private static final String LISTENING = "MongoDB wire server listening on";

    private StoreIntegrity() {
    }

    static ObjectNode check(Path home, Path storeFile, Path log, Duration bound, List<String> problems)
            throws IOException, InterruptedException {
        ObjectNode node = RunReport.JSON.createObjectNode();
        node.put("file", storeFile.toString());
        node.put("log", log.toString());
        if (!Files.isRegularFile(storeFile)) {
            problems.add("no embedded store at " + storeFile + " to check");
            node.put("status", "no store file");
            return node;
        }
        node.put("fileMiB", Files.size(storeFile) / (1024 * 1024));
        Path infra = home.resolve("infra").resolve("target");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx1g", "-cp",
                infra.resolve("classes") + File.pathSeparator + infra.resolve("lib").resolve("*"),
                "org.pledgeworks.embeddedmongo.EmbeddedMongoServer", "--host", "127.0.0.1", "--port", "0",
                "--file", storeFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a Ctrl-C during the check must not leave the server running on the store
        Thread stopOnExit = new Thread(process::destroy, "bench-stop-store-check");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Instant began = Instant.now();
        Instant deadline = began.plus(bound);
        String status = null;
        try {
            while (status == null && Instant.now().isBefore(deadline)) {
                if (Files.readString(log).contains(LISTENING)) {
                    status = "opened whole: every collection read";
                } else if (process.waitFor(1, TimeUnit.SECONDS)) {
                    status = "refused to open (exit " + process.exitValue() + "): " + Files.readString(log).strip();
                    problems.add("the store does not open again: " + status);
                }
            }
            if (status == null) {
                status = "not open after " + bound.toMinutes() + " min";
                problems.add("the store check did not finish within " + bound.toMinutes() + " min");
            }
        } finally {
            process.destroy(); // SIGTERM: the server's hook closes the file
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already stopping: the hook runs
            }
        }
        node.put("status", status);
        node.put("seconds", Duration.between(began, Instant.now()).toSeconds());
        return node;
    }
}
