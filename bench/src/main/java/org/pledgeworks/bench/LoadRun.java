package org.pledgeworks.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation inside this JVM and reads its figures back from the report Gatling
 * writes (the statistics table of its index.html); the HTML report stays under {@code bench/target/gatling}.
 */
final class LoadRun {

    private final Path resultsFolder;
    private final CpuMeter cpu;

    LoadRun(Path resultsFolder, CpuMeter cpu) {
        this.resultsFolder = resultsFolder;
        this.cpu = cpu;
        // percentiles the reports and stats.json carry; a request that takes 10 s has failed
        System.setProperty("gatling.charting.indicators.percentile1", "50");
        System.setProperty("gatling.charting.indicators.percentile2", "95");
        System.setProperty("gatling.charting.indicators.percentile3", "99");
        System.setProperty("gatling.charting.indicators.percentile4", "99.9");
        System.setProperty("gatling.http.requestTimeout", "10000");
        System.setProperty("gatling.data.console.light", "true");
        // loopback only: no warm-up request to gatling.io, no usage analytics
        System.setProperty("gatling.http.warmUpUrl", "");
        System.setProperty("gatling.data.enableAnalytics", "false");
    }

    Result run(Class<?> simulation, LoadParameters parameters, String description) {
        parameters.publish();
        CpuMeter.Sample before = cpu.sample();
        long started = System.nanoTime();
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", simulation.getName(),
                "--results-folder", resultsFolder.toString(),
                "--run-description", description,
                "--launcher", "bench" });
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Usage usage = cpu.since(before);
        Path report = latestReport().orElseThrow(() -> new IllegalStateException("Gatling wrote no report (status " + status + ")"));
        return Result.read(report, parameters.rate(), seconds, usage);
    }

    private Optional<Path> latestReport() {
        try (Stream<Path> dirs = Files.list(resultsFolder)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("index.html")))
                    .max(Comparator.comparing(dir -> dir.toFile().lastModified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The figures of one run. Latencies are Gatling's response times in milliseconds; {@code ok} are
     * answers that passed the status check, {@code ko} the rest (wrong status, timeouts, resets).
     */
    record Result(double targetRate, long requests, long ok, long ko, double achievedRate, long p50, long p95,
            long p99, long p999, long max, double mean, double wallSeconds, CpuMeter.Usage cpu, Path report) {

        /**
         * Gatling 3.14 writes no stats.json any more; the figures are in the report's statistics
         * table: the row {@code ROOT} ("All Requests"), columns by the headers checked below.
         */
        static Result read(Path report, double targetRate, double wallSeconds, CpuMeter.Usage cpu) {
            try {
                String html = Files.readString(report.resolve("index.html"));
                for (String header : new String[] { "col-8\" class=\"header sortable\"><span>50th pct",
                        "col-9\" class=\"header sortable\"><span>95th pct", "col-10\" class=\"header sortable\"><span>99th pct",
                        "col-11\" class=\"header sortable\"><span>99.9th pct" }) {
                    if (!html.contains(header)) {
                        throw new IllegalStateException("unexpected Gatling report layout in " + report + ": no " + header);
                    }
                }
                String root = html.substring(html.indexOf("<tr id=\"ROOT\""));
                root = root.substring(0, root.indexOf("</tr>"));
                Map<Integer, String> cells = new HashMap<>();
                Matcher cell = CELL.matcher(root);
                while (cell.find()) {
                    cells.putIfAbsent(Integer.parseInt(cell.group(1)), cell.group(2).trim().replace(",", ""));
                }
                return new Result(targetRate, longOf(cells, 2), longOf(cells, 3), longOf(cells, 4),
                        doubleOf(cells, 6), longOf(cells, 8), longOf(cells, 9), longOf(cells, 10), longOf(cells, 11),
                        longOf(cells, 12), doubleOf(cells, 13), wallSeconds, cpu, report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static final Pattern CELL = Pattern.compile("<td class=\"value (?:total|ok|ko) col-(\\d+)\">([^<]*)</td>");

        private static long longOf(Map<Integer, String> cells, int column) {
            String v = cells.getOrDefault(column, "-");
            return v.equals("-") ? 0 : Math.round(Double.parseDouble(v));
        }

        private static double doubleOf(Map<Integer, String> cells, int column) {
            String v = cells.getOrDefault(column, "-");
            return v.equals("-") ? 0 : Double.parseDouble(v);
        }

        /** Sustainable: no errors and p99 within the bound. */
        boolean sustainable(long p99BoundMillis) {
            return requests > 0 && ko == 0 && p99 <= p99BoundMillis;
        }
    }
}
