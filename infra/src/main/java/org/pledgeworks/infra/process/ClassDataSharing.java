package org.pledgeworks.infra.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Faster service start-up through AppCDS (issue 7, figure 5): most of a Spring Boot service's
 * start-up on a small machine is loading, parsing and verifying some 15,000 classes. A dynamic CDS
 * archive holds them pre-parsed and verified, mapped straight into memory.
 *
 * <p>An archive only covers classes from plain jars on the class path, not from a fat jar's nested
 * ones, so a service runs from its extracted form ({@code java -Djarmode=tools -jar x.jar extract}:
 * {@code x.jar} + {@code lib/}) with {@code -XX:SharedArchiveFile}. Both live in
 * {@code <cache>/<module>-<hash of the fat jar>/}, so a rebuilt jar never meets a stale archive, and
 * the JVM itself checks the archive against the class path and the JDK and runs without it (with a
 * warning in the log) when anything differs. Until an archive exists, the service runs from its fat
 * jar exactly as before.
 *
 * <p>The archive is made by a training run after the stack is up (once per built jar, in the
 * background, one service at a time, at a lower CPU priority): the service starts with
 * {@code -XX:ArchiveClassesAtExit} and {@code -Dspring.context.exit=onRefresh}, which refreshes the
 * context (every bean created, so every start-up class loaded) and exits before anything starts
 * listening or consuming. {@code PLEDGEWORKS_APPCDS=false} switches all of it off.
 */
public final class ClassDataSharing {

    public static final String SWITCH = "PLEDGEWORKS_APPCDS";

    /** Generous: on the shared 2-core machine at a load of 20-45, training runs took 96-158 s each. */
    private static final long TRAINING_TIMEOUT_SECONDS = 600;

    private final Path cache;
    private final boolean enabled;
    private final List<Process> training = new ArrayList<>();
    private volatile boolean closed;

    public ClassDataSharing(Path cache, boolean enabled) {
        this.cache = cache;
        this.enabled = enabled;
    }

    /** Enabled unless {@code PLEDGEWORKS_APPCDS} is {@code false}/{@code off}/{@code 0}. */
    public static ClassDataSharing fromEnvironment(Path cache) {
        String value = Optional.ofNullable(System.getenv(SWITCH)).orElse("").trim().toLowerCase(java.util.Locale.ROOT);
        return new ClassDataSharing(cache, !List.of("false", "off", "0", "no").contains(value));
    }

    /** The place of one fat jar's extracted form and archive. */
    record Entry(Path dir, Path jar, Path archive) {
        boolean ready() {
            return Files.isRegularFile(jar) && Files.isRegularFile(archive);
        }
    }

    Entry entry(String module, Path fatJar) throws IOException {
        Path dir = cache.resolve(module + "-" + fingerprint(fatJar));
        return new Entry(dir, dir.resolve(module + ".jar"), dir.resolve(module + ".jsa"));
    }

    /**
     * {@code java <options> -XX:SharedArchiveFile=<archive> -jar <extracted jar>} when this jar's
     * archive is ready, else {@code java <options> -jar <fat jar>} as before.
     */
    public List<String> command(String module, List<String> options, Path fatJar) {
        if (enabled) {
            try {
                Entry entry = entry(module, fatJar);
                if (entry.ready()) {
                    List<String> command = new ArrayList<>();
                    command.add(JavaCommand.currentJava().toString());
                    command.addAll(options);
                    command.add("-XX:SharedArchiveFile=" + entry.archive());
                    command.add("-Xshare:auto"); // an archive the JVM cannot use is skipped, never fatal
                    command.add("-jar");
                    command.add(entry.jar().toString());
                    return command;
                }
            } catch (IOException | RuntimeException e) {
                // no archive then: the fat jar always works
            }
        }
        return JavaCommand.jar(options, fatJar);
    }

    /** One service to train: its module, fat jar and the environment it runs with. */
    public record Service(String module, Path fatJar, Map<String, String> environment) {
    }

