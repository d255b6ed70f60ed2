package org.pledgeworks.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.Uuid;
import org.pledgeworks.infra.process.JavaCommand;
import org.pledgeworks.infra.process.ManagedProcess;
import org.pledgeworks.infra.process.Probe;
import org.pledgeworks.infra.process.ProcessSpec;
import org.pledgeworks.infra.process.StartupException;

/**
 * One Kafka node in KRaft mode, broker and controller in the same JVM, bound to 127.0.0.1. Its
 * files live in one directory: server.properties and the Log4j 2 config (rewritten on every start,
 * so they follow the configured ports), the cluster id, and the formatted log dir.
 */
public final class KafkaBroker {

    public static final String MAIN_CLASS = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";

    private final Path dir;
    private final int port;
    private final int controllerPort;

    public KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Kafka's log.dirs: the topics' segments and the KRaft metadata log. */
    public Path logDirs() {
        return dir.resolve("kraft-combined-logs");
    }

    Path propertiesFile() {
        return dir.resolve("server.properties");
    }

    Path log4jConfig() {
        return dir.resolve("log4j2.xml");
    }

    /** True once the storage has been formatted: later starts skip the formatting JVM. */
    public boolean isFormatted() {
        return Files.exists(logDirs().resolve("meta.properties"));
    }

    /**
     * Writes the configuration and, on the first start only, formats the storage with a new
     * cluster id. The id is kept next to it, so a later format (say the log dir was deleted by
     * hand) gives the same cluster.
     *
     * @param logFile where the formatting tool's output goes, the broker's own log
     */
    public void prepare(JavaCommand java, Path logFile, Duration timeout) {
        try {
            Files.createDirectories(logDirs());
            Files.writeString(propertiesFile(), serverProperties(), StandardCharsets.UTF_8);
            try (InputStream config = KafkaBroker.class.getResourceAsStream("log4j2-broker.xml")) {
                Files.write(log4jConfig(), config.readAllBytes());
            }
            if (!isFormatted()) {
                format(java, logFile, timeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void format(JavaCommand java, Path logFile, Duration timeout) throws IOException {
        // a static controller.quorum.voters: format without --standalone, which refuses that combination
        List<String> command = java.mainClass(
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4jConfig()),
                STORAGE_TOOL, "format", "-t", clusterId(), "-c", propertiesFile().toString(), "--ignore-formatted");
        ManagedProcess formatter = ManagedProcess.start(new ProcessSpec("kafka-storage-format", command, Map.of(), dir, logFile));
        try {
            formatter.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            formatter.stop(Duration.ofSeconds(2));
            throw new StartupException("formatting Kafka's storage took longer than " + timeout.toSeconds()
                    + " s; its output is in " + formatter.displayLogFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            formatter.stop(Duration.ofSeconds(2));
            throw new StartupException("interrupted while formatting Kafka's storage");
        } catch (Exception e) {
            throw new StartupException("formatting Kafka's storage failed: " + e.getMessage(), e);
        }
        if (formatter.exitCode() != 0) {
            throw new StartupException("formatting Kafka's storage in " + ManagedProcess.display(logDirs())
                    + " failed with exit code " + formatter.exitCode() + "; its output is in "
                    + formatter.displayLogFile() + ". Last lines:\n" + formatter.logTail(20).indent(4).stripTrailing());
        }
    }

    String clusterId() throws IOException {
        Path file = dir.resolve("cluster-id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    String serverProperties() {
        String controller = HOST + ":" + controllerPort;
        return String.join("\n",
                "# Written by the Pledgeworks launcher on every start; edit StackConfig or KafkaBroker instead.",
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.voters=" + NODE_ID + "@" + controller,
                "listeners=PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + bootstrapServers(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs(),
                // one broker: every internal topic must make do with one replica
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                // consumers of a fresh group start at once instead of after three seconds
                "group.initial.rebalance.delay.ms=0",
                // topics come from the launcher and the services' NewTopic beans, with their partition counts
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "")
                // properties syntax: a backslash (a Windows path) must be doubled
                .replace("\\", "\\\\");
    }

    public ProcessSpec processSpec(JavaCommand java, List<String> jvmOptions, Path logFile) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dlog4j2.configurationFile=" + log4jConfig());
        options.add("-Djava.awt.headless=true");
        return new ProcessSpec("kafka", java.mainClass(options, MAIN_CLASS, propertiesFile().toString()), Map.of(),
                dir, logFile);
    }

    public Probe probe() {
        return new KafkaProbe(bootstrapServers());
    }
}
