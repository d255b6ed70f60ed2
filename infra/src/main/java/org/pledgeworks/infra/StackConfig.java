package org.pledgeworks.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pledgeworks.infra.process.JavaCommand;

/**
 * What the local stack runs and where: ports, the data directory, and the external Kafka, MongoDB
 * or SMTP server to use instead of starting one. Built from the environment by the launcher, or
 * programmatically by tests ({@code StackConfig.defaults(home).withDataDir(dir).withFreePorts()}).
 * Some 360 lines because it is one record of thirteen components: each needs its environment variable,
 * its default, its {@code with...} copy and its check, and split up they would be read across files.
 *
 * @param home                 the repository root: the service jars are under it
 * @param dataDir              Kafka's log dirs, the MongoDB file, logs, the token secret
 * @param kafkaBootstrapServers an existing cluster to use (no broker is started; topics are still created)
 * @param mongoUri             an existing MongoDB to use (no wire server is started)
 * @param smtp                 an existing SMTP server for notification-service (no mail catcher is started)
 * @param tokenSecret          the HMAC key for links in mail; empty: generated once, kept in the data dir
 * @param serviceJavaOptions   JVM options for each service and the gateway
 * @param kafkaJavaOptions     JVM options for the broker
 * @param startTimeout         how long each step may take to become ready
 * @param infraOnly            start only Kafka, MongoDB and the mail catcher
 * @param notificationInstances how many notification-service processes to run (one consumer group:
 *                             Kafka splits the partitions between them); the extra ones listen on the
 *                             next ports after the notification port that no other part of the stack uses
 * @param services             the modules to start (unless infraOnly), in {@link LocalStack#SERVICE_MODULES} order
 */
