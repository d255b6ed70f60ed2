package org.pledgeworks.infra;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.pledgeworks.embeddedmongo.EmbeddedMongoServer;
import org.pledgeworks.infra.kafka.KafkaBroker;
import org.pledgeworks.infra.kafka.KafkaProbe;
import org.pledgeworks.infra.kafka.KafkaTopics;
import org.pledgeworks.infra.mail.MailCatcher;
import org.pledgeworks.infra.process.HttpProbe;
import org.pledgeworks.infra.process.JavaCommand;
import org.pledgeworks.infra.process.MongoProbe;
import org.pledgeworks.infra.process.ProcessSpec;
import org.pledgeworks.infra.process.Readiness.Waiting;

/**
 * The stack's first phase: MongoDB, the mail catcher and the Kafka broker side by side (each only
 * when no external one is configured; an external one is waited on all the same), then the topics.
 */
final class InfrastructureStart {

    /** Tier 0: stopped last. */
    static final int TIER = 0;

    private static final List<String> SMALL_JVM = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

    /**
     * The embedded MongoDB. 1 GiB at most (used only as needed): the H2 backend keeps index and page caches
     * on the heap, and at 256 MiB a 100,000-subscriber fan-out ran it into back-to-back full GCs. A large
     * young generation and the parallel collector: under a fan-out it allocates fast and keeps every
     * changed page until it is stored, and with the serial collector's default sizing it spent a third of
     * the fan-out in GC pauses, which stop every request (docs/benchmarks.md, run 8). The whole GiB
     * reserved from the start (-Xms; pages are touched only as they are used): started at its default
     * initial size, the old generation stayed a few dozen MiB, and the collector's ergonomics ran a full
     * collection of 130-360 ms every 20-40 s of steady signing, each one a slow second for every signing
     * (run 24). G1 with a 20 or 50 ms goal had no long pauses but cost the fan-out 10-16 % (runs 25-28).
     */
    static final List<String> MONGO_JVM = List.of("-XX:+UseParallelGC", "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError", "-Xms1g", "-Xmx1g", "-Xmn384m");

    private final StackConfig config;
    private final Children children;

    InfrastructureStart(StackConfig config, Children children) {
        this.config = config;
        this.children = children;
    }

    void start(String mongoUri, String kafka, StartProgress progress) {
        JavaCommand java = config.infraJava();
        List<Waiting> waits = new ArrayList<>();
        if (config.mongoUri().isEmpty()) {
            Path file = config.mongoStoreFile();
            List<String> command = java.mainClass(MONGO_JVM, EmbeddedMongoServer.class.getName(),
                    "--host", StackConfig.HOST, "--port", Integer.toString(config.ports().mongo()), "--file", file.toString());
            waits.add(children.launch(LocalStack.MONGODB, TIER, command, Map.of(), () -> new MongoProbe(mongoUri)));
        } else {
            waits.add(new Waiting("MongoDB", null, new MongoProbe(mongoUri)));
        }
        if (config.smtp().isEmpty()) {
            List<String> options = new ArrayList<>(SMALL_JVM);
            options.add("-Xmx128m");
            List<String> command = java.mainClass(options, MailCatcher.class.getName(),
                    "--host", StackConfig.HOST, "--smtp-port", Integer.toString(config.ports().smtp()),
                    "--http-port", Integer.toString(config.ports().inbox()));
            URI health = URI.create("http://" + StackConfig.HOST + ":" + config.ports().inbox() + "/health");
            waits.add(children.launch(LocalStack.MAIL_CATCHER, TIER, command, Map.of(), () -> new HttpProbe(health)));
        }
        if (config.kafkaBootstrapServers().isEmpty()) {
            KafkaBroker broker = new KafkaBroker(config.dataDir().resolve("kafka"), config.ports().kafka(),
                    config.ports().kafkaController());
            prepare(broker, java, waits, progress);
            ProcessSpec spec = broker.processSpec(java, config.kafkaJavaOptions(), config.logFile(LocalStack.KAFKA));
            waits.add(children.launch(LocalStack.KAFKA, TIER, spec.command(), spec.environment(), broker::probe));
        } else {
            waits.add(new Waiting("Kafka", null, new KafkaProbe(kafka)));
        }
        progress.awaitAll(waits);
        List<String> created = KafkaTopics.create(kafka, KafkaTopics.PLEDGEWORKS,
                config.kafkaBootstrapServers().isPresent() ? Optional.empty() : Optional.of((short) 1));
        progress.say(created.isEmpty() ? "topics are there" : "created topics " + String.join(", ", created));
    }

    /** Formats the broker's storage on its first start; {@code waits} are then awaited meanwhile, and emptied. */
    private void prepare(KafkaBroker broker, JavaCommand java, List<Waiting> waits, StartProgress progress) {
        Path log = config.logFile(LocalStack.KAFKA);
        if (broker.isFormatted()) {
            broker.prepare(java, log, config.startTimeout());
            return;
        }
        // formatting the storage is a JVM run of its own (~3 s, first start only): MongoDB
        // and the mail catcher get ready meanwhile
        CompletableFuture<Void> prepared = CompletableFuture.runAsync(() -> broker.prepare(java, log, config.startTimeout()));
        try {
            progress.awaitAll(waits);
        } catch (RuntimeException e) {
            prepared.handle((done, failure) -> null).join(); // leave no formatter running behind
            throw e;
        }
        waits.clear();
        try {
            prepared.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
