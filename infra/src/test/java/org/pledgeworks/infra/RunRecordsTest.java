package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgeworks.infra.process.ManagedProcess;
import org.pledgeworks.infra.process.ProcessSpec;

class RunRecordsTest {

    @TempDir
    Path data;

    @Test
    void childrenLeftByALauncherThatWasKilledAreStoppedOnTheNextStart() {
        ManagedProcess orphan = sleeper("kafka");
        new RunRecords(data).record(orphan);
        List<String> said = new ArrayList<>();

        new RunRecords(data).claim(said::add);

        assertThat(orphan.isAlive()).isFalse();
        assertThat(said).containsExactly("stopping kafka (pid " + orphan.pid() + "), left running by an earlier launcher");
        assertThat(data.resolve("run/kafka.pid")).doesNotExist();
        assertThat(data.resolve("run/launcher.pid")).exists();
    }

    @Test
    void aRecordedPidNowUsedByAnotherProgramIsLeftAlone() throws Exception {
        ManagedProcess unrelated = sleeper("unrelated");
        try {
            Files.createDirectories(data.resolve("run"));
            // same pid, different start time: the pid was reused after our process ended
            long earlier = unrelated.handle().info().startInstant().orElseThrow().minusSeconds(3600).toEpochMilli();
            Files.writeString(data.resolve("run/mongodb.pid"), unrelated.pid() + " " + earlier + "\n");

            new RunRecords(data).claim(line -> { });

            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSecondLauncherOnTheSameDataIsRefused() throws Exception {
        ManagedProcess otherLauncher = sleeper("launcher");
        try {
            Files.createDirectories(data.resolve("run"));
            long started = otherLauncher.handle().info().startInstant().map(Instant::toEpochMilli).orElseThrow();
            Files.writeString(data.resolve("run/launcher.pid"), otherLauncher.pid() + " " + started + "\n");

            assertThatThrownBy(() -> new RunRecords(data).claim(line -> { }))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("another Pledgeworks launcher (pid " + otherLauncher.pid() + ") is running")
                    .hasMessageContaining("PLEDGEWORKS_DATA_DIR");
        } finally {
            otherLauncher.stop(Duration.ofSeconds(5));
        }
    }

    private ManagedProcess sleeper(String name) {
        return ManagedProcess.start(new ProcessSpec(name, List.of("sleep", "60"), Map.of(), data, data.resolve(name + ".log")));
    }
}