public record StackConfig(
        Path home,
        Path dataDir,
        Ports ports,
        Optional<String> kafkaBootstrapServers,
        Optional<String> mongoUri,
        Optional<Smtp> smtp,
        Optional<String> tokenSecret,
        List<String> serviceJavaOptions,
        List<String> kafkaJavaOptions,
        Duration startTimeout,
        boolean infraOnly,
        int notificationInstances,
        List<String> services) {

    /** Everything binds here and nowhere else. */
    public static final String HOST = "127.0.0.1";

    public static final String GATEWAY_PORT = "PLEDGEWORKS_GATEWAY_PORT";
    public static final String CAMPAIGN_PORT = "PLEDGEWORKS_CAMPAIGN_PORT";
    public static final String PLEDGE_PORT = "PLEDGEWORKS_PLEDGE_PORT";
    public static final String NOTIFICATION_PORT = "PLEDGEWORKS_NOTIFICATION_PORT";
    public static final String KAFKA_PORT = "PLEDGEWORKS_KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT = "PLEDGEWORKS_KAFKA_CONTROLLER_PORT";
    public static final String MONGO_PORT = "PLEDGEWORKS_MONGO_PORT";
    public static final String SMTP_PORT = "PLEDGEWORKS_SMTP_PORT";
    public static final String INBOX_PORT = "PLEDGEWORKS_INBOX_PORT";
    public static final String MANAGEMENT_PORT = "PLEDGEWORKS_MANAGEMENT_PORT";
    public static final String DATA_DIR = "PLEDGEWORKS_DATA_DIR";
    public static final String JAVA_OPTS = "PLEDGEWORKS_JAVA_OPTS";
    public static final String KAFKA_JAVA_OPTS = "PLEDGEWORKS_KAFKA_JAVA_OPTS";
    public static final String START_TIMEOUT = "PLEDGEWORKS_START_TIMEOUT";
    public static final String NOTIFICATION_INSTANCES = "PLEDGEWORKS_NOTIFICATION_INSTANCES";

    /** More would only sit idle: notifications has 12 partitions, and each belongs to one instance of the group. */
    public static final int MAX_NOTIFICATION_INSTANCES = 12;

    /*
     * A service fat jar measured 370 MB RSS untuned; the target is 300 MB. Serial GC and a small
     * heap and stacks fit a 2-core box running seven JVMs. C2 stays on (no TieredStopAtLevel):
     * the benchmarks run against these processes. spring.aot.enabled: the bean definitions the
     * build generated (process-aot) instead of finding them by reflection at start-up; the jars'
     * conditions were decided at build time, with the defaults this launcher runs them on.
     */
    public static final List<String> DEFAULT_SERVICE_JAVA_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx256m", "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError", "-Dspring.aot.enabled=true");

    public static final List<String> DEFAULT_KAFKA_JAVA_OPTIONS = List.of(
            "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:+ExitOnOutOfMemoryError");

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    public StackConfig {
        home = home.toAbsolutePath().normalize();
        dataDir = home.resolve(dataDir).toAbsolutePath().normalize();
        serviceJavaOptions = List.copyOf(serviceJavaOptions);
        kafkaJavaOptions = List.copyOf(kafkaJavaOptions);
        if (notificationInstances < 1 || notificationInstances > MAX_NOTIFICATION_INSTANCES) {
            throw new ConfigException(NOTIFICATION_INSTANCES + " (--notification-instances) must be from 1 to "
                    + MAX_NOTIFICATION_INSTANCES + ", not " + notificationInstances);
        }
        services = LocalStack.SERVICE_MODULES.stream().filter(services::contains).toList();
    }

    /** An SMTP server the services send through instead of the mail catcher. */
    public record Smtp(String host, int port, Optional<String> username, Optional<String> password) {

        /** SMTP's own port, for an SMTP_HOST given without SMTP_PORT. */
        public static final int DEFAULT_PORT = 25;
    }

    /**
     * The repository root: the {@code pledgeworks.home} system property (set by ./pledgeworks), or
     * else the nearest directory at or above the working directory that holds infra/pom.xml, so a
     * test run from the infra module (Failsafe's working directory) finds it too.
     */
    public static Path findHome() {
        String property = System.getProperty("pledgeworks.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra").resolve("pom.xml"))) {
                return dir;
            }
        }
        return start;
    }

    /** Default ports, data in {@code <home>/data}, everything started locally. */
    public static StackConfig defaults(Path home) {
        return new StackConfig(home, home.resolve("data"), Ports.defaults(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), DEFAULT_SERVICE_JAVA_OPTIONS, DEFAULT_KAFKA_JAVA_OPTIONS,
                DEFAULT_START_TIMEOUT, false, 1, LocalStack.SERVICE_MODULES);
    }

    /**
     * Reads the PLEDGEWORKS_* variables and the services' own KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI,
     * SMTP_* and PLEDGEWORKS_TOKEN_SECRET. A relative PLEDGEWORKS_DATA_DIR is relative to home.
     *
     * @throws ConfigException naming the variable that holds a value that is not usable
     */
    public static StackConfig fromEnvironment(Map<String, String> env, Path home) {
        Ports defaults = Ports.defaults();
        Ports ports = new Ports(
                port(env, GATEWAY_PORT, defaults.gateway()),
                port(env, CAMPAIGN_PORT, defaults.campaign()),
                port(env, PLEDGE_PORT, defaults.pledge()),
                port(env, NOTIFICATION_PORT, defaults.notification()),
                port(env, KAFKA_PORT, defaults.kafka()),
                port(env, KAFKA_CONTROLLER_PORT, defaults.kafkaController()),
                port(env, MONGO_PORT, defaults.mongo()),
                port(env, SMTP_PORT, defaults.smtp()),
                port(env, INBOX_PORT, defaults.inbox()),
                port(env, MANAGEMENT_PORT, defaults.management()));
        Optional<Smtp> smtp = value(env, "SMTP_HOST").map(host -> new Smtp(host,
                port(env, "SMTP_PORT", Smtp.DEFAULT_PORT), value(env, "SMTP_USERNAME"), value(env, "SMTP_PASSWORD")));
        return new StackConfig(
                home,
                value(env, DATA_DIR).map(Path::of).orElse(Path.of("data")),
                ports,
                value(env, "KAFKA_BOOTSTRAP_SERVERS"),
                value(env, "MONGODB_URI"),
                smtp,
                value(env, "PLEDGEWORKS_TOKEN_SECRET"),
                value(env, JAVA_OPTS).map(StackConfig::splitOptions).orElse(DEFAULT_SERVICE_JAVA_OPTIONS),
                value(env, KAFKA_JAVA_OPTS).map(StackConfig::splitOptions).orElse(DEFAULT_KAFKA_JAVA_OPTIONS),
                value(env, START_TIMEOUT).map(StackConfig::seconds).orElse(DEFAULT_START_TIMEOUT),
                false,
                value(env, NOTIFICATION_INSTANCES).map(StackConfig::instances).orElse(1),
                LocalStack.SERVICE_MODULES);
    }

    public StackConfig withDataDir(Path dir) {
        return new StackConfig(home, dir, ports, kafkaBootstrapServers, mongoUri, smtp, tokenSecret,
                serviceJavaOptions, kafkaJavaOptions, startTimeout, infraOnly, notificationInstances, services);
    }

    public StackConfig withPorts(Ports newPorts) {
        return new StackConfig(home, dataDir, newPorts, kafkaBootstrapServers, mongoUri, smtp, tokenSecret,
                serviceJavaOptions, kafkaJavaOptions, startTimeout, infraOnly, notificationInstances, services);
    }

    /** Distinct free ports, so a test's stack does not clash with a developer's. */
    public StackConfig withFreePorts() {
        return withPorts(Ports.free());
    }

    public StackConfig withInfraOnly(boolean only) {
        return new StackConfig(home, dataDir, ports, kafkaBootstrapServers, mongoUri, smtp, tokenSecret,
                serviceJavaOptions, kafkaJavaOptions, startTimeout, only, notificationInstances, services);
    }

    public StackConfig withStartTimeout(Duration timeout) {
        return new StackConfig(home, dataDir, ports, kafkaBootstrapServers, mongoUri, smtp, tokenSecret,
                serviceJavaOptions, kafkaJavaOptions, timeout, infraOnly, notificationInstances, services);
    }

    /**
     * Adds JVM options to every service's and the gateway's (a fault test's shorter MongoDB
     * server-selection timeout, {@code -Dspring.mongodb.uri=…?serverSelectionTimeoutMS=5000}); a system
     * property given here wins over the service's application.yml and its environment.
     */
    public StackConfig withServiceJavaOptions(List<String> extra) {
        List<String> options = new ArrayList<>(serviceJavaOptions);
        options.addAll(extra);
        return new StackConfig(home, dataDir, ports, kafkaBootstrapServers, mongoUri, smtp, tokenSecret,
                options, kafkaJavaOptions, startTimeout, infraOnly, notificationInstances, services);
    }

    /** Runs this many notification-service processes in one consumer group. */
    public StackConfig withNotificationInstances(int instances) {
        return new StackConfig(home, dataDir, ports, kafkaBootstrapServers, mongoUri, smtp, tokenSecret,
                serviceJavaOptions, kafkaJavaOptions, startTimeout, infraOnly, instances, services);
    }

    /** Starts only these modules (a test that needs notification-service alone); unknown names are ignored. */
    public StackConfig withServices(List<String> modules) {
        return new StackConfig(home, dataDir, ports, kafkaBootstrapServers, mongoUri, smtp, tokenSecret,
                serviceJavaOptions, kafkaJavaOptions, startTimeout, infraOnly, notificationInstances, modules);
    }

    /** The modules this configuration starts: none with infraOnly. */
    public List<String> startedServices() {
        return infraOnly ? List.of() : services;
    }

    /**
     * The notification-service instances' ports: the configured one, then for each extra instance the
     * next port above the previous that no other part of the stack is set to use (8083, 8084, ...).
     */
    public List<Integer> notificationPorts() {
        Set<Integer> others = new HashSet<>(List.of(ports.gateway(), ports.campaign(), ports.pledge(),
                ports.kafka(), ports.kafkaController(), ports.mongo(), ports.smtp(), ports.inbox(), ports.management()));
        List<Integer> result = new ArrayList<>(List.of(ports.notification()));
        int next = ports.notification();
        while (result.size() < notificationInstances) {
            next++;
            if (next > 65535) {
                throw new ConfigException("no ports left above " + ports.notification() + " for "
                        + notificationInstances + " notification-service instances");
            }
            if (!others.contains(next)) {
                result.add(next);
            }
        }
        return List.copyOf(result);
    }

    /** The process (and log file) name of notification-service instance {@code index} (0-based). */
    public static String notificationInstanceName(int index) {
        return index == 0 ? LocalStack.NOTIFICATION_SERVICE : LocalStack.NOTIFICATION_SERVICE + "-" + (index + 1);
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile(String processName) {
        return logsDir().resolve(processName + ".log");
    }

    /** {@code <module>/target/<module>.jar} under home. */
    public Path jar(String module) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** The embedded MongoDB's file (its directory is what restore swaps). */
    public Path mongoStoreFile() {
        return dataDir.resolve("mongo").resolve("pledgeworks.mv.db");
    }

    /** infra's jar, the Java agent every child runs with so it stops when the launcher is killed. */
    public Path launcherWatchAgent() {
        return home.resolve("infra").resolve("target").resolve("infra.jar");
    }

    /** infra's own classes and target/lib: what the broker, MongoDB server and mail catcher run on. */
    public JavaCommand infraJava() {
        Path target = home.resolve("infra").resolve("target");
        return new JavaCommand(JavaCommand.currentJava(),
                target.resolve("classes") + File.pathSeparator + target.resolve("lib").resolve("*"));
    }

    /** The ports this configuration will bind, in start order; external servers bind none. */
    public List<PortClaim> portClaims() {
        List<PortClaim> claims = new ArrayList<>();
        if (mongoUri.isEmpty()) {
            claims.add(new PortClaim("mongodb", ports.mongo(), MONGO_PORT));
        }
        if (smtp.isEmpty()) {
            claims.add(new PortClaim("the mail catcher's SMTP", ports.smtp(), SMTP_PORT));
            claims.add(new PortClaim("the mail catcher's inbox", ports.inbox(), INBOX_PORT));
        }
        if (kafkaBootstrapServers.isEmpty()) {
            claims.add(new PortClaim("kafka", ports.kafka(), KAFKA_PORT));
            claims.add(new PortClaim("the kafka controller", ports.kafkaController(), KAFKA_CONTROLLER_PORT));
        }
        List<String> started = startedServices();
        if (started.contains(LocalStack.CAMPAIGN_SERVICE)) {
            claims.add(new PortClaim("campaign-service", ports.campaign(), CAMPAIGN_PORT));
        }
        if (started.contains(LocalStack.PLEDGE_SERVICE)) {
            claims.add(new PortClaim("pledge-service", ports.pledge(), PLEDGE_PORT));
        }
        if (started.contains(LocalStack.NOTIFICATION_SERVICE)) {
            List<Integer> notification = notificationPorts();
            for (int i = 0; i < notification.size(); i++) {
                claims.add(new PortClaim(notificationInstanceName(i), notification.get(i), NOTIFICATION_PORT));
            }
        }
        if (started.contains(LocalStack.GATEWAY)) {
            claims.add(new PortClaim("the gateway", ports.gateway(), GATEWAY_PORT));
            claims.add(new PortClaim("the gateway's management port", ports.management(), MANAGEMENT_PORT));
        }
        return claims;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.get());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new ConfigException(name + " must be a port number from 1 to 65535, not '" + text.get() + "'");
    }

    private static Duration seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new ConfigException(START_TIMEOUT + " must be a number of seconds, not '" + text + "'");
    }

    private static int instances(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(NOTIFICATION_INSTANCES + " must be a number from 1 to "
                    + MAX_NOTIFICATION_INSTANCES + ", not '" + text + "'");
        }
    }

    private static List<String> splitOptions(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }
}
