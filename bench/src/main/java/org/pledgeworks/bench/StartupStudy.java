package org.pledgeworks.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pledgeworks.infra.Endpoints;
import org.pledgeworks.infra.LocalStack;
import org.pledgeworks.infra.Ports;
import org.pledgeworks.infra.StackConfig;

/**
 * Where start-up time goes (figure 5), with the same command before and after a change:
 * {@code bench/run --startup}. Starts only the infrastructure (broker, MongoDB, mail catcher)
 * through {@link LocalStack}, then starts each service ALONE with the launcher's environment and
 * measures process start to readiness and RSS; then the three services together and the gateway
 * after them, as the launcher does. Each variant of JVM options is measured the same way, so the
 * difference is the options' and not the machine's mood (the variants alternate service by service).
 * One class of a little over 300 lines on purpose: it is one experiment, run on its own, whose phases
 * share the variants, ports and results; split up, its procedure would be read across files.
 */
final class StartupStudy {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path home;
    private final Path target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());

    StartupStudy(Path home) {
        this.home = home;
        this.target = home.resolve("bench").resolve("target");
    }

    /** A named set of JVM options; {@code cds} = run the extracted jar with an AppCDS archive trained first. */
    record Variant(String name, List<String> options, boolean cds) {
    }

    static List<Variant> variants() {
        List<String> current = StackConfig.DEFAULT_SERVICE_JAVA_OPTIONS;
        List<String> c1 = new ArrayList<>(current);
        c1.add("-XX:TieredStopAtLevel=1");
        return List.of(new Variant("current", current, false), new Variant("c1-only", c1, false),
                new Variant("c1+appcds", c1, true));
    }

    int run(int rounds) throws Exception {
        ObjectNode report = JSON.createObjectNode();
        report.put("run", runId);
        report.put("kind", "startup study: each service alone, then together (bench/run --startup)");
        report.put("loadAverageAtStart", Machine.loadAverage());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        Path data = Files.createDirectories(target.resolve("stack-data")).resolve(runId + "-startup");
        Ports ports = Ports.free();
        StackConfig config = StackConfig.defaults(home).withDataDir(data).withPorts(ports).withInfraOnly(true)
                .withStartTimeout(Duration.ofMinutes(3));
        List<Variant> variants = variants();
        snapshotJars();
        try (LocalStack infra = new LocalStack(config, line -> System.out.println("[stack] " + line))) {
            // Ctrl-C or kill: stop the services this study started, then the infrastructure
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (live) {
                    live.forEach(this::stop);
                }
                infra.close();
            }, "startup-study-stop"));
            Endpoints endpoints = infra.start();
            Map<String, String> common = environment(endpoints, ports, data);
            for (Variant v : variants) {
                if (v.cds()) {
                    ObjectNode training = report.with("cdsTraining");
                    for (String module : LocalStack.SERVICE_MODULES) {
                        training.put(module + "Seconds", train(module, v, common, ports));
                    }
                }
            }
            ArrayNode alone = report.putArray("alone");
            for (int round = 1; round <= rounds; round++) {
                for (String module : LocalStack.SERVICE_MODULES) {
                    for (Variant v : variants) {
                        Started s = startAlone(module, v, common, ports);
                        ObjectNode n = alone.addObject();
                        n.put("round", round);
                        n.put("service", module);
                        n.put("variant", v.name());
                        n.put("healthySeconds", s.seconds);
                        n.put("rssMiB", s.rssMiB);
                        say(String.format(Locale.ROOT, "alone %-22s %-10s %5.1f s, RSS %4d MiB (load %.1f)", module,
                                v.name(), s.seconds, s.rssMiB, Machine.loadAverage()));
                    }
                }
            }
            ArrayNode together = report.putArray("together");
            for (Variant v : variants) {
                together.add(startTogether(v, common, ports));
            }
        }
        report.put("loadAverageAtEnd", Machine.loadAverage());
        Path out = Files.createDirectories(home.resolve("bench").resolve("results")).resolve(runId + "-startup.json");
        JSON.writeValue(out.toFile(), report);
        say("results written to " + home.relativize(out));
        return 0;
    }

    /** The jars as they are now: colleagues rebuild modules meanwhile, and a half-written jar does not start. */
    private void snapshotJars() throws Exception {
        for (String module : LocalStack.SERVICE_MODULES) {
            Path source = home.resolve(module).resolve("target").resolve(module + ".jar");
            Path copy = Files.createDirectories(target.resolve("startup-jars")).resolve(module + ".jar");
            if (Files.exists(copy) && Files.mismatch(source, copy) == -1) {
                continue; // the same build as last time: its extracted form and archive still fit
            }
            for (int attempt = 1; ; attempt++) {
                Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(copy.toFile())) {
                    break;
                } catch (IOException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    Thread.sleep(10_000); // being rebuilt right now
                }
            }
        }
    }

    private Path jar(String module) {
        return target.resolve("startup-jars").resolve(module + ".jar");
    }

    private final List<Process> live = new ArrayList<>();

    private record Started(Process process, double seconds, long rssMiB) {
    }

    private Started startAlone(String module, Variant v, Map<String, String> common, Ports ports) throws Exception {
        Process p = launch(module, v, common, ports, List.of(), "alone-" + v.name());
        try {
            return await(module, p, ports);
        } finally {
            stop(p);
        }
    }

    private ObjectNode startTogether(Variant v, Map<String, String> common, Ports ports) throws Exception {
        ObjectNode n = JSON.createObjectNode();
        n.put("variant", v.name());
        Instant begin = Instant.now();
        List<Process> started = new ArrayList<>();
        try {
            Map<String, Process> tier1 = new LinkedHashMap<>();
            for (String module : List.of(LocalStack.CAMPAIGN_SERVICE, LocalStack.PLEDGE_SERVICE, LocalStack.NOTIFICATION_SERVICE)) {
                Process p = launch(module, v, common, ports, List.of(), "together-" + v.name());
                tier1.put(module, p);
                started.add(p);
            }
            for (Map.Entry<String, Process> e : tier1.entrySet()) {
                Started s = await(e.getKey(), e.getValue(), ports);
                n.put(e.getKey() + "HealthySeconds", s.seconds);
                n.put(e.getKey() + "RssMiB", s.rssMiB);
            }
            Process gateway = launch(LocalStack.GATEWAY, v, common, ports, List.of(), "together-" + v.name());
            started.add(gateway);
            Started s = await(LocalStack.GATEWAY, gateway, ports);
            n.put("gatewayHealthySeconds", s.seconds);
            n.put("gatewayRssMiB", s.rssMiB);
            n.put("servicesServingSeconds", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
            say(String.format(Locale.ROOT, "together %-10s services + gateway serving after %5.1f s: %s", v.name(),
                    n.get("servicesServingSeconds").asDouble(), n));
        } finally {
            started.forEach(this::stop);
        }
        return n;
    }

    /** A training run: the service starts, refreshes its context, exits, and the JVM writes the archive. */
    private double train(String module, Variant v, Map<String, String> common, Ports ports) throws Exception {
        Path dir = extracted(module);
        Path archive = dir.resolve(module + ".jsa");
        if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(dir.resolve(module + ".jar"))) > 0) {
            say("archive of " + module + " is there already");
            return 0;
        }
        Files.deleteIfExists(archive);
        Instant begin = Instant.now();
        Process p = launch(module, new Variant(v.name(), v.options(), false), common, ports,
                List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                        "-jar", dir.resolve(module + ".jar").toString()), "train");
        p.waitFor();
        double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        say(String.format(Locale.ROOT, "trained %s: %.1f s, archive %s MiB", module, seconds,
                Files.exists(archive) ? Files.size(archive) >> 20 : "no"));
        return seconds;
    }

    private Path extracted(String module) throws Exception {
        Path dir = target.resolve("startup-cds").resolve(module);
        if (!Files.exists(dir.resolve(module + ".jar"))
                || Files.getLastModifiedTime(dir.resolve(module + ".jar")).compareTo(Files.getLastModifiedTime(jar(module))) < 0) {
            Process p = new ProcessBuilder(java(), "-Djarmode=tools", "-jar",
                    jar(module).toString(), "extract", "--force",
                    "--destination", dir.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("extracting " + module + " failed");
            }
        }
        return dir;
    }

    private Process launch(String module, Variant v, Map<String, String> common, Ports ports, List<String> tail,
            String logName) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(v.options());
        if (!tail.isEmpty()) {
            command.addAll(tail);
        } else if (v.cds()) {
            Path dir = target.resolve("startup-cds").resolve(module);
            command.add("-XX:SharedArchiveFile=" + dir.resolve(module + ".jsa"));
            command.add("-Xlog:cds=off");
            command.add("-jar");
            command.add(dir.resolve(module + ".jar").toString());
        } else {
            command.add("-jar");
            command.add(jar(module).toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(common);
        builder.environment().put("SERVER_PORT", Integer.toString(port(module, ports)));
        Path log = Files.createDirectories(target.resolve("startup-logs")).resolve(module + "-" + logName + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        synchronized (live) {
            live.removeIf(p -> !p.isAlive());
            live.add(process);
        }
        return process;
    }

    private Started await(String module, Process p, Ports ports) throws Exception {
        Instant start = p.info().startInstant().orElse(Instant.now());
        URI readiness = URI.create("http://127.0.0.1:" + port(module, ports) + "/actuator/health/readiness");
        Instant deadline = Instant.now().plusSeconds(420);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(module + " exited with " + p.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                    return new Started(p, seconds, Machine.rssMiB(p.toHandle()).orElse(-1L));
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(module + " not ready within 420 s");
    }

    private void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The environment LocalStack gives the services (see LocalStack.startServices). */
    private static Map<String, String> environment(Endpoints endpoints, Ports ports, Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        env.put("MONGODB_URI", endpoints.mongoUri());
        String publicBaseUrl = "http://127.0.0.1:" + ports.gateway();
        env.put("PUBLIC_BASE_URL", publicBaseUrl);
        env.put("PLEDGEWORKS_TOKEN_SECRET", "c3R1ZHktc3R1ZHktc3R1ZHktc3R1ZHktc3R1ZHktc3R1ZHk=");
        env.put("PLEDGEWORKS_JWT_ISSUER", publicBaseUrl);
        env.put("PLEDGEWORKS_JWK_SET_URI", publicBaseUrl + "/.well-known/jwks.json");
        env.put("PLEDGEWORKS_DATA_DIR", data.toAbsolutePath().toString());
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        env.put("SMTP_HOST", endpoints.smtpHost());
        env.put("SMTP_PORT", Integer.toString(endpoints.smtpPort()));
        env.put("CAMPAIGN_SERVICE_URL", "http://127.0.0.1:" + ports.campaign());
        env.put("PLEDGE_SERVICE_URL", "http://127.0.0.1:" + ports.pledge());
        env.put("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + ports.notification());
        env.put("MANAGEMENT_PORT", Integer.toString(ports.management()));
        return env;
    }

    private static int port(String module, Ports ports) {
        return switch (module) {
            case LocalStack.CAMPAIGN_SERVICE -> ports.campaign();
            case LocalStack.PLEDGE_SERVICE -> ports.pledge();
            case LocalStack.NOTIFICATION_SERVICE -> ports.notification();
            default -> ports.gateway();
        };
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void say(String line) {
        System.out.println("[startup] " + line);
    }
}
