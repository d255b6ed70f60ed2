package org.pledgeworks.infra;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.MongoException;
import org.pledgeworks.infra.backup.BackupArchive;
import org.pledgeworks.infra.backup.BackupException;
import org.pledgeworks.infra.process.ManagedProcess;
import org.pledgeworks.infra.process.MongoProbe;
import org.pledgeworks.infra.process.StartupException;

/**
 * {@code ./pledgeworks up}: starts the local stack, prints where everything runs, and keeps it
 * running until Ctrl-C, when it stops every process it started. Exit codes: 0 help, 1 something
 * failed to start or died, 2 a configuration problem (a taken port, a bad setting, a missing jar),
 * reported before anything was started.
 */
public final class Launcher {

    static final String USAGE = """
            Usage: ./pledgeworks <command>

              up               build what is missing, start Kafka, MongoDB, the mail catcher, the services
                               and the gateway, print where they run; Ctrl-C stops everything
              up --infra-only  start only Kafka, MongoDB and the mail catcher (run the services from an IDE)
              up --no-build    start without checking the build first
              up --notification-instances N
                               run N notification-service processes in one consumer group (ports after
                               PLEDGEWORKS_NOTIFICATION_PORT, logs notification-service-2.log, ...)
              backup [file]    write every database and collection of the local MongoDB to one file
                               (default: data/backups/pledgeworks-<UTC time>.jsonl.gz), the stack running or not
              restore <file>   replace the local MongoDB's data with a backup's; the stack must be stopped,
                               and the data as it was is kept aside in data/mongo.before-restore-<UTC time>
              help             this text

            Settings (environment variables):
              PLEDGEWORKS_GATEWAY_PORT 8080, PLEDGEWORKS_CAMPAIGN_PORT 8081, PLEDGEWORKS_PLEDGE_PORT 8082,
              PLEDGEWORKS_NOTIFICATION_PORT 8083, PLEDGEWORKS_KAFKA_PORT 9092, PLEDGEWORKS_KAFKA_CONTROLLER_PORT 9093,
              PLEDGEWORKS_MONGO_PORT 27017, PLEDGEWORKS_SMTP_PORT 2525, PLEDGEWORKS_INBOX_PORT 8025,
              PLEDGEWORKS_MANAGEMENT_PORT 9080 (the gateway's metrics and actuator)
              PLEDGEWORKS_DATA_DIR         broker, database, logs; default: data (relative to the repository root)
              PLEDGEWORKS_JAVA_OPTS        JVM options of each service; default:
                                           %s
              PLEDGEWORKS_KAFKA_JAVA_OPTS  JVM options of the broker; default: %s
              PLEDGEWORKS_APPCDS           false: start the services without AppCDS archives, and make none
              PLEDGEWORKS_START_TIMEOUT    seconds each step may take to become ready; default: %d
              PLEDGEWORKS_NOTIFICATION_INSTANCES  as --notification-instances; default: 1
              KAFKA_BOOTSTRAP_SERVERS      use this Kafka instead of starting one (the topics are still created)
              MONGODB_URI                  use this MongoDB instead of starting one
              SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD
                                           send mail through this server instead of the dev mail catcher
            """.formatted(String.join(" ", StackConfig.DEFAULT_SERVICE_JAVA_OPTIONS),
            String.join(" ", StackConfig.DEFAULT_KAFKA_JAVA_OPTIONS), StackConfig.DEFAULT_START_TIMEOUT.toSeconds());

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), StackConfig.findHome(), System.out, System.err));
    }

    /** Runs a command; for {@code up} returns only when the stack failed or stopped. */
    static int run(String[] args, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.remove("--no-build"); // the script's option, harmless here
        if (arguments.isEmpty() || List.of("help", "-h", "--help").contains(arguments.get(0))) {
            out.print(USAGE);
            return 0;
        }
        if (List.of("backup", "restore").contains(arguments.get(0))) {
            return store(arguments, env, home, out, err);
        }
        if (!arguments.get(0).equals("up")) {
            err.println("unknown command '" + arguments.get(0) + "'");
            err.print(USAGE);
            return 2;
        }
        boolean infraOnly = false;
        String instances = null;
        List<String> options = arguments.subList(1, arguments.size());
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--infra-only")) {
                infraOnly = true;
            } else if (option.startsWith("--notification-instances=")) {
                instances = option.substring("--notification-instances=".length());
            } else if (option.equals("--notification-instances") && i + 1 < options.size()) {
                instances = options.get(++i);
            } else {
                err.println("unknown option '" + option + "' for up");
                err.print(USAGE);
                return 2;
            }
        }
        StackConfig config;
        try {
            Map<String, String> settings = env;
            if (instances != null) {
                settings = new java.util.HashMap<>(env);
                settings.put(StackConfig.NOTIFICATION_INSTANCES, instances);
            }
            config = StackConfig.fromEnvironment(settings, home).withInfraOnly(infraOnly);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        return up(config, out, err);
    }

    /** {@code backup [file]} and {@code restore <file>} (StoreCommands). */
    private static int store(List<String> arguments, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        String command = arguments.get(0);
        List<String> files = arguments.subList(1, arguments.size());
        if (files.size() > 1 || (command.equals("restore") && files.size() != 1)) {
            err.println(command.equals("restore") ? "restore needs the backup file: ./pledgeworks restore <file>"
                    : "backup takes at most one file: ./pledgeworks backup [file]");
            return 2;
        }
        try {
            StoreCommands store = new StoreCommands(StackConfig.fromEnvironment(env, home), Clock.systemUTC(), out);
            if (command.equals("backup")) {
                Path file = files.isEmpty() ? store.defaultBackupFile() : Path.of(files.get(0));
                BackupArchive.Summary summary = store.backup(file);
                out.println("backup written to " + ManagedProcess.display(file) + " (" + counts(summary) + ")");
            } else {
                BackupArchive.Summary summary = store.restore(Path.of(files.get(0)));
                out.println("restored " + ManagedProcess.display(Path.of(files.get(0))) + " (" + counts(summary) + ") into "
                        + ManagedProcess.display(store.storeDir()));
            }
            return 0;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (BackupException | MongoException | UncheckedIOException e) {
            err.println(command + " failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // a damaged store, or its file locked by a MongoDB the run records do not know
            err.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static String counts(BackupArchive.Summary summary) {
        return summary.collections() + " collections, " + summary.documents() + " documents";
    }

    private static int up(StackConfig config, PrintStream out, PrintStream err) {
        LocalStack stack = new LocalStack(config, out::println);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread shutdown = new Thread(() -> {
            interrupted.set(true);
            if (!stack.isClosing()) {
                out.println();
                out.println("stopping everything…");
            }
            stack.close();
        }, "pledgeworks-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            Endpoints endpoints = stack.start();
            out.print(table(endpoints, config));
            // the first start trains an AppCDS archive per service in the background (niced), so
            // every later start of the same jars is several times faster (docs/benchmarks.md, figure 5)
            stack.prepareFasterStarts();
            String failure = stack.unexpectedExit().join();
            err.println(failure + " — stopping everything");
            stack.close();
            return 1;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (StartupException e) {
            // after Ctrl-C during startup, "mongodb exited before it was ready" is no news
            if (!interrupted.get()) {
                err.println(e.getMessage());
            }
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running and will stop everything
            }
        }
    }

    /** What runs where, most useful first: the page to open and the inbox its mail goes to. */
    static String table(Endpoints endpoints, StackConfig config) {
        List<String[]> rows = new ArrayList<>();
        if (endpoints.servicesRunning()) {
            rows.add(row("web page", endpoints.web().toString()));
        }
        endpoints.inbox().ifPresentOrElse(
                inbox -> rows.add(row("dev inbox", inbox + "   every mail the system sends lands here (SMTP "
                        + endpoints.smtpHost() + ":" + endpoints.smtpPort() + ")")),
                () -> rows.add(row("mail", "SMTP " + endpoints.smtpHost() + ":" + endpoints.smtpPort() + " (external)")));
        if (endpoints.servicesRunning()) {
            rows.add(row("staff console", endpoints.web().resolve("/staff/") + firstAdmin(config)));
            rows.add(row("API", endpoints.api().toString()));
            rows.add(row(LocalStack.CAMPAIGN_SERVICE, endpoints.campaignService().toString()));
            rows.add(row(LocalStack.PLEDGE_SERVICE, endpoints.pledgeService().toString()));
            rows.add(row(LocalStack.NOTIFICATION_SERVICE, endpoints.notificationService().toString()));
            List<Integer> notificationPorts = config.notificationPorts();
            for (int i = 1; i < notificationPorts.size(); i++) {
                rows.add(row(StackConfig.notificationInstanceName(i),
                        "http://" + StackConfig.HOST + ":" + notificationPorts.get(i) + "/"));
            }
        }
        rows.add(row("Kafka bootstrap", endpoints.kafkaBootstrapServers()
                + (config.kafkaBootstrapServers().isPresent() ? " (external)" : "")));
        rows.add(row("MongoDB", MongoProbe.redact(endpoints.mongoUri()) + (config.mongoUri().isPresent() ? " (external)" : "")));
        rows.add(row("logs", ManagedProcess.display(endpoints.logsDir())));
        rows.add(row("data", ManagedProcess.display(endpoints.dataDir())));

        StringBuilder table = new StringBuilder("\n");
        table.append(endpoints.servicesRunning() ? "  Pledgeworks is running" : "  Pledgeworks infrastructure is running")
                .append(String.format(Locale.ROOT, " (started in %.1f s)", endpoints.startTime().toMillis() / 1000.0))
                .append(endpoints.servicesRunning() ? "" : "; services not started (--infra-only)")
                .append("\n\n");
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0) + 2;
        for (String[] row : rows) {
            table.append("  ").append(String.format("%-" + width + "s", row[0])).append(row[1]).append('\n');
        }
        return table.append("\nCtrl-C stops everything.\n").toString();
    }

    /**
     * The gateway creates the first staff admin on its first start and leaves the one-time password
     * in the data directory; a newcomer needs it to sign in to the console.
     */
    static String firstAdmin(StackConfig config) {
        java.nio.file.Path file = config.dataDir().resolve("secrets").resolve("first-admin.txt");
        if (!java.nio.file.Files.isRegularFile(file)) {
            return "";
        }
        try {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (String line : java.nio.file.Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            if (!values.containsKey("email") || !values.containsKey("password")) {
                return "";
            }
            return "   sign in as " + values.get("email") + " / " + values.get("password")
                    + " (first admin, one-time: you choose your own password at the first sign-in; from "
                    + ManagedProcess.display(file) + ")";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String[] row(String name, String value) {
        return new String[] {name, value};
    }
}
