package org.pledgeworks.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pledgeworks.infra.Endpoints;
import org.pledgeworks.infra.LocalStack;

/**
 * Figure 5, start-up and memory: each process's time to ready in the stack's own start, each service
 * started again alone, the memory after start and after the load, and, last, the AppCDS archives the
 * next start uses. Everything lands in the results file's {@code startup} section.
 */
final class StartupStep {

    private final ObjectNode startup;
    private final LocalStack stack;
    private final StackLaunch launch;
    private final boolean smoke;

    StartupStep(RunReport report, LocalStack stack, StackLaunch launch, boolean smoke) {
        this.startup = report.root().putObject("startup");
        this.stack = stack;
        this.launch = launch;
        this.smoke = smoke;
    }

    /** The stack's own start: seven JVMs at once on the same cores, each one's time mostly the others' CPU. */
    void stackStart(Endpoints endpoints) {
        startup.put("stackServingSeconds", Figures.round(endpoints.startTime().toMillis() / 1000.0));
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
            Optional<Double> healthy = launch.readyAt(name).flatMap(ready -> process.flatMap(p -> healthySeconds(p, ready)));
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
                        .map(a -> Arrays.stream(a).anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile="))).orElse(false));
            }
            Console.say(String.format(Locale.ROOT, "%-22s healthy after %5s s, RSS %4s MiB", name,
                    entry.path("healthySeconds").asText("?"), rss.map(String::valueOf).orElse("?")));
        }
        startup.put("stackRssMiBAfterStart", totalRss);
        Console.say("whole stack serving after " + startup.get("stackServingSeconds") + " s (target 30 s), RSS " + totalRss + " MiB");
    }

    /**
     * Each service started again on its own while the rest of the stack runs — what a deploy, a crash
     * or a scale-out waits for — twice each (smoke: once), from process start to readiness (the
     * launcher's probe, every 250 ms), judged on the slower.
     */
    void eachAlone() {
        ObjectNode alone = startup.putObject("eachAlone");
        alone.put("method", "LocalStack.restart(service) with the rest of the stack running; seconds from the new "
                + "process's start to its readiness probe answering UP");
        ArrayNode services = alone.putArray("services");
        for (String module : LocalStack.SERVICE_MODULES) {
            ObjectNode entry = services.addObject();
            entry.put("name", module);
            ArrayNode rounds = entry.putArray("healthySeconds");
            double slowest = 0;
            for (int round = 0; round < (smoke ? 1 : 2); round++) {
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
            Console.say(String.format(Locale.ROOT, "%-22s started alone: healthy after %s s", module, rounds));
        }
    }

    /** After the load: each process's memory now and at its peak (VmHWM), and the stack's peak in all. */
    void memoryAfterLoad() {
        ArrayNode processes = (ArrayNode) startup.path("processes");
        long total = 0;
        for (JsonNode node : processes) {
            ObjectNode entry = (ObjectNode) node;
            Optional<ProcessHandle> process = stack.process(entry.get("name").asText());
            process.flatMap(Machine::rssMiB).ifPresent(r -> entry.put("rssMiBAtEnd", r));
            Optional<Long> peak = process.flatMap(Machine::peakRssMiB);
            peak.ifPresent(r -> entry.put("peakRssMiB", r));
            total += peak.orElse(0L);
        }
        startup.put("stackPeakRssMiB", total);
    }

    /**
     * After the measurements: the AppCDS archives the launcher uses from the next start (see infra's
     * ClassDataSharing), made now when a service's jar has none, so the next run's figure 5 has them.
     */
    void prepareFasterStarts() throws Exception {
        ObjectNode node = startup.putObject("appCdsTraining");
        try {
            List<String> trained = stack.prepareFasterStarts().get(smoke ? 8 : 15, TimeUnit.MINUTES);
            node.putPOJO("trainedNow", trained);
            node.put("note", trained.isEmpty() ? "every service already had its archive"
                    : "made at the end of this run: the next run (and ./pledgeworks up) starts these services with them");
        } catch (TimeoutException e) {
            node.put("note", "training did not finish in time; the services without an archive keep their usual start");
        }
    }

    /** From the OS process's start to {@code ready}, when the OS tells the start. */
    private static Optional<Double> healthySeconds(ProcessHandle process, Instant ready) {
        return process.info().startInstant().map(start -> Figures.round(Duration.between(start, ready).toMillis() / 1000.0));
    }
}
