package org.pledgeworks.infra.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One running child JVM whose output goes to its own log file. */
public final class ManagedProcess {

    /*
     * Children run in a session of their own (setsid, where the system has it) so that Ctrl-C in
     * the terminal reaches only the launcher. The launcher then stops them in order: the services
     * while Kafka and MongoDB are still there to flush to, the broker last. Were they in the
     * terminal's process group, all of them would get SIGINT at once and the services would spend
     * their shutdown retrying a broker that is going away.
     */
    private static final Optional<Path> SETSID = Arrays.asList("/usr/bin/setsid", "/bin/setsid").stream()
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();

    private static final int TAIL_BYTES = 16 * 1024;

    /** A log that grew past this is moved to {@code <name>.log.1} when its process starts again. */
    private static final long ROTATE_BYTES = 64L * 1024 * 1024;

    private final ProcessSpec spec;
    private final Process process;
    private final long logOffset;

    private ManagedProcess(ProcessSpec spec, Process process, long logOffset) {
        this.spec = spec;
        this.process = process;
        this.logOffset = logOffset;
    }

    public static ManagedProcess start(ProcessSpec spec) {
        try {
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            if (Files.exists(spec.logFile()) && Files.size(spec.logFile()) > ROTATE_BYTES) {
                Files.move(spec.logFile(), spec.logFile().resolveSibling(spec.logFile().getFileName() + ".1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(spec.logFile(),
                    "---- pledgeworks: starting " + spec.name() + " at " + Instant.now() + " ----\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            long offset = Files.size(spec.logFile());
            List<String> command = new ArrayList<>();
            SETSID.ifPresent(setsid -> command.add(setsid.toString()));
            command.addAll(spec.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
            builder.environment().putAll(spec.environment());
            Process process = builder.start();
            process.getOutputStream().close();
            return new ManagedProcess(spec, process, offset);
        } catch (IOException e) {
            throw new StartupException("could not start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return spec.name();
    }

    public ProcessSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The exit code, or -1 while it still runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public Path logFile() {
        return spec.logFile();
    }

    /**
     * SIGTERM, so a service finishes its requests, commits its offsets and a database flushes its
     * file; SIGKILL only if it has not gone after the grace period. A zero grace period is SIGKILL
     * alone, as {@code kill -9} would: no shutdown hook runs (a fault test's crash).
     *
     * @return true if it stopped by itself within the grace period
     */
    public boolean stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        boolean gentle = true;
        if (grace.isZero() && process.isAlive()) {
            gentle = false;
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    gentle = false;
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return gentle;
    }

    /** The last lines this run wrote to its log (earlier runs' lines in the same file are left out). */
    public String logTail(int lines) {
        return tail(spec.logFile(), logOffset, lines);
    }

    static String tail(Path file, long fromOffset, int lines) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long start = Math.max(fromOffset, channel.size() - TAIL_BYTES);
            channel.position(Math.max(0, start));
            String text;
            try (InputStream in = Channels.newInputStream(channel)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> all = text.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log's path as the person at the terminal would type it. */
    public String displayLogFile() {
        return display(spec.logFile());
    }

    public static String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    @Override
    public String toString() {
        return spec.name() + " (pid " + process.pid() + ")";
    }
}
