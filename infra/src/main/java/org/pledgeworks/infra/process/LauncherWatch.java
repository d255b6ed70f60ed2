package org.pledgeworks.infra.process;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Java agent in every child the launcher starts ({@code -javaagent:infra.jar=<launcher pid>}): when
 * the launcher is gone without having stopped its children (SIGKILL, the OOM killer), the child
 * stops by itself instead of holding its ports and data directory until someone finds it.
 *
 * <p>Why an agent rather than a pipe on each child's stdin: every child is a JVM, and four of them are
 * Spring Boot fat jars that must not carry launcher code; an agent reaches all seven the same way
 * with no line in any service. The launcher's shutdown hook (SIGINT, SIGTERM) still stops the
 * children itself, in reverse order; this is only the net under it. {@code System.exit} runs the
 * child's own shutdown (Spring's graceful stop, the broker's controlled shutdown, the database's
 * flush); if that hangs, the JVM is halted after {@link #GRACE}, so nothing is left after ~10 s.
 */
public final class LauncherWatch {

    /** Exit code of a child stopped because its launcher disappeared. */
    public static final int ORPHANED = 3;

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration GRACE = Duration.ofSeconds(8);

    private LauncherWatch() {
    }

    /** The JVM options that make a child watch this process (the launcher). */
    public static List<String> jvmOptions(java.nio.file.Path agentJar) {
        return List.of("-javaagent:" + agentJar.toAbsolutePath() + "=" + ProcessHandle.current().pid());
    }

    public static void premain(String arguments) {
        long pid;
        try {
            pid = Long.parseLong(arguments == null ? "" : arguments.trim());
        } catch (NumberFormatException e) {
            System.err.println("pledgeworks: -javaagent needs the launcher's pid (=<pid>), not '" + arguments
                    + "'; this process will not stop with its launcher");
            return;
        }
        // the handle remembers the start time, so a recycled pid never passes for the launcher
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        Thread watch = new Thread(() -> {
            try {
                watch(pid, launcher);
            } catch (Throwable e) {
                System.err.println("pledgeworks: the launcher watch failed; this process will not stop with its launcher: " + e);
                e.printStackTrace();
                throw e;
            }
        }, "pledgeworks-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch(long pid, Optional<ProcessHandle> launcher) {
        while (launcher.isPresent() && launcher.get().isAlive()) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                System.err.println("pledgeworks: the launcher watch was interrupted; it keeps watching");
            }
        }
        System.err.println("pledgeworks: the launcher (pid " + pid + ") is gone; stopping");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                // halt now then
            }
            System.err.println("pledgeworks: not stopped after " + GRACE.toSeconds() + " s; halting");
            Runtime.getRuntime().halt(ORPHANED);
        }, "pledgeworks-orphan-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(ORPHANED);
    }
}
