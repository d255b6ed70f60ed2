package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pledgeworks up} killed outright (SIGKILL, the OOM killer): its children must not outlive it.
 * The launcher runs as a developer starts it, through the script, detached from any terminal, on a
 * temporary data directory and free ports. {@code --infra-only} (Kafka, MongoDB, the mail catcher):
 * every child, services included, gets the same {@code -javaagent} from {@code LocalStack}'s one
 * launch path, and the full stack would add minutes of start-up on a shared CI machine.
 */
class LauncherKilledIT {

    private static final Path HOME = StackConfig.findHome();

    /** What the task allows: a killed launcher's children are gone within this. */
    private static final Duration ORPHANS_GONE = Duration.ofSeconds(15);

    @TempDir
    Path data;

    private Process launcher;
    private List<ProcessHandle> children = List.of();

    @Test
    void everyChildStopsWhenTheLauncherIsKilled() throws Exception {
        Path output = data.resolve("launcher.out");
        Ports ports = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(setsid(), HOME.resolve("pledgeworks").toString(), "up", "--no-build",
                "--infra-only")
                .directory(HOME.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put(StackConfig.DATA_DIR, data.resolve("stack").toString());
        env.put(StackConfig.MONGO_PORT, Integer.toString(ports.mongo()));
        env.put(StackConfig.KAFKA_PORT, Integer.toString(ports.kafka()));
        env.put(StackConfig.KAFKA_CONTROLLER_PORT, Integer.toString(ports.kafkaController()));
        env.put(StackConfig.SMTP_PORT, Integer.toString(ports.smtp()));
        env.put(StackConfig.INBOX_PORT, Integer.toString(ports.inbox()));
        env.put(StackConfig.START_TIMEOUT, "120");
        List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SMTP_HOST").forEach(env::remove);
        launcher = builder.start();

        awaitOutput(output, "Pledgeworks infrastructure is running", Duration.ofSeconds(180));
        children = launcher.toHandle().children().toList();
        assertThat(children).as("kafka, mongodb and the mail catcher").hasSize(3);
        children.forEach(child -> assertThat(child.info().arguments().orElseThrow())
                .as("%s runs with the launcher watch", describe(child))
                .anyMatch(argument -> argument.startsWith("-javaagent:")
                        && argument.endsWith("infra/target/infra.jar=" + launcher.pid())));

        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs
        launcher.waitFor();
        Instant deadline = Instant.now().plus(ORPHANS_GONE);
        while (Instant.now().isBefore(deadline) && children.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(200);
        }
        System.out.println("children gone " + Duration.between(deadline.minus(ORPHANS_GONE), Instant.now()).toMillis()
                + " ms after the launcher was killed");

        assertThat(children.stream().filter(ProcessHandle::isAlive).map(LauncherKilledIT::describe))
                .as("children still running %s after the launcher was killed", ORPHANS_GONE)
                .isEmpty();
        // nothing else on this data directory either (a grandchild, a child started late)
        String dataDir = data.toString();
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(dataDir)).orElse(false))
                .map(LauncherKilledIT::describe))
                .isEmpty();
        assertThat(Files.readString(data.resolve("stack/logs/mongodb.log"), StandardCharsets.UTF_8))
                .contains("the launcher (pid " + launcher.pid() + ") is gone; stopping");
    }

    @AfterEach
    void leaveNothingRunning() {
        // a failed run must not leave its orphans to the next one: once the launcher is gone they are
        // no longer its descendants, hence the list
        children.forEach(ProcessHandle::destroyForcibly);
        if (launcher != null) {
            launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static String setsid() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) ? "/usr/bin/setsid" : "/bin/setsid";
    }

    private static void awaitOutput(Path output, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String printed = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            if (printed.contains(text)) {
                return;
            }
            assertThat(printed).as("the launcher's output").doesNotContain("pledgeworks: ");
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + Files.readString(output));
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }
}
