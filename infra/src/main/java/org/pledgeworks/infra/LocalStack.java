package org.pledgeworks.infra;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.pledgeworks.infra.process.ClassDataSharing;
import org.pledgeworks.infra.process.LauncherWatch;
import org.pledgeworks.infra.process.ManagedProcess;
import org.pledgeworks.infra.process.StartupException;

/**
 * The whole system on one machine, each part its own OS process: MongoDB, the mail catcher and the
 * Kafka broker (unless external ones are configured), then the three services together, then the
 * gateway. Each step waits on a real health probe. {@link #close()} stops everything in reverse,
 * so a test's try-with-resources or the launcher's shutdown hook leaves nothing running.
 *
 * <p>The phases live in their own classes: {@link StartChecks} (ports, builds),
 * {@link InfrastructureStart}, {@link ServicesStart}, {@link StartProgress} (readiness, the lines
 * printed) and {@link Children} (every started process, to its shutdown).
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

    private final StackConfig config;
    private final Consumer<String> progress;
    private final RunRecords runRecords;
    private final Children children;
    /** Archives live beside infra's build output: shared by every stack of this checkout, gone with a clean. */
    private final ClassDataSharing appCds;
    private final ServicesStart services;
    private final Object lock = new Object();
    private final Object closeLock = new Object();
    private boolean started;
    private volatile boolean claimed;

    public LocalStack(StackConfig config) {
        this(config, line -> {
        });
    }

    /** @param progress receives one line per step ("kafka ready after 6.1 s (127.0.0.1:9092)"), for a terminal or a test log */
    public LocalStack(StackConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.runRecords = new RunRecords(config.dataDir());
        this.children = new Children(config, runRecords, progress);
        this.appCds = ClassDataSharing.fromEnvironment(config.home().resolve("infra").resolve("target").resolve("appcds"));
        this.services = new ServicesStart(config, children, appCds);
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
        StartProgress steps = new StartProgress(progress, config.startTimeout());
        try {
            StartChecks.createLogsDir(config);
            runRecords.claim(progress);
            claimed = true;
            StartChecks.require(config);
            steps.say("starting Pledgeworks" + (config.infraOnly() ? " infrastructure (--infra-only)" : "")
                    + "; logs in " + ManagedProcess.display(config.logsDir()));
            String mongoUri = config.mongoUri().orElse("mongodb://" + StackConfig.HOST + ":" + config.ports().mongo());
            String kafka = config.kafkaBootstrapServers().orElse(StackConfig.HOST + ":" + config.ports().kafka());
            new InfrastructureStart(config, children).start(mongoUri, kafka, steps);
            if (!config.infraOnly()) {
                services.start(mongoUri, kafka, steps);
            }
            return endpoints(mongoUri, kafka, steps.elapsed());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Completes with a message when a started child exits on its own; never completes otherwise. */
    public CompletableFuture<String> unexpectedExit() {
        return children.unexpectedExit();
    }

    /** The OS process of a started child ({@link #KAFKA}, {@link #PLEDGE_SERVICE}, ...), while it runs. */
    public Optional<ProcessHandle> process(String name) {
        return children.process(name);
    }

    /**
     * Stops one child on purpose (a fault test: "the broker is down for 30 s"), without that
     * counting as an unexpected exit. {@code Duration.ZERO} kills it at once.
     */
    public void stop(String name, Duration grace) {
        children.stop(name, grace);
    }

    /** Starts a child again with the same command and waits until it is ready. */
    public void restart(String name) {
        children.restart(name);
    }

    /** True once {@link #close()} has begun, from a shutdown hook or otherwise. */
    public boolean isClosing() {
        return children.isClosing();
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
            children.stopAll();
            if (claimed) {
                claimed = false;
                runRecords.release();
            }
        }
    }

    /**
     * Once the stack is up: makes, in the background and one at a time, the AppCDS archive of each
     * started service whose jar has none yet, so its next start is faster. Completes with the
     * modules trained (empty when all had one); a failure only means that service keeps its usual
     * start. {@link #close()} stops a training run in progress.
     */
    public CompletableFuture<List<String>> prepareFasterStarts() {
        // trained as they run (ClassDataSharing leaves out what a dump cannot have)
        List<String> options = new ArrayList<>(LauncherWatch.jvmOptions(config.launcherWatchAgent()));
        options.addAll(config.serviceJavaOptions());
        return appCds.prepareInBackground(services.started(), options,
                config.logsDir().resolve("appcds-training.log"), progress);
    }

    private Endpoints endpoints(String mongoUri, String kafka, Duration startTime) {
        Ports ports = config.ports();
        URI web = URI.create(ServicesStart.local(ports.gateway()) + "/");
        Optional<URI> inbox = config.smtp().isPresent() ? Optional.empty()
                : Optional.of(URI.create(ServicesStart.local(ports.inbox()) + "/"));
        String smtpHost = config.smtp().map(StackConfig.Smtp::host).orElse(StackConfig.HOST);
        int smtpPort = config.smtp().map(StackConfig.Smtp::port).orElse(ports.smtp());
        return new Endpoints(web, web.resolve("/api/campaigns"), URI.create(ServicesStart.local(ports.campaign()) + "/"),
                URI.create(ServicesStart.local(ports.pledge()) + "/"),
                URI.create(ServicesStart.local(ports.notification()) + "/"), inbox,
                smtpHost, smtpPort, kafka, mongoUri, config.logsDir(), config.dataDir(), startTime, !config.infraOnly());
    }
}
