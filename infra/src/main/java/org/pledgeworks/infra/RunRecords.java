package org.pledgeworks.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.pledgeworks.infra.process.ManagedProcess;

/**
 * Pid files under {@code <data>/run}: one for the launcher that owns the data directory, one per
 * child. A launcher that was killed outright (SIGKILL, a closed CI job) cannot stop its children,
 * and they would keep the ports and the MongoDB file locked; the next start finds and stops them.
 * A pid is trusted only together with the process's start time, so a reused pid is never killed.
 */
final class RunRecords {

    private static final String LAUNCHER = "launcher";

    private final Path dir;

    RunRecords(Path dataDir) {
        this.dir = dataDir.resolve("run");
    }

    /**
     * @throws ConfigException when a live launcher already uses this data directory
     */
    void claim(Consumer<String> progress) {
        try {
            Files.createDirectories(dir);
            Optional<ProcessHandle> owner = live(dir.resolve(LAUNCHER + ".pid"));
            if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
                throw new ConfigException("another Pledgeworks launcher (pid " + owner.get().pid()
                        + ") is running on " + ManagedProcess.display(dir.getParent())
                        + " — stop it first (Ctrl-C in its terminal) or set " + StackConfig.DATA_DIR);
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
                for (Path file : files) {
                    String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    if (!name.equals(LAUNCHER)) {
                        live(file).ifPresent(leftover -> stopLeftover(name, leftover, progress));
                    }
                    Files.delete(file);
                }
            }
            write(LAUNCHER, ProcessHandle.current());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void record(ManagedProcess process) {
        try {
            write(process.name(), process.handle());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void release() {
        forget(LAUNCHER);
    }

    /** The launcher running on this data directory, if one does. */
    Optional<ProcessHandle> runningLauncher() {
        return running(LAUNCHER);
    }

    /** A child of a launcher ({@link LocalStack#MONGODB}, ...) still running on this data directory. */
    Optional<ProcessHandle> running(String name) {
        try {
            return live(dir.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the running stack's MongoDB listens on: its {@code --port} argument. */
    Optional<Integer> runningMongoPort() {
        return running(LocalStack.MONGODB)
                .flatMap(process -> process.info().arguments())
                .flatMap(arguments -> {
                    for (int i = 0; i + 1 < arguments.length; i++) {
                        if (arguments[i].equals("--port")) {
                            return Optional.of(Integer.parseInt(arguments[i + 1]));
                        }
                    }
                    return Optional.empty();
                });
    }

    private void write(String name, ProcessHandle handle) throws IOException {
        long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".pid"), handle.pid() + " " + started + "\n", StandardCharsets.UTF_8);
    }

    private static Optional<ProcessHandle> live(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String[] fields = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
        if (fields.length != 2) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(fields[0]);
            long started = Long.parseLong(fields[1]);
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> started != 0
                            && handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == started);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopLeftover(String name, ProcessHandle leftover, Consumer<String> progress) {
        progress.accept("stopping " + name + " (pid " + leftover.pid() + "), left running by an earlier launcher");
        leftover.destroy();
        try {
            leftover.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            leftover.destroyForcibly();
        }
    }
}
