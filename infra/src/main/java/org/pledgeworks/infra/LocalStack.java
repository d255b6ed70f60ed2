package org.pledgeworks.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.pledgeworks.embeddedmongo.EmbeddedMongoServer;
import org.pledgeworks.infra.kafka.KafkaBroker;
import org.pledgeworks.infra.kafka.KafkaProbe;
import org.pledgeworks.infra.kafka.KafkaTopics;
import org.pledgeworks.infra.mail.MailCatcher;
import org.pledgeworks.infra.process.ClassDataSharing;
import org.pledgeworks.infra.process.HttpProbe;
import org.pledgeworks.infra.process.JavaCommand;
import org.pledgeworks.infra.process.LauncherWatch;
import org.pledgeworks.infra.process.ManagedProcess;
import org.pledgeworks.infra.process.MongoProbe;
import org.pledgeworks.infra.process.Probe;
import org.pledgeworks.infra.process.ProcessSpec;
import org.pledgeworks.infra.process.Readiness;
import org.pledgeworks.infra.process.Readiness.Waiting;
import org.pledgeworks.infra.process.StartupException;

/**
 * The whole system on one machine, each part its own OS process: MongoDB, the mail catcher and the
 * Kafka broker (unless external ones are configured), then the three services together, then the
 * gateway. Each step waits on a real health probe. {@link #close()} stops everything in reverse,
 * so a test's try-with-resources or the launcher's shutdown hook leaves nothing running.
 *
 * <pre>{@code
 * try (LocalStack stack = new LocalStack(StackConfig.defaults(home).withDataDir(tmp).withFreePorts())) {
 *     Endpoints endpoints = stack.start();
 *     // endpoints.web(), endpoints.inboxApi(), endpoints.kafkaBootstrapServers(), ...
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    public static final String KAFKA = "kafka";
    public static final String MONGODB = "mongodb";
    public static final String MAIL_CATCHER = "mail-catcher";
    public static final String CAMPAIGN_SERVICE = "campaign-service";
    public static final String PLEDGE_SERVICE = "pledge-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final String GATEWAY = "gateway";

    /** The modules whose jars the stack runs, in start order. */
    public static final List<String> SERVICE_MODULES = List.of(CAMPAIGN_SERVICE, PLEDGE_SERVICE, NOTIFICATION_SERVICE,
            GATEWAY);

    /** Long enough for a service to finish its requests and commit its offsets, and for the broker's controlled shutdown. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

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
    private static final List<String> MONGO_JVM = List.of("-XX:+UseParallelGC", "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError", "-Xms1g", "-Xmx1g", "-Xmn384m");

    private final StackConfig config;
    private final Consumer<String> progress;
    private final RunRecords runRecords;
    private final Object lock = new Object();
    private final Object closeLock = new Object();
    private final List<Child> children = new ArrayList<>();
    private final CompletableFuture<String> unexpectedExit = new CompletableFuture<>();
    private boolean started;
    private volatile boolean claimed;
    private volatile boolean closing;
    private Instant begin;

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

    public LocalStack(StackConfig config) {
        this(config, line -> {
        });
    }

    /** @param progress receives one line per step ("kafka ready after 6.1 s (127.0.0.1:9092)"), for a terminal or a test log */
    public LocalStack(StackConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.runRecords = new RunRecords(config.dataDir());
        this.appCds = ClassDataSharing.fromEnvironment(config.home().resolve("infra").resolve("target").resolve("appcds"));
    }

    public StackConfig config() {
        return config;
    }

    /**
     * Starts everything and returns when all of it is ready. On failure, whatever was started is
     * stopped again before the exception leaves.
     *
     * @throws PortInUseException when a port is taken (nothing was started)
     * @throws ConfigException    when the configuration cannot work (nothing was started)
     * @throws StartupException   when something did not start or become ready; the message names its log
     */
    public Endpoints start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("a LocalStack starts once; make a new one");
            }
            started = true;
        }
        begin = Instant.now();
        try {
            preflight();
            progress.accept("starting Pledgeworks" + (config.infraOnly() ? " infrastructure (--infra-only)" : "")
                    + "; logs in " + ManagedProcess.display(config.logsDir()));
            String mongoUri = config.mongoUri().orElse("mongodb://" + StackConfig.HOST + ":" + config.ports().mongo());
            String kafka = config.kafkaBootstrapServers().orElse(StackConfig.HOST + ":" + config.ports().kafka());
            startInfrastructure(mongoUri, kafka);
            if (!config.infraOnly()) {
                startServices(mongoUri, kafka);
            }
            return endpoints(mongoUri, kafka, Duration.between(begin, Instant.now()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void preflight() {
        try {
            Files.createDirectories(config.logsDir());
        } catch (IOException e) {
            throw new ConfigException("cannot create " + ManagedProcess.display(config.logsDir()) + ": " + e.getMessage());
        }
        runRecords.claim(progress);
        claimed = true;
        PortCheck.requireFree(config.portClaims());
        boolean startsOwnInfrastructure = config.mongoUri().isEmpty() || config.smtp().isEmpty()
                || config.kafkaBootstrapServers().isEmpty();
        Path lib = config.home().resolve("infra/target/lib");
        if (!Files.isRegularFile(config.launcherWatchAgent())) {
            throw new ConfigException("not built yet: " + ManagedProcess.display(config.launcherWatchAgent())
                    + " — run ./mvnw -q -pl infra -DskipTests package (./pledgeworks up does this for you)");
        }
        if (startsOwnInfrastructure && !Files.isDirectory(lib)) {
            throw new ConfigException("not built yet: " + ManagedProcess.display(lib)
                    + " — run ./mvnw -q -pl infra -DskipTests package (./pledgeworks up does this for you)");
        }
        if (!config.infraOnly()) {
            List<String> missing = config.startedServices().stream()
                    .map(config::jar)
                    .filter(jar -> !Files.isRegularFile(jar))
                    .map(ManagedProcess::display)
                    .toList();
            if (!missing.isEmpty()) {
                throw new ConfigException("not built yet: " + String.join(", ", missing)
                        + " — run ./mvnw -DskipTests package (./pledgeworks up does this for you),"
                        + " or start only Kafka, MongoDB and the mail catcher with --infra-only");
            }
        }
    }

    private void startInfrastructure(String mongoUri, String kafka) {
        JavaCommand java = config.infraJava();
        List<Waiting> waits = new ArrayList<>();
        if (config.mongoUri().isEmpty()) {
            Path file = config.dataDir().resolve("mongo").resolve("pledgeworks.mv.db");
            List<String> command = java.mainClass(MONGO_JVM, EmbeddedMongoServer.class.getName(),
                    "--host", StackConfig.HOST, "--port", Integer.toString(config.ports().mongo()), "--file", file.toString());
            waits.add(launch(MONGODB, 0, command, Map.of(), () -> new MongoProbe(mongoUri)));
        } else {
            waits.add(new Waiting("MongoDB", null, new MongoProbe(mongoUri)));
        }
        if (config.smtp().isEmpty()) {
            List<String> command = java.mainClass(jvm("-Xmx128m"), MailCatcher.class.getName(),
                    "--host", StackConfig.HOST, "--smtp-port", Integer.toString(config.ports().smtp()),
                    "--http-port", Integer.toString(config.ports().inbox()));
            URI health = URI.create("http://" + StackConfig.HOST + ":" + config.ports().inbox() + "/health");
            waits.add(launch(MAIL_CATCHER, 0, command, Map.of(), () -> new HttpProbe(health)));
        }
        if (config.kafkaBootstrapServers().isEmpty()) {
            KafkaBroker broker = new KafkaBroker(config.dataDir().resolve("kafka"), config.ports().kafka(),
                    config.ports().kafkaController());
            if (broker.isFormatted()) {
                broker.prepare(java, config.logFile(KAFKA), config.startTimeout());
            } else {
                // formatting the storage is a JVM run of its own (~3 s, first start only): MongoDB
                // and the mail catcher get ready meanwhile
                CompletableFuture<Void> prepared = CompletableFuture.runAsync(
                        () -> broker.prepare(java, config.logFile(KAFKA), config.startTimeout()));
                try {
                    awaitAll(waits);
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
            ProcessSpec spec = broker.processSpec(java, config.kafkaJavaOptions(), config.logFile(KAFKA));
            waits.add(launch(KAFKA, 0, spec.command(), spec.environment(), broker::probe));
        } else {
            waits.add(new Waiting("Kafka", null, new KafkaProbe(kafka)));
        }
        awaitAll(waits);
        List<String> created = KafkaTopics.create(kafka, KafkaTopics.PLEDGEWORKS,
                config.kafkaBootstrapServers().isPresent() ? Optional.empty() : Optional.of((short) 1));
        progress.accept(created.isEmpty() ? "topics are there" : "created topics " + String.join(", ", created));
    }

    private void startServices(String mongoUri, String kafka) {
        Ports ports = config.ports();
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("MONGODB_URI", mongoUri);
        String publicBaseUrl = "http://" + StackConfig.HOST + ":" + ports.gateway();
        common.put("PUBLIC_BASE_URL", publicBaseUrl);
        common.put("PLEDGEWORKS_TOKEN_SECRET", tokenSecret());
        // staff tokens: the gateway issues them on the embedded default, every service checks them itself
        common.put("PLEDGEWORKS_JWT_ISSUER", publicBaseUrl);
        common.put("PLEDGEWORKS_JWK_SET_URI", publicBaseUrl + "/.well-known/jwks.json");
        common.put("PLEDGEWORKS_DATA_DIR", config.dataDir().toAbsolutePath().toString());
        common.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");

        Map<String, String> mail = new HashMap<>(common);
        StackConfig.Smtp smtp = config.smtp()
                .orElse(new StackConfig.Smtp(StackConfig.HOST, ports.smtp(), Optional.empty(), Optional.empty()));
        mail.put("SMTP_HOST", smtp.host());
        mail.put("SMTP_PORT", Integer.toString(smtp.port()));
        smtp.username().ifPresent(username -> mail.put("SMTP_USERNAME", username));
        smtp.password().ifPresent(password -> mail.put("SMTP_PASSWORD", password));

        List<String> modules = config.startedServices();
        List<Waiting> tier1 = new ArrayList<>();
        if (modules.contains(CAMPAIGN_SERVICE)) {
            tier1.add(service(CAMPAIGN_SERVICE, 1, ports.campaign(), common));
        }
        if (modules.contains(PLEDGE_SERVICE)) {
            tier1.add(service(PLEDGE_SERVICE, 1, ports.pledge(), common));
        }
        if (modules.contains(NOTIFICATION_SERVICE)) {
            // extra instances: same jar, same consumer group (Kafka splits the partitions between
            // them), own port and log file; the gateway keeps routing to the first
            List<Integer> notificationPorts = config.notificationPorts();
            for (int i = 0; i < notificationPorts.size(); i++) {
                tier1.add(service(StackConfig.notificationInstanceName(i), NOTIFICATION_SERVICE, 1,
                        notificationPorts.get(i), mail));
            }
        }
        awaitAll(tier1);
        if (!modules.contains(GATEWAY)) {
            return;
        }

        Map<String, String> gateway = new HashMap<>(common);
        gateway.put("CAMPAIGN_SERVICE_URL", local(ports.campaign()));
        gateway.put("PLEDGE_SERVICE_URL", local(ports.pledge()));
        gateway.put("NOTIFICATION_SERVICE_URL", local(ports.notification()));
        gateway.put("MANAGEMENT_PORT", Integer.toString(ports.management()));
        awaitAll(List.of(service(GATEWAY, 2, ports.gateway(), gateway)));
    }

    private Waiting service(String module, int tier, int port, Map<String, String> environment) {
        return service(module, module, tier, port, environment);
    }

    private Waiting service(String name, String module, int tier, int port, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        List<String> command = appCds.command(module, config.serviceJavaOptions(), config.jar(module));
        trainable.putIfAbsent(module, new ClassDataSharing.Service(module, config.jar(module), env));
        URI readiness = URI.create(local(port) + "/actuator/health/readiness");
        return launch(name, tier, command, env, () -> new HttpProbe(readiness));
    }

    private Waiting launch(String name, int tier, List<String> command, Map<String, String> environment,
            Supplier<Probe> probe) {
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

    private void awaitAll(List<Waiting> waits) {
        Readiness.awaitAll(waits, config.startTimeout(),
                ready -> progress.accept(String.format(Locale.ROOT, "%-20s ready after %4.1f s (%s)", ready.name(),
                        Duration.between(begin, Instant.now()).toMillis() / 1000.0, ready.probe().target())));
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

    /** Completes with a message when a started child exits on its own; never completes otherwise. */
    public CompletableFuture<String> unexpectedExit() {
        return unexpectedExit;
    }

    /** The OS process of a started child ({@link #KAFKA}, {@link #PLEDGE_SERVICE}, ...), while it runs. */
    public Optional<ProcessHandle> process(String name) {
        return findChild(name).map(child -> child.process.handle()).filter(ProcessHandle::isAlive);
    }

    /**
     * Stops one child on purpose (a fault test: "the broker is down for 30 s"), without that
     * counting as an unexpected exit. {@code Duration.ZERO} kills it at once.
     */
    public void stop(String name, Duration grace) {
        Child child = findChild(name).orElseThrow(() -> new IllegalArgumentException("no process " + name));
        child.stoppedOnPurpose = true;
        child.process.stop(grace);
        runRecords.forget(name);
    }

    /** Starts a child again with the same command and waits until it is ready. */
    public void restart(String name) {
        Child child = findChild(name).orElseThrow(() -> new IllegalArgumentException("no process " + name));
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

    private Optional<Child> findChild(String name) {
        synchronized (lock) {
            return children.stream().filter(child -> child.name.equals(name)).findFirst();
        }
    }

    /** True once {@link #close()} has begun, from a shutdown hook or otherwise. */
    public boolean isClosing() {
        return closing;
    }

    /**
     * Stops every started child, the last started first: the gateway, then the services (side by
     * side), then the broker, MongoDB and the mail catcher. Safe to call twice and from a shutdown
     * hook while {@link #start()} is still running.
     */
    @Override
    public void close() {
        appCds.close();
        synchronized (closeLock) {
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
            if (claimed) {
                claimed = false;
                runRecords.release();
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

    /** The HMAC key for links in mail: the same across restarts, so links sent yesterday still work. */
    private String tokenSecret() {
        if (config.tokenSecret().isPresent()) {
            return config.tokenSecret().get();
        }
        Path file = config.dataDir().resolve("secrets").resolve("token-secret");
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!secret.isEmpty()) {
                    return secret;
                }
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String secret = Base64.getEncoder().encodeToString(key);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Endpoints endpoints(String mongoUri, String kafka, Duration startTime) {
        Ports ports = config.ports();
        URI web = URI.create(local(ports.gateway()) + "/");
        Optional<URI> inbox = config.smtp().isPresent() ? Optional.empty()
                : Optional.of(URI.create(local(ports.inbox()) + "/"));
        String smtpHost = config.smtp().map(StackConfig.Smtp::host).orElse(StackConfig.HOST);
        int smtpPort = config.smtp().map(StackConfig.Smtp::port).orElse(ports.smtp());
        return new Endpoints(web, web.resolve("/api/campaigns"), URI.create(local(ports.campaign()) + "/"),
                URI.create(local(ports.pledge()) + "/"), URI.create(local(ports.notification()) + "/"), inbox,
                smtpHost, smtpPort, kafka, mongoUri, config.logsDir(), config.dataDir(), startTime, !config.infraOnly());
    }

    private static String local(int port) {
        return "http://" + StackConfig.HOST + ":" + port;
    }

    private static List<String> jvm(String heap) {
        List<String> options = new ArrayList<>(SMALL_JVM);
        options.add(heap);
        return options;
    }

    // --- faster start-ups (AppCDS, see ClassDataSharing) ---

    /** Archives live beside infra's build output: shared by every stack of this checkout, gone with a clean. */
    private final ClassDataSharing appCds;
    private final Map<String, ClassDataSharing.Service> trainable = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Once the stack is up: makes, in the background and one at a time, the AppCDS archive of each
     * started service whose jar has none yet, so its next start is faster. Completes with the
     * modules trained (empty when all had one); a failure only means that service keeps its usual
     * start. {@link #close()} stops a training run in progress.
     */
    public CompletableFuture<List<String>> prepareFasterStarts() {
        List<String> options = new ArrayList<>(LauncherWatch.jvmOptions(config.launcherWatchAgent()));
        options.addAll(config.serviceJavaOptions());
        return appCds.prepareInBackground(List.copyOf(trainable.values()), options,
                config.logsDir().resolve("appcds-training.log"), progress);
    }
}
