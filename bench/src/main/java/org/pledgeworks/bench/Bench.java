package org.pledgeworks.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.pledgeworks.infra.Endpoints;
import org.pledgeworks.infra.LocalStack;
import org.pledgeworks.infra.StackConfig;

/**
 * One benchmark run: starts the stack on free ports and a fresh data directory (exactly as
 * {@code ./pledgeworks up} would, through infra's {@link LocalStack}), then measures in order:
 * start-up and memory, the gateway baseline, signing (ramp, then steady at 80%), pledge to mail at
 * 50%, a spike, fan-out (a quick run: fan-out, then signing; a soak: {@link SoakStep}, and its checks
 * once the stack has stopped); writes {@code bench/results/<date>.json} and stops the stack. Each step is a class of its own ({@code *Step}); this one only orders them and
 * always stops what it started. Usage: see bench/run.
 */
public final class Bench {

    private final Settings settings;
    private final Path home;
    private final Path target;
    private final CpuMeter cpu = new CpuMeter();
    private final RunReport report;

    private Bench(Settings settings, Path home) {
        this.settings = settings;
        this.home = home;
        this.target = home.resolve("bench").resolve("target");
        this.report = new RunReport(home);
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
        report.describe(settings, cpu, began);
        LoadRun load = new LoadRun(Files.createDirectories(target.resolve("gatling")), cpu);
        ProviderFake provider = FanOutStep.startProvider();
        StackLaunch launch = new StackLaunch(settings, home, target, report.runId());
        LocalStack stack = launch.create();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stop-stack"));
        InboxDrain drain = new InboxDrain();
        Map<Long, String> pidToService = new ConcurrentHashMap<>();
        int status = 0;
        SoakStep soak = null;
        try {
            Endpoints endpoints = stack.start();
            boolean smoke = settings.mode().equals("smoke");
            boolean quick = settings.mode().equals("quick");
            boolean soaking = settings.mode().equals("soak");
            StartupStep startup = new StartupStep(report, stack, launch, smoke);
            startup.stackStart(endpoints);
            if (!quick && !soaking) {
                startup.eachAlone();
            }
            for (String module : LocalStack.SERVICE_MODULES) {
                stack.process(module).ifPresent(p -> pidToService.put(p.pid(), module));
            }
            StackHttp http = new StackHttp(endpoints.web());
            awaitDemoCampaign(http);
            if (soaking) {
                // the soak follows the inbox mail by mail; the drain would empty it under it
                soak = new SoakStep(settings, report, endpoints, http, provider, () -> stack.process(LocalStack.MONGODB));
                soak.run();
                startup.memoryAfterLoad();
            } else {
                drain.start(http, endpoints.inboxApi().orElseThrow());
                Ramp ramp = new Ramp(settings, report);
                SignLoad sign = new SignLoad(load, http.base(), report.runId(), endpoints.mongoUri(),
                        endpoints.kafkaBootstrapServers());
                FanOutStep fanOut = new FanOutStep(settings, report, endpoints, http.base(),
                        () -> stack.process(LocalStack.NOTIFICATION_SERVICE), () -> stack.process(LocalStack.MONGODB), provider);
                if (quick) {
                    // the fan-out first, on the fresh stack: after the ramp's ~30,000 pledges and their mails it would
                    // measure a larger database than the fan-out-only runs it is compared with (run 22: 3,810/s
                    // after 55,000 pledges against 4,335-4,550/s fresh)
                    fanOut.measure();
                    if (!settings.fanOutOnly()) {
                        new SigningStep(settings, report, ramp, sign).measure(-1);
                    }
                } else {
                    if (!settings.fanOutOnly()) {
                        double gatewayMax = new GatewayBaselineStep(settings, report, ramp, load, http).measure();
                        double signMax = new SigningStep(settings, report, ramp, sign).measure(gatewayMax);
                        new PledgeToMailStep(settings, report, sign, endpoints, http, drain).measure(signMax);
                        new SpikeStep(report, sign, smoke).measure(signMax);
                    }
                    fanOut.measure();
                }
                startup.memoryAfterLoad();
                if (!quick) {
                    startup.prepareFasterStarts();
                }
            }
        } catch (Exception e) {
            status = 1;
            report.root().put("failure", e.toString());
            System.err.println("bench: failed: " + e);
            e.printStackTrace();
        } finally {
            drain.stop();
            stack.close();
            if (soak != null && !soak.afterStop(home)) {
                status = 1;
            }
            if (provider != null) {
                provider.close();
            }
            launch.jfrDir().ifPresent(dir -> report.root().set("jfr", JfrSummary.summarise(dir, pidToService, home)));
            report.root().put("durationSeconds", Duration.between(began, Instant.now()).toSeconds());
            Path out = report.write(settings.mode());
            Console.say("results written to " + home.relativize(out) + "; Gatling reports under bench/target/gatling/");
        }
        return status;
    }

    /** The demo campaign reaches pledge-service by an event after the stack is up; signing before that is refused. */
    private static void awaitDemoCampaign(StackHttp http) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (http.status("/api/campaigns/" + SignSimulation.SLUG + "/count") == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the demo campaign did not reach pledge-service within 120 s");
    }
}
