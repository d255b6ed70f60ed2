package org.pledgeworks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pledgeworks.infra.Endpoints;

/**
 * Issue 24's soak: the embedded store under an hour (by default) of mixed load, the way run 9 lost it.
 * Throughout, signing through the gateway at {@link #SIGN_RATE}/s, each pledge confirmed from its mail
 * ({@link SoakSigning}, {@link SoakConfirmations}) and a public read every fifth tick; in cycles until
 * the time is up, {@link #BATCH} new subscribers by insertMany and a fan-out to them
 * ({@link SoakFanOut}). Then the checks ({@link SoakChecks}), and once the stack has stopped its logs
 * ({@link StackLogScan}) and the store opened again ({@link StoreIntegrity}). Every problem found fails
 * the run and is listed in the results' {@code soak.problems}.
 */
final class SoakStep {

    static final double SIGN_RATE = 25;
    static final int BATCH = 25_000;

    private final Settings settings;
    private final RunReport report;
    private final Endpoints endpoints;
    private final StackHttp http;
    private final ProviderFake fake;
    private final Supplier<Optional<ProcessHandle>> mongoProcess;
    private final List<String> problems = new ArrayList<>();
    private ObjectNode node;

    SoakStep(Settings settings, RunReport report, Endpoints endpoints, StackHttp http, ProviderFake fake,
            Supplier<Optional<ProcessHandle>> mongoProcess) {
        this.settings = settings;
        this.report = report;
        this.endpoints = endpoints;
        this.http = http;
        this.fake = fake;
        this.mongoProcess = mongoProcess;
    }

    /** The load and the checks that need the stack running; problems are kept for {@link #afterStop}. */
    void run() throws Exception {
        node = report.root().putObject("soak");
        Duration length = settings.steady();
        node.put("minutes", length.toMinutes());
        node.put("signingPerSecond", SIGN_RATE);
        node.put("subscribersPerCycle", BATCH);
        if (fake == null) {
            throw new IllegalStateException("no provider fake: run the soak through bench/run, which sets MAIL_BULK_TRANSPORT=http");
        }
        Console.say(String.format(Locale.ROOT, "soak: %d min of signing at %.0f/s with confirmations, %,d subscribers and a"
                + " fan-out a cycle", length.toMinutes(), SIGN_RATE, BATCH));
        SoakSigning signing = new SoakSigning(http.base(), report.runId());
        SoakConfirmations confirmations = new SoakConfirmations(endpoints.inboxApi().orElseThrow(), http.base(), signing);
        SoakFanOut fanOut = new SoakFanOut(endpoints.mongoUri(), endpoints.kafkaBootstrapServers(), http.base(), fake, BATCH);
        ArrayNode cycles = node.putArray("cycles");
        Instant began = Instant.now();
        Instant end = began.plus(length);
        try (signing; confirmations) {
            signing.start(SIGN_RATE);
            confirmations.start();
            try {
                for (int n = 0; Instant.now().isBefore(end); n++) {
                    ObjectNode cycle = cycles.addObject();
                    cycle.put("cycle", n);
                    cycle.put("atSecond", Duration.between(began, Instant.now()).toSeconds());
                    boolean complete = fanOut.cycle(n, cycle);
                    sample(cycle, signing, confirmations);
                    Console.say(String.format(Locale.ROOT, "    cycle %d at %d s: seeded %,d in %.0f s, fan-out %,d/%,d in %.0f s;"
                            + " pledges %,d accepted, %,d confirmed; MongoDB RSS %d MiB, store %d MiB", n,
                            cycle.get("atSecond").asLong(), cycle.get("seeded").asLong(), cycle.get("seedingSeconds").asDouble(),
                            cycle.get("fanOutAccepted").asLong(), cycle.get("fanOutSubscribers").asLong(),
                            cycle.get("fanOutSeconds").asDouble(), signing.acceptedCount(), confirmations.confirmed().size(),
                            cycle.path("mongoRssMiB").asLong(-1), cycle.path("storeMiB").asLong(-1)));
                    if (!complete) {
                        problems.add("cycle " + n + "'s fan-out stalled: no mail accepted for 3 minutes");
                        break;
                    }
                }
            } catch (Exception e) {
                // the store failing shows here first (the insertMany): keep it, still run every check
                problems.add("a cycle failed: " + e);
                node.put("failure", e.toString());
                Console.say("    soak: a cycle failed: " + e);
            }
            node.put("loadSeconds", Duration.between(began, Instant.now()).toSeconds());
            node.put("cyclesRun", cycles.size());
            signing.stop();
            Console.say("    soak: signing stopped; waiting for the last verification mails (at most 10 min)");
            SoakChecks.settle(confirmations, signing, Duration.ofMinutes(10));
            node.set("signing", signing.figures());
            node.set("confirmations", confirmations.figures());
            try {
                node.set("pledges", new SoakChecks(endpoints.mongoUri(), http).pledges(signing.accepted(),
                        confirmations.confirmed(), confirmations.unanswered(), problems));
            } catch (RuntimeException e) {
                problems.add("the pledges could not be checked: " + e);
            }
        }
        node.set("fanOut", fanOut.judge(problems));
    }

    /**
     * With the stack stopped: its logs, and the store opened again. Writes the problems and the verdict
     * into the results; true when the soak found none.
     */
    boolean afterStop(Path home) {
        if (node == null) {
            node = report.root().putObject("soak");
        }
        try {
            node.set("logs", StackLogScan.scan(endpoints.logsDir(), problems));
            Path store = endpoints.dataDir().resolve("mongo").resolve("pledgeworks.mv.db");
            Console.say("    soak: re-opening " + home.relativize(store) + " with the embedded server's start-up check");
            node.set("storeCheck", StoreIntegrity.check(home, store, endpoints.logsDir().resolve("store-check.log"),
                    Duration.ofMinutes(20), problems));
        } catch (IOException e) {
            problems.add("the checks after the stop failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted during the checks after the stop");
        }
        ArrayNode list = node.putArray("problems");
        problems.forEach(list::add);
        node.put("passed", problems.isEmpty());
        if (problems.isEmpty()) {
            Console.say("soak: passed, no problem found");
        } else {
            Console.say("soak: FAILED, " + problems.size() + " problem(s):");
            problems.forEach(p -> Console.say("    - " + p));
        }
        return problems.isEmpty();
    }

    private void sample(ObjectNode cycle, SoakSigning signing, SoakConfirmations confirmations) {
        cycle.put("pledgesAccepted", signing.acceptedCount());
        cycle.put("pledgeErrors", signing.errors());
        cycle.put("confirmed", confirmations.confirmed().size());
        mongoProcess.get().flatMap(Machine::rssMiB).ifPresent(r -> cycle.put("mongoRssMiB", r));
        try {
            cycle.put("storeMiB", Files.size(endpoints.dataDir().resolve("mongo").resolve("pledgeworks.mv.db")) / (1024 * 1024));
        } catch (IOException e) {
            // an external MongoDB: no file
        }
        cycle.put("machineLoadAverage", Machine.loadAverage());
    }
}
