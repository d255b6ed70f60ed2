package org.pledgeworks.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessTest {

    @TempDir
    Path dir;

    @Test
    void aProcessThatDiesIsReportedAtOnceWithItsLastLogLines() throws Exception {
        Path log = dir.resolve("logs/broker.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "a line from an earlier run\n");
        ManagedProcess process = ManagedProcess.start(shell("broker", "echo starting; echo 'port already bound' >&2; exit 3", log));
        Instant begin = Instant.now();

        assertThatThrownBy(() -> Readiness.await(new Readiness.Waiting("broker", process, never()), Duration.ofSeconds(30)))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("broker exited with code 3 before it was ready; its log is ")
                .hasMessageContaining("broker.log")
                .hasMessageContaining("    starting\n    port already bound")
                .hasMessageNotContaining("earlier run");
        assertThat(Duration.between(begin, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aProcessThatNeverGetsReadyTimesOutNamingTheLastAnswer() {
        ManagedProcess process = ManagedProcess.start(shell("service", "echo waiting forever; exec sleep 60", dir.resolve("service.log")));
        try {
            assertThatThrownBy(() -> Readiness.await(new Readiness.Waiting("service", process, never()), Duration.ofSeconds(1)))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("service did not become ready within 1 s (last answer from nowhere: "
                            + "IllegalStateException: not yet)")
                    .hasMessageContaining("waiting forever");
        } finally {
            assertThat(process.stop(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void waitsUntilEveryProbePassesAndClosesThem() {
        AtomicInteger closed = new AtomicInteger();
        List<Readiness.Waiting> waits = List.of(
                new Readiness.Waiting("fast", null, readyAfter(1, closed)),
                new Readiness.Waiting("slow", null, readyAfter(4, closed)));
        List<String> order = new java.util.ArrayList<>();

        Readiness.awaitAll(waits, Duration.ofSeconds(10), ready -> order.add(ready.name()));

        assertThat(order).containsExactly("fast", "slow");
        assertThat(closed).hasValue(2);
    }

    @Test
    void somethingExternalThatDoesNotAnswerIsNamedWithItsAddress() {
        assertThatThrownBy(() -> Readiness.await(new Readiness.Waiting("Kafka", null, never()), Duration.ofMillis(300)))
                .hasMessage("Kafka at nowhere did not answer within 0.3 s (last answer from nowhere: IllegalStateException: not yet)");
    }

    private ProcessSpec shell(String name, String script, Path log) {
        return new ProcessSpec(name, List.of("sh", "-c", script), Map.of(), dir, log);
    }

    private static Probe never() {
        return new Probe() {
            @Override
            public boolean isReady() {
                throw new IllegalStateException("not yet");
            }

            @Override
            public String target() {
                return "nowhere";
            }
        };
    }

    private static Probe readyAfter(int attempts, AtomicInteger closed) {
        AtomicInteger asked = new AtomicInteger();
        return new Probe() {
            @Override
            public boolean isReady() {
                return asked.incrementAndGet() >= attempts;
            }

            @Override
            public String target() {
                return "here";
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }
}
