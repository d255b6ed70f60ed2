package org.pledgeworks.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void outputIsAppendedToTheLogWithEnvironmentAndWorkingDirectory() throws Exception {
        Path log = dir.resolve("logs/echo.log");
        ManagedProcess first = ManagedProcess.start(new ProcessSpec("echo", List.of("sh", "-c", "echo \"$GREETING from $(pwd)\""),
                Map.of("GREETING", "hello"), dir, log));
        first.onExit().get(10, TimeUnit.SECONDS);
        ManagedProcess second = ManagedProcess.start(new ProcessSpec("echo", List.of("sh", "-c", "echo again >&2"), Map.of(), dir, log));
        second.onExit().get(10, TimeUnit.SECONDS);

        String text = Files.readString(log);
        assertThat(text).contains("hello from " + dir.toRealPath(), "again").containsPattern("---- pledgeworks: starting echo at ");
        assertThat(second.logTail(10)).isEqualTo("again");
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        ManagedProcess stubborn = ManagedProcess.start(new ProcessSpec("stubborn",
                List.of("sh", "-c", "trap '' TERM; echo trapped; while true; do sleep 1; done"), Map.of(), dir, dir.resolve("s.log")));
        waitForLine(stubborn, "trapped");

        boolean gentle = stubborn.stop(Duration.ofMillis(500));

        assertThat(gentle).isFalse();
        assertThat(stubborn.isAlive()).isFalse();
        assertThat(stubborn.handle().descendants()).isEmpty();
    }

    @Test
    void noGracePeriodKillsWithoutSigtermSoNoShutdownHandlerRuns() throws Exception {
        // the shell's own busy loop (no child to wait for) runs a TERM trap at once
        ManagedProcess crashing = ManagedProcess.start(new ProcessSpec("crashing",
                List.of("sh", "-c", "trap 'echo got-term; exit 0' TERM; echo ready; while :; do :; done"), Map.of(), dir,
                dir.resolve("c.log")));
        waitForLine(crashing, "ready");

        boolean gentle = crashing.stop(Duration.ZERO);

        assertThat(gentle).isFalse();
        assertThat(crashing.isAlive()).isFalse();
        assertThat(crashing.exitCode()).as("128 + SIGKILL").isEqualTo(137);
        assertThat(crashing.logTail(5)).doesNotContain("got-term");
    }

    @Test
    @EnabledIf("hasSetsid")
    void aChildRunsInASessionOfItsOwnSoCtrlCReachesOnlyTheLauncher() throws Exception {
        ManagedProcess child = ManagedProcess.start(new ProcessSpec("sleeper", List.of("sleep", "30"), Map.of(), dir, dir.resolve("z.log")));
        try {
            // setsid(2) runs a moment after the exec that start() waits for
            long sessionId = 0;
            for (int i = 0; i < 100 && sessionId != child.pid(); i++) {
                Thread.sleep(20);
                sessionId = Long.parseLong(Files.readString(Path.of("/proc/" + child.pid() + "/stat")).split("\\s+")[5]);
            }
            assertThat(sessionId).isEqualTo(child.pid());
        } finally {
            assertThat(child.stop(Duration.ofSeconds(5))).isTrue();
        }
    }

    static boolean hasSetsid() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isDirectory(Path.of("/proc"));
    }

    private static void waitForLine(ManagedProcess process, String line) throws InterruptedException {
        for (int i = 0; i < 100 && !process.logTail(5).contains(line); i++) {
            Thread.sleep(50);
        }
    }
}
