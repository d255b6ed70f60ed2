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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.pledgeworks.infra.Endpoints;
import org.pledgeworks.infra.LocalStack;
import org.pledgeworks.infra.StackConfig;

/**
 * One benchmark run: starts the stack on free ports and a fresh data directory (exactly as
 * {@code ./pledgeworks up} would, through infra's {@link LocalStack}), then measures in order:
 * start-up and memory, the gateway baseline, signing (ramp, then steady at 80%), pledge to mail at
 * 50%, fan-out; writes {@code bench/results/<date>.json} and stops the stack. Usage: see bench/run.
 */
public final class Bench {

    private static final int SPIKE_FACTOR = 10;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String STATIC_PATH = "/favicon.svg";
    /** The provider fake's API key: bench/run gives notification-service the same (MAIL_PROVIDER_API_KEY). */
    static final String PROVIDER_KEY = Optional.ofNullable(System.getenv("MAIL_PROVIDER_API_KEY")).orElse("bench-provider-key");

    private final Settings settings;
    private final Path home;
    private final Path target;
    private final CpuMeter cpu = new CpuMeter();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectNode report = JSON.createObjectNode();
    private final String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    private final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
    private long acceptedPledges;
    private LoadRun load;
    private Endpoints endpoints;
    private LocalStack stack;
    private ProviderFake provider;
    private Path jfrDir;
    private final Map<Long, String> pidToService = new ConcurrentHashMap<>();
    /** Empties the mail catcher every 10 s while the ramps and the steady run send it a mail per pledge. */
    private final ScheduledExecutorService inboxDrain = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-inbox-drain");
        thread.setDaemon(true);
        return thread;
    });

    private Bench(Settings settings, Path home) {
        this.settings = settings;
        this.home = home;
        this.target = home.resolve("bench").resolve("target");
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--startup")) {
            // the start-up study: infrastructure only, each service alone, per JVM-option variant
            int rounds = args.length > 2 && args[1].equals("--rounds") ? Integer.parseInt(args[2]) : 1;
            System.exit(new StartupStudy(StackConfig.findHome()).run(rounds));
            return;
        }
        Settings settings;
        try {
            settings = Settings.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status = new Bench(settings, StackConfig.findHome()).run();
        System.exit(status); // Gatling leaves non-daemon threads behind
    }

    private int run() throws Exception {
        Instant began = Instant.now();
        describe(began);
        Path data = Files.createDirectories(target.resolve("stack-data")).resolve(runId);
        load = new LoadRun(Files.createDirectories(target.resolve("gatling")), cpu);
        provider = startProviderFake();
        StackConfig config = stackConfig(snapshotHome()).withDataDir(data).withFreePorts()
                .withStartTimeout(Duration.ofMinutes(6));
        stack = new LocalStack(config, this::progress);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stop-stack"));
        int status = 0;
        try {
            endpoints = stack.start();
            startupAndMemory();
            startEachAlone();
            for (String module : LocalStack.SERVICE_MODULES) {
                stack.process(module).ifPresent(p -> pidToService.put(p.pid(), module));
            }
            awaitDemoCampaign();
            URI inbox = endpoints.inboxApi().orElseThrow();
            inboxDrain.scheduleWithFixedDelay(() -> delete(inbox), 10, 10, TimeUnit.SECONDS);
            if (!settings.fanOutOnly()) {
                double gatewayMax = gatewayBaseline();
                double signMax = signing(gatewayMax);
                pledgeToMail(signMax);
                spike(signMax);
            }
            fanOut();
            memoryAfterLoad();
            prepareFasterStarts();
        } catch (Exception e) {
            status = 1;
            report.put("failure", e.toString());
            System.err.println("bench: failed: " + e);
            e.printStackTrace();
        } finally {
            inboxDrain.shutdownNow();
            stack.close();
            if (provider != null) {
                provider.close();
            }
            if (jfrDir != null) {
                report.set("jfr", JfrSummary.summarise(jfrDir, pidToService, home));
            }
            report.put("durationSeconds", Duration.between(began, Instant.now()).toSeconds());
            Path out = write();
            say("results written to " + home.relativize(out) + "; Gatling reports under bench/target/gatling/");
        }
        return status;
    }

    /**
     * The service jars as they are now, copied aside: other people rebuild the modules while a run
     * goes on, and a jar rewritten under a starting JVM breaks it. infra (the launcher's class path
     * for the broker, MongoDB and the mail catcher) is linked, not copied.
     */
    private Path snapshotHome() throws IOException {
        Path snapshot = target.resolve("stack-home");
        Files.createDirectories(snapshot);
        Path infra = snapshot.resolve("infra");
        if (!Files.isSymbolicLink(infra)) {
            Files.deleteIfExists(infra);
            Files.createSymbolicLink(infra, home.resolve("infra"));
        }
        for (String module : LocalStack.SERVICE_MODULES) {
            Path jar = Files.createDirectories(snapshot.resolve(module).resolve("target")).resolve(module + ".jar");
            Files.copy(home.resolve(module).resolve("target").resolve(module + ".jar"), jar,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return snapshot;
    }

    // --- the run's context ---

    private void describe(Instant began) {
        report.put("run", runId);
        report.put("startedAt", began.toString());
        report.put("mode", settings.mode());
        report.put("command", "bench/run " + (settings.mode().equals("smoke") ? "--smoke" : "--full --minutes "
                + settings.steady().toMinutes()) + " --fanout-max " + Arrays.stream(settings.fanOutSizes()).max().orElse(0)
                + " --fanout-minutes " + settings.fanOutBound().toMinutes() + (settings.fanOutOnly() ? " --fanout-only" : "")
                + (settings.jfr() ? " --jfr" : "") + " --sign-start " + Math.round(settings.signStartRate()));
        report.put("note", settings.mode().equals("smoke")
                ? "smoke run: proves the harness end to end; short steps, not a measurement" : "full run");
        ObjectNode machine = report.putObject("machine");
        machine.put("cores", cpu.cores());
        machine.put("cpu", Machine.cpuModel());
        machine.put("memoryMiB", Machine.memoryMiB());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("loadAverageAtStart", Machine.loadAverage());
        ObjectNode method = report.putObject("method");
        method.put("ramp", "open model (constant arrival rate), steps of " + settings.stepDuration().toSeconds()
                + " s, each step x" + settings.factor() + ", at most " + settings.maxSteps() + " steps");
        method.put("sustainable", "zero errors and p99 <= " + settings.p99BoundMillis() + " ms; the maximum is the highest sustainable step");
        method.put("latency", "Gatling response time in ms, measured by the load generator on the same machine");
        say("Pledgeworks benchmark, " + settings.mode() + " mode, " + cpu.cores() + " cores, "
                + System.getProperty("java.runtime.version") + ", load average " + Machine.loadAverage());
        if (System.getenv("PLEDGEWORKS_RATE_LIMIT_SIGNING") == null) {
            say("warning: PLEDGEWORKS_RATE_LIMIT_SIGNING is not set: the gateway's per-client limit will refuse most"
                    + " signatures (bench/run sets it)");
        }
    }

    private void progress(String line) {
        System.out.println("[stack] " + line);
        int ready = line.indexOf(" ready after ");
        if (ready > 0) {
            readyAt.putIfAbsent(line.substring(0, ready).trim(), Instant.now());
        }
    }

    // --- (5) start-up and memory ---

    private void startupAndMemory() {
        ObjectNode startup = report.putObject("startup");
        startup.put("stackServingSeconds", round(endpoints.startTime().toMillis() / 1000.0));
        startup.put("targetStackServingSeconds", 30);
        ArrayNode services = startup.putArray("processes");
        long totalRss = 0;
        for (String name : List.of(LocalStack.MONGODB, LocalStack.MAIL_CATCHER, LocalStack.KAFKA, LocalStack.CAMPAIGN_SERVICE,
                LocalStack.PLEDGE_SERVICE, LocalStack.NOTIFICATION_SERVICE, LocalStack.GATEWAY)) {
            Optional<ProcessHandle> process = stack.process(name);
            ObjectNode entry = services.addObject();
            entry.put("name", name);
            boolean service = LocalStack.SERVICE_MODULES.contains(name);
            entry.put("service", service);
            Instant ready = readyAt.get(name);
            Optional<Double> healthy = ready == null ? Optional.empty() : process.flatMap(p -> healthySeconds(p, ready));
            healthy.ifPresent(seconds -> {
                entry.put("healthySeconds", seconds);
                if (service) {
                    entry.put("healthyWithinTarget", seconds <= 5);
                }
            });
            Optional<Long> rss = process.flatMap(Machine::rssMiB);
            rss.ifPresent(r -> entry.put("rssMiBAfterStart", r));
            if (service) {
                // the target is 300 MB (decimal); /proc reports KiB, kept here as MiB: 300 MB = 286 MiB
                rss.ifPresent(r -> entry.put("rssWithinTarget", r * 1024 * 1024 <= 300_000_000L));
            }
            totalRss += rss.orElse(0L);
            if (service) {
                // whether the launcher started it with its AppCDS archive (a run after one that trained)
                entry.put("appCds", process.flatMap(p -> p.info().arguments())
                        .map(a -> java.util.Arrays.stream(a).anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile="))).orElse(false));
            }
            say(String.format(Locale.ROOT, "%-22s healthy after %5s s, RSS %4s MiB", name,
                    entry.path("healthySeconds").asText("?"), rss.map(String::valueOf).orElse("?")));
        }
        startup.put("stackRssMiBAfterStart", totalRss);
        say("whole stack serving after " + startup.get("stackServingSeconds") + " s (target 30 s), RSS " + totalRss + " MiB");
    }

    /**
     * Figure 5 per service: each service started again on its own while the rest of the stack runs —
     * what a deploy, a crash or a scale-out waits for — twice each, from process start to readiness (the
     * launcher's probe, every 250 ms), judged on the slower. The stack's start above is the other case:
     * seven JVMs starting at once on the same cores, each one's time mostly the others' CPU.
     */
    private void startEachAlone() {
        ObjectNode alone = ((ObjectNode) report.get("startup")).putObject("eachAlone");
        alone.put("method", "LocalStack.restart(service) with the rest of the stack running; seconds from the new "
                + "process's start to its readiness probe answering UP");
        ArrayNode services = alone.putArray("services");
        for (String module : LocalStack.SERVICE_MODULES) {
            ObjectNode entry = services.addObject();
            entry.put("name", module);
            ArrayNode rounds = entry.putArray("healthySeconds");
            double slowest = 0;
            for (int round = 0; round < (smoke() ? 1 : 2); round++) {
                stack.restart(module);
                Instant ready = Instant.now();
                Optional<ProcessHandle> process = stack.process(module);
                Optional<Double> healthy = process.flatMap(p -> healthySeconds(p, ready));
                if (healthy.isEmpty()) {
                    entry.put("status", "no start time for the restarted process");
                    break;
                }
                double seconds = healthy.get();
                rounds.add(seconds);
                slowest = Math.max(slowest, seconds);
                process.flatMap(Machine::rssMiB).ifPresent(r -> entry.put("rssMiBAfterStart", r));
            }
            if (!rounds.isEmpty()) {
                entry.put("slowestSeconds", slowest);
                entry.put("healthyWithinTarget", slowest <= 5);
            }
            say(String.format(Locale.ROOT, "%-22s started alone: healthy after %s s", module, rounds));
        }
    }

    /** From the OS process's start to {@code ready}, when the OS tells the start. */
    private static Optional<Double> healthySeconds(ProcessHandle process, Instant ready) {
        return process.info().startInstant().map(start -> round(Duration.between(start, ready).toMillis() / 1000.0));
    }

    /**
     * After the measurements: the AppCDS archives the launcher uses from the next start (see infra's
     * ClassDataSharing), made now when a service's jar has none, so the next run's figure 5 has them.
     */
    private void prepareFasterStarts() throws Exception {
        ObjectNode node = ((ObjectNode) report.get("startup")).putObject("appCdsTraining");
        try {
            List<String> trained = stack.prepareFasterStarts().get(smoke() ? 8 : 15, TimeUnit.MINUTES);
            node.putPOJO("trainedNow", trained);
            node.put("note", trained.isEmpty() ? "every service already had its archive"
                    : "made at the end of this run: the next run (and ./pledgeworks up) starts these services with them");
        } catch (java.util.concurrent.TimeoutException e) {
            node.put("note", "training did not finish in time; the services without an archive keep their usual start");
        }
    }

    private void memoryAfterLoad() {
        ArrayNode processes = (ArrayNode) report.path("startup").path("processes");
        long total = 0;
        for (JsonNode node : processes) {
            ObjectNode entry = (ObjectNode) node;
            Optional<ProcessHandle> process = stack.process(entry.get("name").asText());
            process.flatMap(Machine::rssMiB).ifPresent(r -> entry.put("rssMiBAtEnd", r));
            Optional<Long> peak = process.flatMap(Machine::peakRssMiB);
            peak.ifPresent(r -> entry.put("peakRssMiB", r));
            total += peak.orElse(0L);
        }
        ((ObjectNode) report.get("startup")).put("stackPeakRssMiB", total);
    }

    private void awaitDemoCampaign() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (status("/api/campaigns/" + SignSimulation.SLUG + "/count") == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the demo campaign did not reach pledge-service within 120 s");
    }

    // --- (1) gateway baseline ---

    private double gatewayBaseline() {
        if (status(STATIC_PATH) != 200) {
            throw new IllegalStateException("GET " + STATIC_PATH + " through the gateway is not 200");
        }
        say("(1) gateway baseline: GET " + STATIC_PATH);
        ObjectNode node = report.putObject("gatewayBaseline");
        node.put("route", "GET " + STATIC_PATH + " (a static file the gateway serves itself)");
        LoadRun.Result best = ramp(GatewaySimulation.class, STATIC_PATH, settings.gatewayStartRate(), "gateway",
                node.putArray("steps"));
        node.set("max", best == null ? null : figures(best));
        return best == null ? 0 : best.targetRate();
    }

    // --- (2) signing ---

    private double signing(double gatewayMax) throws InterruptedException {
        say("(2) signing: POST /api/campaigns/" + SignSimulation.SLUG + "/pledges, a new address each time");
        ObjectNode node = report.putObject("signing");
        LoadRun.Result best = ramp(SignSimulation.class, "", settings.signStartRate(), "sign", node.putArray("steps"));
        if (best == null) {
            node.put("max", "no sustainable step");
            // the steady and pledge-to-mail runs still go on, at the first step's rate, so the run reports the
            // latency and completeness there instead of nothing (flagged: it is not a sustainable maximum)
            node.put("fallbackRate", settings.signStartRate());
            say(String.format(Locale.ROOT, "    no sustainable signing step; steady and mail runs go on from %.0f/s",
                    settings.signStartRate()));
            best = new LoadRun.Result(settings.signStartRate(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
        } else {
            node.set("max", figures(best));
        }
        if (gatewayMax > 0 && node.has("max") && node.get("max").isObject()) {
            double ratio = best.targetRate() / gatewayMax;
            node.put("ratioToGateway", round(ratio));
            node.put("targetRatioToGateway", 0.5);
            node.put("ratioWithinTarget", ratio >= 0.5);
            say(String.format(Locale.ROOT, "    signing max %.0f/s = %.2f of the gateway's %.0f/s (target >= 0.5)",
                    best.targetRate(), ratio, gatewayMax));
        } else {
            node.put("ratioToGateway", "no ratio: one of the two has no sustainable step");
        }

        double rate = Math.max(1, best.targetRate() * 0.8);
        say(String.format(Locale.ROOT, "    steady: %.0f/s (80%%) for %d s", rate, settings.steady().toSeconds()));
        LoadRun.Result steady = signRun(rate, settings.steady(), "steady-80", false);
        ObjectNode steadyNode = figures(steady);
        steadyNode.put("targetP99Millis", 100);
        steadyNode.put("p99WithinTarget", steady.p99() <= 100);
        steadyNode.put("zeroErrors", steady.ko() == 0);
        node.set("steady80", steadyNode);
        print("steady", steady);

        Arrivals.Count count = arrivals(node);
        ((ObjectNode) node.get("arrivals")).put("note", "counts over the whole run so far (ramp + steady): every 202"
                + " the load generator saw against signatures in pledgeworks-pledges.signatures and pledge-signed.v1 records on pledges;"
                + " requests that timed out on the client may still be stored, so stored can exceed accepted");
        say("    accepted " + acceptedPledges + ", stored " + count.stored() + ", on the topic " + count.published());
        return best.targetRate();
    }

    /** Every 202 so far against the signatures in MongoDB and on the topic (they may take up to 90 s to land). */
    private Arrivals.Count arrivals(ObjectNode parent) throws InterruptedException {
        Arrivals.Count count = new Arrivals(endpoints.mongoUri(), endpoints.kafkaBootstrapServers())
                .await(acceptedPledges, Duration.ofSeconds(90));
        ObjectNode arrivals = parent.putObject("arrivals");
        arrivals.put("acceptedSoFar", acceptedPledges);
        arrivals.put("storedInMongo", count.stored());
        arrivals.put("pledgeSignedOnTopic", count.published());
        arrivals.put("noneLost", count.stored() >= acceptedPledges && count.published() >= acceptedPledges);
        return count;
    }

    private LoadRun.Result signRun(double rate, Duration duration, String name, boolean record) {
        LoadRun.Result result = load.run(SignSimulation.class, new LoadParameters(base(), "", rate, duration,
                "bench-" + runId + "-" + name, record), name);
        acceptedPledges += result.ok();
        return result;
    }

    // --- spike beyond capacity ---

    /**
     * Ten times the signing maximum for 30 s (smoke: 5 s), after figure 3: DESIGN.md asks that the excess
     * be answered 429/503 with {@code Retry-After}, fast, and that every accepted pledge be stored. Every
     * answer is kept by status ({@link SpikeSimulation}); the arrivals are counted again with the spike's 202s.
     */
    private void spike(double signMax) throws InterruptedException {
        ObjectNode node = report.putObject("spike");
        if (signMax <= 0) {
            node.put("status", "skipped: no sustainable signing rate");
            return;
        }
        // ten times the ramp's knee (p99 <= 100 ms), not three: run 16's spike at 3 x was absorbed (3,568 of
        // 3,600 accepted), the knee sits well below the throughput the stack can still take for 30 s
        double rate = Math.round(signMax * SPIKE_FACTOR);
        Duration duration = Duration.ofSeconds(smoke() ? 5 : 30);
        say(String.format(Locale.ROOT, "spike: signing at %.0f/s (%d x the maximum) for %d s", rate, SPIKE_FACTOR,
                duration.toSeconds()));
        node.put("factor", SPIKE_FACTOR);
        SpikeOutcomes.clear();
        LoadRun.Result run = load.run(SpikeSimulation.class, new LoadParameters(base(), "", rate, duration,
                "bench-" + runId + "-spike", false), "spike");
        node.put("targetRate", rate);
        node.put("seconds", duration.toSeconds());
        node.put("loadGeneratorCpuShare", round(run.cpu().generatorShare()));
        node.put("machineCpuBusy", round(run.cpu().machineBusy()));
        node.put("gatlingReport", home.relativize(run.report()).toString());
        long accepted = 0;
        long other = 0;
        List<Long> turnedAway = new ArrayList<>();
        boolean allWithRetryAfter = true;
        ObjectNode byStatus = node.putObject("byStatus");
        for (Map.Entry<Integer, List<SpikeOutcomes.Answer>> e : SpikeOutcomes.snapshot().entrySet()) {
            long[] millis = e.getValue().stream().mapToLong(SpikeOutcomes.Answer::millis).sorted().toArray();
            long withRetryAfter = e.getValue().stream().filter(SpikeOutcomes.Answer::retryAfter).count();
            ObjectNode entry = byStatus.putObject(e.getKey() == 0 ? "other or none" : Integer.toString(e.getKey()));
            entry.put("count", millis.length);
            entry.put("p50Millis", percentile(millis, 50));
            entry.put("p99Millis", percentile(millis, 99));
            entry.put("maxMillis", millis[millis.length - 1]);
            entry.put("withRetryAfter", withRetryAfter);
            switch (e.getKey()) {
                case 202 -> accepted += millis.length;
                case 429, 503 -> {
                    Arrays.stream(millis).forEach(turnedAway::add);
                    allWithRetryAfter &= withRetryAfter == millis.length;
                }
                default -> other += millis.length;
            }
        }
        acceptedPledges += accepted;
        long[] away = turnedAway.stream().mapToLong(Long::longValue).sorted().toArray();
        node.put("accepted", accepted);
        node.put("turnedAway", away.length);
        node.put("otherOrNoAnswer", other);
        node.put("turnedAwayAllWithRetryAfter", allWithRetryAfter);
        if (away.length > 0) {
            node.put("turnedAwayP99Millis", percentile(away, 99));
            node.put("turnedAwayFast", percentile(away, 99) <= 100);
        }
        Arrivals.Count count = arrivals(node);
        say(String.format(Locale.ROOT, "    %d accepted, %d turned away (p99 %s ms, Retry-After on all: %s), %d other or"
                + " no answer; accepted so far %d, stored %d, on the topic %d", accepted, away.length,
                away.length > 0 ? percentile(away, 99) : "-", allWithRetryAfter, other, acceptedPledges, count.stored(),
                count.published()));
    }

    // --- (3) pledge to mail ---

    private void pledgeToMail(double signMax) throws Exception {
        ObjectNode node = report.putObject("pledgeToMail");
        if (signMax <= 0) {
            node.put("status", "skipped: no sustainable signing rate");
            return;
        }
        double rate = Math.max(1, signMax * 0.5);
        say(String.format(Locale.ROOT, "(3) pledge to mail: %.0f/s (50%%) for %d s", rate, settings.mailRun().toSeconds()));
        inboxDrain.shutdownNow();
        awaitMailBacklog(node);
        URI inbox = endpoints.inboxApi().orElseThrow();
        delete(inbox);
        AcceptedPledges.clear();
        // The catcher keeps only its newest mails (a load test's flood would fill memory), fewer than a
        // minute at this rate: what arrives is collected as it arrives.
        Map<String, Long> received = new ConcurrentHashMap<>();
        ScheduledExecutorService collector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-inbox-collect");
            thread.setDaemon(true);
            return thread;
        });
        collector.scheduleWithFixedDelay(() -> collect(inbox, received), 2, 2, TimeUnit.SECONDS);
        LoadRun.Result result;
        try {
            result = signRun(rate, settings.mailRun(), "mail-50", true);
        } finally {
            collector.shutdown();
            collector.awaitTermination(30, TimeUnit.SECONDS);
        }
        node.set("load", figures(result));
        Map<String, Long> accepted = AcceptedPledges.snapshot();
        List<Long> latencies = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            collect(inbox, received);
            latencies.clear();
            accepted.forEach((address, at) -> {
                Long arrived = received.get(address);
                if (arrived != null) {
                    latencies.add(arrived - at);
                }
            });
            if (latencies.size() >= accepted.size()) {
                break;
            }
            Thread.sleep(1000);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        node.put("accepted", accepted.size());
        node.put("mailsMatched", sorted.length);
        node.put("method", "from the 202 arriving at the load generator to the mail catcher's receivedAt for that address");
        if (sorted.length > 0) {
            node.put("p50Millis", percentile(sorted, 50));
            node.put("p95Millis", percentile(sorted, 95));
            node.put("p99Millis", percentile(sorted, 99));
            node.put("maxMillis", sorted[sorted.length - 1]);
            node.put("targetP99Millis", 1000);
            node.put("p99WithinTarget", percentile(sorted, 99) <= 1000);
        }
        say(String.format(Locale.ROOT, "    %d accepted, %d mails matched; p50 %s ms, p95 %s ms, p99 %s ms (target p99 <= 1000)",
                accepted.size(), sorted.length, node.path("p50Millis").asText("-"), node.path("p95Millis").asText("-"),
                node.path("p99Millis").asText("-")));
        handoverTimer(node);
    }

    /** Each address's first mail in the catcher now: when it arrived there. */
    private void collect(URI inbox, Map<String, Long> received) {
        try {
            JsonNode messages = JSON.readTree(http.send(HttpRequest.newBuilder(inbox).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode message : messages) {
                long at = Instant.parse(message.get("receivedAt").asText()).toEpochMilli();
                for (JsonNode to : message.path("to")) {
                    received.merge(to.asText().toLowerCase(Locale.ROOT), at, Math::min);
                }
            }
        } catch (IOException e) {
            say("    inbox unreadable for a moment: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The ramps and the steady run may have signed faster than verification mail goes out; the mail
     * they left queued would share the run below and measure the queue, not the path. Waits (up to
     * ten minutes) until notification-service has no transactional mail left to send, and reports
     * how much there was and how long it took.
     */
    private void awaitMailBacklog(ObjectNode node) throws InterruptedException {
        ObjectNode backlog = node.putObject("backlogBefore");
        Instant began = Instant.now();
        Instant deadline = began.plus(Duration.ofMinutes(10));
        try (MongoClient client = MongoClients.create(endpoints.mongoUri())) {
            MongoCollection<Document> deliveries = client.getDatabase("pledgeworks-notifications")
                    .getCollection("deliveries");
            Document unsent = new Document("status", new Document("$in", List.of("QUEUED", "SENDING")))
                    .append("bulk", new Document("$ne", true));
            long first = deliveries.countDocuments(unsent);
            long left = first;
            backlog.put("unsentAtStart", first);
            if (first > 0) {
                say(String.format(Locale.ROOT, "    %,d verification mails still queued from the runs before: waiting",
                        first));
            }
            while (left > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(5000);
                left = deliveries.countDocuments(unsent);
            }
            long seconds = Duration.between(began, Instant.now()).toSeconds();
            backlog.put("unsentAtEnd", left);
            backlog.put("waitedSeconds", seconds);
            if (first > 0) {
                backlog.put("drainedPerSecond", seconds == 0 ? first : (first - left) / (double) seconds);
                say(String.format(Locale.ROOT, "    backlog %,d -> %,d in %d s", first, left, seconds));
            }
        }
    }

    /** notification-service's own view, when it has the timer: count and max of notification_mails_handover. */
    private void handoverTimer(ObjectNode node) {
        String metrics = get(endpoints.notificationService().resolve("/actuator/prometheus")).orElse("");
        ObjectNode timer = JSON.createObjectNode();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("notification_mails_handover_seconds_count") || line.startsWith("notification_mails_handover_seconds_max")
                    || line.startsWith("notification_mails_handover_seconds_sum")) {
                String[] parts = line.split(" ");
                timer.put(parts[0], Double.parseDouble(parts[parts.length - 1]));
            }
        }
        if (!timer.isEmpty()) {
            node.set("notificationServiceHandoverTimer", timer);
        }
    }

    // --- (4) fan-out ---

    private void fanOut() throws Exception {
        ObjectNode node = report.putObject("fanOut");
        node.put("sizes", Arrays.toString(settings.fanOutSizes()));
        String metrics = get(endpoints.notificationService().resolve("/actuator/prometheus")).orElse("");
        if (!metrics.contains("notification_fanout_published")) {
            node.put("status", "not available: the notification-service jar that ran has no fan-out"
                    + " (no notification_fanout_published metric)");
            say("(4) fan-out: not available (notification-service has no fan-out)");
            return;
        }
        if (provider == null) {
            node.put("status", "not available: no provider fake (run through bench/run, which sets MAIL_BULK_TRANSPORT=http"
                    + " and MAIL_PROVIDER_URL)");
            say("(4) fan-out: " + node.get("status").asText());
            return;
        }
        node.put("provider", "ProviderFake in the harness JVM on 127.0.0.1:" + provider.port()
                + ": notification-service's HTTP batch API, 500 mails a call at most, nothing stored but counts");
        node.put("providerRateLimitPerSecond", System.getenv().getOrDefault("MAIL_PROVIDER_RATE_PER_SECOND", "1000 (default)"));
        node.put("boundPerSizeMinutes", settings.fanOutBound().toMinutes());
        FanOutStep step = new FanOutStep(endpoints.mongoUri(), endpoints.kafkaBootstrapServers(),
                endpoints.notificationService(), base(), () -> stack.process(LocalStack.NOTIFICATION_SERVICE),
                () -> stack.process(LocalStack.MONGODB), provider);
        say("(4) fan-out: the provider fake alone for " + settings.ceilingRun().toSeconds() + " s");
        ObjectNode ceiling = step.ceiling(settings.ceilingRun(), 4);
        node.set("fakeAlone", ceiling);
        long fakeRate = ceiling.get("emailsPerSecond").asLong();
        say(String.format(Locale.ROOT, "    the fake alone accepts %,d emails/s", fakeRate));
        ArrayNode sizes = node.putArray("runs");
        for (int size : settings.fanOutSizes()) {
            say(String.format(Locale.ROOT, "    seeding %,d subscribers of %s into %s", size, FanOutStep.CAMPAIGN_ID,
                    FanOutStep.DATABASE));
            ObjectNode seed = step.seedTo(size, false);
            say(String.format(Locale.ROOT, "    seeded in %.0f s (%,d documents/s)", seed.get("seconds").asDouble(),
                    seed.get("documentsPerSecond").asLong()));
            ObjectNode run = step.fanOut(size, settings.fanOutBound(), Duration.ofSeconds(smoke() ? 60 : 120));
            run.set("seeding", seed);
            double rate = run.get("emailsPerSecond").asDouble();
            run.put("ratioToFakeAlone", fakeRate > 0 ? round(rate / fakeRate) : 0);
            run.put("targetEmailsPerSecond", 5000);
            run.put("withinTarget", rate >= 5000 && run.get("complete").asBoolean());
            sizes.add(run);
            say(String.format(Locale.ROOT, "    %,d subscribers: %s, %,d accepted (%s), %,.0f emails/s (%.2f of the fake alone),"
                    + " %d duplicates, peak heap %d MiB, peak RSS %d MiB", size, run.get("status").asText(),
                    run.get("accepted").asLong(), run.get("completeness").asText(), rate,
                    run.get("ratioToFakeAlone").asDouble(), run.get("duplicates").asLong(), run.get("peakHeapMiB").asLong(),
                    run.get("peakRssMiB").asLong()));
        }
        node.put("duplicatesTotal", provider.duplicates());
        node.put("refusedCalls", provider.refused());
    }

    /** The fake binds where bench/run told notification-service to send (MAIL_PROVIDER_URL), when bulk mail goes by HTTP. */
    private ProviderFake startProviderFake() throws IOException {
        String url = System.getenv("MAIL_PROVIDER_URL");
        if (!"http".equals(System.getenv("MAIL_BULK_TRANSPORT")) || url == null) {
            say("warning: MAIL_BULK_TRANSPORT=http and MAIL_PROVIDER_URL are not set: no fan-out figure (bench/run sets them)");
            return null;
        }
        ProviderFake fake = new ProviderFake(URI.create(url).getPort(), PROVIDER_KEY, 4);
        say("provider fake on 127.0.0.1:" + fake.port() + " (notification-service's bulk mail goes there)");
        return fake;
    }

    /**
     * The launcher's defaults, except: MONGODB_URI, when set, is an external (empty) MongoDB instead of
     * the embedded server (whose insert rate bounds the fan-out figure); with --jfr every service also
     * records a profile, dumped when the stack stops.
     */
    private StackConfig stackConfig(Path stackHome) throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        Optional.ofNullable(System.getenv("MONGODB_URI")).filter(v -> !v.isBlank()).ifPresent(uri -> {
            env.put("MONGODB_URI", uri);
            say("MongoDB: the external " + uri + " (it must be empty: the counts assume a fresh stack)");
        });
        if (settings.jfr()) {
            jfrDir = Files.createDirectories(target.resolve("jfr").resolve(runId));
            // a directory as filename: each JVM writes hotspot-pid-<pid>-...jfr there; the pid names the service
            env.put(StackConfig.JAVA_OPTS, String.join(" ", StackConfig.DEFAULT_SERVICE_JAVA_OPTIONS)
                    + " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfrDir.toAbsolutePath() + "/");
            say("JFR: every service records (settings=profile) into " + home.relativize(jfrDir));
        }
        return env.isEmpty() ? StackConfig.defaults(stackHome) : StackConfig.fromEnvironment(env, stackHome);
    }

    // --- ramps ---

    /** Stepped open-model ramp; returns the highest sustainable step, or null when the first is not. */
    private LoadRun.Result ramp(Class<?> simulation, String path, double startRate, String name, ArrayNode steps) {
        // A fresh stack's JIT has compiled nothing of this path yet: without a warm-up the first step measures
        // the interpreter (the first full run's gateway step at 200/s: 12 % timeouts, p50 109 ms, then fine).
        // Two steps at a quarter (one step long) and half the start rate (settings.warmUp() long: the
        // compilers of seven JVMs need minutes), reported but never the maximum.
        for (double share : new double[] { 0.25, 0.5 }) {
            double rate = Math.max(1, Math.round(startRate * share));
            Duration duration = share < 0.5 ? settings.stepDuration() : settings.warmUp();
            LoadRun.Result warmUp = step(simulation, path, rate, duration, name + "-warm-up-" + Math.round(rate));
            ObjectNode entry = figures(warmUp);
            entry.put("warmUp", true);
            steps.add(entry);
            print("warm-up", warmUp);
        }
        LoadRun.Result best = null;
        double rate = startRate;
        for (int step = 1; step <= settings.maxSteps(); step++) {
            String description = name + "-step-" + step + "-" + Math.round(rate);
            LoadRun.Result result = step(simulation, path, rate, settings.stepDuration(), description);
            boolean sustainable = result.sustainable(settings.p99BoundMillis());
            ObjectNode entry = figures(result);
            entry.put("sustainable", sustainable);
            steps.add(entry);
            print("step " + step, result);
            if (!sustainable) {
                break;
            }
            best = result;
            rate = Math.round(rate * settings.factor());
        }
        return best;
    }

    private LoadRun.Result step(Class<?> simulation, String path, double rate, Duration duration, String description) {
        return simulation == SignSimulation.class
                ? signRun(rate, duration, description, false)
                : load.run(simulation, new LoadParameters(base(), path, rate, duration, "", false), description);
    }

    private ObjectNode figures(LoadRun.Result r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("targetRate", r.targetRate());
        n.put("achievedRate", round(r.achievedRate()));
        n.put("requests", r.requests());
        n.put("ok", r.ok());
        n.put("errors", r.ko());
        n.put("p50Millis", r.p50());
        n.put("p95Millis", r.p95());
        n.put("p99Millis", r.p99());
        n.put("p999Millis", r.p999());
        n.put("maxMillis", r.max());
        n.put("loadGeneratorCpuShare", round(r.cpu().generatorShare()));
        n.put("machineCpuBusy", round(r.cpu().machineBusy()));
        n.put("gatlingReport", home.relativize(r.report()).toString());
        return n;
    }

    private void print(String label, LoadRun.Result r) {
        say(String.format(Locale.ROOT,
                "    %-8s %6.0f/s: %6d req, %4d errors, p50 %4d, p95 %4d, p99 %5d ms; generator CPU %2.0f%%, machine busy %2.0f%%",
                label, r.targetRate(), r.requests(), r.ko(), r.p50(), r.p95(), r.p99(), 100 * r.cpu().generatorShare(),
                100 * r.cpu().machineBusy()));
    }

    // --- plumbing ---

    private boolean smoke() {
        return settings.mode().equals("smoke");
    }

    private String base() {
        return endpoints.web().toString().replaceAll("/$", "");
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(endpoints.web().resolve(path)).GET().timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void delete(URI uri) {
        try {
            http.send(HttpRequest.newBuilder(uri).DELETE().timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the next round tries again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<String> get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Path write() throws IOException {
        Path dir = Files.createDirectories(home.resolve("bench").resolve("results"));
        Path file = dir.resolve(runId + "-" + settings.mode() + ".json");
        JSON.writeValue(file.toFile(), report);
        return file;
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
