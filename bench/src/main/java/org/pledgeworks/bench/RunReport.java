package org.pledgeworks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The run's results file, {@code bench/results/<run>-<mode>.json}: what ran on which machine, then
 * one section per step in the order the steps ran. Steps add their sections; this class writes it.
 */
final class RunReport {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path home;
    private final ObjectNode root = JSON.createObjectNode();
    private final String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());

    RunReport(Path home) {
        this.home = home;
    }

    String runId() {
        return runId;
    }

    ObjectNode root() {
        return root;
    }

    /** A path as the results file names it: relative to the repository. */
    String relative(Path path) {
        return home.relativize(path).toString();
    }

    /** The run's context first: the command, the machine and the method, so that a figure is never read without them. */
    void describe(Settings settings, CpuMeter cpu, Instant began) {
        root.put("run", runId);
        root.put("startedAt", began.toString());
        root.put("mode", settings.mode());
        root.put("command", settings.mode().equals("soak") ? "bench/run --soak --minutes " + settings.steady().toMinutes()
                : "bench/run " + switch (settings.mode()) {
            case "smoke" -> "--smoke";
            case "quick" -> "--quick";
            default -> "--full --minutes " + settings.steady().toMinutes();
        } + " --fanout-max " + Arrays.stream(settings.fanOutSizes()).max().orElse(0)
                + " --fanout-minutes " + settings.fanOutBound().toMinutes() + (settings.fanOutOnly() ? " --fanout-only" : "")
                + (settings.jfr() ? " --jfr" : "") + " --sign-start " + Math.round(settings.signStartRate()));
        root.put("note", switch (settings.mode()) {
            case "smoke" -> "smoke run: proves the harness end to end; short steps, not a measurement";
            case "quick" -> "quick run: fan-out first, then signing's ramp and one steady minute; no gateway baseline,"
                    + " mail run, spike, second start-up or AppCDS training";
            case "soak" -> "soak run (issue 24): mixed load for the minutes given, then checks; fails on any problem found";
            default -> "full run";
        });
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", cpu.cores());
        machine.put("cpu", Machine.cpuModel());
        machine.put("memoryMiB", Machine.memoryMiB());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("loadAverageAtStart", Machine.loadAverage());
        ObjectNode method = root.putObject("method");
        method.put("ramp", "open model (constant arrival rate), steps of " + settings.stepDuration().toSeconds()
                + " s, each step x" + settings.factor() + ", at most " + settings.maxSteps() + " steps");
        method.put("sustainable", "zero errors and p99 <= " + settings.p99BoundMillis() + " ms; the maximum is the highest sustainable step");
        method.put("latency", "Gatling response time in ms, measured by the load generator on the same machine");
        Console.say("Pledgeworks benchmark, " + settings.mode() + " mode, " + cpu.cores() + " cores, "
                + System.getProperty("java.runtime.version") + ", load average " + Machine.loadAverage());
        if (System.getenv("PLEDGEWORKS_RATE_LIMIT_SIGNING") == null) {
            Console.say("warning: PLEDGEWORKS_RATE_LIMIT_SIGNING is not set: the gateway's per-client limit will refuse most"
                    + " signatures (bench/run sets it)");
        }
    }

    /** One load step's figures, as every ramp step, steady run and mail run reports them. */
    ObjectNode figures(LoadRun.Result r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("targetRate", r.targetRate());
        n.put("achievedRate", Figures.round(r.achievedRate()));
        n.put("requests", r.requests());
        n.put("ok", r.ok());
        n.put("errors", r.ko());
        n.put("p50Millis", r.p50());
        n.put("p95Millis", r.p95());
        n.put("p99Millis", r.p99());
        n.put("p999Millis", r.p999());
        n.put("maxMillis", r.max());
        n.put("loadGeneratorCpuShare", Figures.round(r.cpu().generatorShare()));
        n.put("machineCpuBusy", Figures.round(r.cpu().machineBusy()));
        n.put("gatlingReport", relative(r.report()));
        return n;
    }

    Path write(String mode) throws IOException {
        Path dir = Files.createDirectories(home.resolve("bench").resolve("results"));
        Path file = dir.resolve(runId + "-" + mode + ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }
}
