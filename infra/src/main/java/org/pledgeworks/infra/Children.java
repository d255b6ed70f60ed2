package org.pledgeworks.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.pledgeworks.infra.process.LauncherWatch;
import org.pledgeworks.infra.process.ManagedProcess;
import org.pledgeworks.infra.process.Probe;
import org.pledgeworks.infra.process.ProcessSpec;
import org.pledgeworks.infra.process.Readiness;
import org.pledgeworks.infra.process.Readiness.Waiting;
import org.pledgeworks.infra.process.StartupException;

/**
 * The processes a {@link LocalStack} started, from launch to shutdown: each one started with the
 * launcher watch and a pid file, watched for an exit nobody asked for, stopped or started again on
 * purpose, and at the end stopped tier by tier, the last started first.
 */
final class Children {

    /** Long enough for a service to finish its requests and commit its offsets, and for the broker's controlled shutdown. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final StackConfig config;
    private final RunRecords runRecords;
    private final Consumer<String> progress;
    private final Object lock = new Object();
    private final List<Child> children = new ArrayList<>();
    private final CompletableFuture<String> unexpectedExit = new CompletableFuture<>();
    private volatile boolean closing;

    /** A process the stack started and can start again with the same command. */
    private static final class Child {
        final String name;
        final int tier;
        final Supplier<Probe> probe;
        volatile ManagedProcess process;
        volatile boolean stoppedOnPurpose;

        Child(String name, int tier, Supplier<Probe> probe) {
            this.name = name;
            this.tier = tier;
            this.probe = probe;
        }
    }

    Children(StackConfig config, RunRecords runRecords, Consumer<String> progress) {
        this.config = config;
        this.runRecords = runRecords;
        this.progress = progress;
    }

    /**
     * Starts a child; {@code tier} orders the shutdown (the highest first). Returns what to wait on
     * until it is ready.
     */
    Waiting launch(String name, int tier, List<String> command, Map<String, String> environment, Supplier<Probe> probe) {
        // every child, whatever its kind, stops by itself should this launcher be killed (LauncherWatch)
        List<String> watched = new ArrayList<>(command);
        watched.addAll(1, LauncherWatch.jvmOptions(config.launcherWatchAgent()));
        ProcessSpec spec = new ProcessSpec(name, watched, environment, config.home(), config.logFile(name));
        Child child = new Child(name, tier, probe);
        synchronized (lock) {
            if (closing) {
                throw new StartupException("stopping, so " + name + " is not started");
            }
            child.process = ManagedProcess.start(spec);
            children.add(child);
            runRecords.record(child.process);
        }
        watch(child, child.process);
        return new Waiting(name, child.process, probe.get());
    }

    /**
     * A child that exits while nobody asked it to is reported once through {@link #unexpectedExit()}.
     * The check waits a moment, so a child that merely went down with a Ctrl-C sent to the whole
     * process group (where children share the terminal's) is not reported as a failure.
     */
    private void watch(Child child, ManagedProcess process) {
        process.onExit().thenRunAsync(() -> {
            if (closing || child.stoppedOnPurpose || child.process != process) {
                return;
            }
            unexpectedExit.complete(child.name + " stopped unexpectedly (exit code " + process.exitCode()
                    + "); its log is " + process.displayLogFile());
        }, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
    }

    CompletableFuture<String> unexpectedExit() {
        return unexpectedExit;
    }

    Optional<ProcessHandle> process(String name) {
        return find(name).map(child -> child.process.handle()).filter(ProcessHandle::isAlive);
    }

    void stop(String name, Duration grace) {
        Child child = find(name).orElseThrow(() -> new IllegalArgumentException("no process " + name));
        child.stoppedOnPurpose = true;
        child.process.stop(grace);
        runRecords.forget(name);
    }

    void restart(String name) {
        Child child = find(name).orElseThrow(() -> new IllegalArgumentException("no process " + name));
        if (child.process.isAlive()) {
            stop(name, STOP_GRACE);
        }
        ManagedProcess process;
        synchronized (lock) {
            if (closing) {
                throw new StartupException("stopping, so " + name + " is not started again");
            }
            process = ManagedProcess.start(child.process.spec());
            child.process = process;
            child.stoppedOnPurpose = false;
            runRecords.record(process);
        }
        watch(child, process);
        Readiness.await(new Waiting(name, process, child.probe.get()), config.startTimeout());
    }

    private Optional<Child> find(String name) {
        synchronized (lock) {
            return children.stream().filter(child -> child.name.equals(name)).findFirst();
        }
    }

    boolean isClosing() {
        return closing;
    }

    /**
     * Refuses further launches and stops every child, the highest tier first, the children of one
     * tier side by side.
     */
    void stopAll() {
        List<Child> toStop;
        synchronized (lock) {
            closing = true;
            toStop = new ArrayList<>(children);
            children.clear();
        }
        toStop.stream().filter(child -> !child.process.isAlive()).forEach(child -> runRecords.forget(child.name));
        int highestTier = toStop.stream().mapToInt(child -> child.tier).max().orElse(-1);
        for (int tier = highestTier; tier >= 0; tier--) {
            int current = tier;
            List<Thread> stoppers = toStop.stream()
                    .filter(child -> child.tier == current && child.process.isAlive())
                    .map(child -> new Thread(() -> stopChild(child), "stop-" + child.name))
                    .toList();
            stoppers.forEach(Thread::start);
            for (Thread stopper : stoppers) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void stopChild(Child child) {
        Instant stopping = Instant.now();
        boolean gentle = child.process.stop(STOP_GRACE);
        runRecords.forget(child.name);
        progress.accept(gentle
                ? String.format(Locale.ROOT, "stopped %s (%.1f s)", child.name,
                        Duration.between(stopping, Instant.now()).toMillis() / 1000.0)
                : "killed " + child.name + ": it did not stop within " + STOP_GRACE.toSeconds() + " s");
    }
}