    /**
     * Extracts and trains, one service at a time in the background, every service whose jar has no
     * archive yet. Completes when done (or at once when there is nothing to do); never fails: a
     * service whose training fails simply keeps starting from its fat jar.
     */
    public CompletableFuture<List<String>> prepareInBackground(List<Service> services, List<String> options, Path logFile,
            Consumer<String> progress) {
        if (!enabled) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Service> todo = new ArrayList<>();
        for (Service s : services) {
            try {
                if (!entry(s.module(), s.fatJar()).ready()) {
                    todo.add(s);
                }
            } catch (IOException e) {
                // unreadable jar: nothing to train
            }
        }
        if (todo.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        progress.accept("preparing faster start-ups (AppCDS) for " + String.join(", ", todo.stream().map(Service::module).toList())
                + " in the background; log " + ManagedProcess.display(logFile));
        return CompletableFuture.supplyAsync(() -> {
            List<String> trained = new ArrayList<>();
            for (Service s : todo) {
                if (closed) {
                    break;
                }
                try {
                    if (train(s, options, logFile)) {
                        trained.add(s.module());
                    }
                } catch (IOException | RuntimeException e) {
                    append(logFile, s.module() + ": training failed: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!trained.isEmpty()) {
                progress.accept("AppCDS archives ready for " + String.join(", ", trained) + ": used from the next start");
            }
            return trained;
        }, runnable -> {
            Thread thread = new Thread(runnable, "appcds-training");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private boolean train(Service s, List<String> options, Path logFile) throws IOException, InterruptedException {
        Entry entry = entry(s.module(), s.fatJar());
        Files.createDirectories(cache);
        // only this jar's entry stays: older ones belong to jars that no longer exist
        try (Stream<Path> old = Files.list(cache)) {
            for (Path dir : old.filter(p -> p.getFileName().toString().startsWith(s.module() + "-") && !p.equals(entry.dir()))
                    .toList()) {
                deleteTree(dir);
            }
        }
        if (!Files.isRegularFile(entry.jar())) {
            Path partial = Files.createDirectories(cache).resolve(entry.dir().getFileName() + ".extracting");
            deleteTree(partial);
            List<String> extract = List.of(JavaCommand.currentJava().toString(), "-Djarmode=tools", "-jar",
                    s.fatJar().toString(), "extract", "--destination", partial.toString());
            if (run(extract, Map.of(), logFile) != 0 || !Files.isRegularFile(partial.resolve(s.fatJar().getFileName()))) {
                append(logFile, s.module() + ": extracting failed; it keeps starting from its fat jar");
                return false;
            }
            Files.move(partial.resolve(s.fatJar().getFileName()), partial.resolve(entry.jar().getFileName()));
            deleteTree(entry.dir());
            Files.move(partial, entry.dir(), StandardCopyOption.ATOMIC_MOVE);
        }
        Path partialArchive = entry.dir().resolve(s.module() + ".jsa.partial");
        Files.deleteIfExists(partialArchive);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", "10")); // the running stack comes first
        }
        command.add(JavaCommand.currentJava().toString());
        // the service's own options, less a flight recording (a training run is not the service) and
        // less Java agents (the launcher watch): a JVM with an agent refuses to dump ("Must enable
        // AllowArchivingWithJavaAgent", a diagnostic option); a training run ends by itself at the refresh
        options.stream().filter(o -> !o.startsWith("-XX:StartFlightRecording") && !o.startsWith("-javaagent:"))
                .forEach(command::add);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + partialArchive, "-Dspring.context.exit=onRefresh",
                "-jar", entry.jar().toString()));
        Map<String, String> env = new java.util.HashMap<>(s.environment());
        env.put("SERVER_PORT", "0"); // nothing listens with onRefresh; should it, it takes no one's port
        env.put("MANAGEMENT_PORT", "0");
        int exit = run(command, env, logFile);
        if (exit != 0 || !Files.isRegularFile(partialArchive) || Files.size(partialArchive) == 0) {
            append(logFile, s.module() + ": training run ended with " + exit + "; it keeps starting from its fat jar");
            Files.deleteIfExists(partialArchive);
            return false;
        }
        Files.move(partialArchive, entry.archive(), StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private int run(List<String> command, Map<String, String> env, Path logFile) throws IOException, InterruptedException {
        append(logFile, "$ " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        Process process;
        synchronized (training) {
            if (closed) {
                return -1;
            }
            process = builder.start();
            training.add(process);
        }
        try {
            if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return -1;
            }
            return process.exitValue();
        } finally {
            synchronized (training) {
                training.remove(process);
            }
        }
    }

    /** Stops a training run in progress (the stack is stopping); its archive is simply not made. */
    public void close() {
        synchronized (training) {
            closed = true;
            training.forEach(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        }
    }

    private static final Map<String, String> FINGERPRINTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The first 16 bytes of the jar's SHA-256, hex: content, not time, so a copied jar finds its archive. */
    static String fingerprint(Path jar) throws IOException {
        // hashed once per file version (path, size, modification time) per JVM
        String version = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        String known = FINGERPRINTS.get(version);
        if (known != null) {
            return known;
        }
        String hash = hash(jar);
        FINGERPRINTS.put(version, hash);
        return hash;
    }

    private static String hash(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(Path logFile, String line) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is a courtesy
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
