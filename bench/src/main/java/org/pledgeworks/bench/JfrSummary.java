package org.pledgeworks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The short answer of a {@code --jfr} run: per service, the 10 top frames by CPU samples
 * ({@code jdk.ExecutionSample}, the frame on top of each sampled Java stack), and the 10 top frames
 * of this code base ({@code org.pledgeworks}) anywhere on the stack, which says which of our calls
 * the CPU time ends up under. The .jfr files stay for JDK Mission Control or {@code jfr print}.
 */
final class JfrSummary {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PID = Pattern.compile("hotspot-pid-(\\d+)-");

    private JfrSummary() {
    }

    static ObjectNode summarise(Path dir, Map<Long, String> pidToService, Path home) {
        ObjectNode node = JSON.createObjectNode();
        node.put("directory", home.relativize(dir).toString());
        node.put("settings", "profile (ExecutionSample every 10 ms per thread running Java code)");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        } catch (IOException e) {
            node.put("status", "no recordings: " + e.getMessage());
            return node;
        }
        ObjectNode services = node.putObject("services");
        for (Path file : files) {
            Matcher m = PID.matcher(file.getFileName().toString());
            String service = m.find() ? pidToService.getOrDefault(Long.parseLong(m.group(1)), serviceOf(file, m.group(1)))
                    : file.getFileName().toString();
            Path named = file.resolveSibling(service + ".jfr");
            try {
                if (!Files.exists(named)) {
                    Files.move(file, named);
                    file = named;
                }
                services.set(service, topFrames(file, home));
                System.out.println("[bench] JFR " + service + ": " + services.get(service).path("topFrames").path(0));
            } catch (IOException | RuntimeException e) {
                services.putObject(service).put("status", "unreadable: " + e);
            }
        }
        return node;
    }

    /** The service a recording is of, from the JVM's own arguments (-jar .../<module>.jar) in the recording. */
    private static String serviceOf(Path file, String pid) {
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.JVMInformation")) {
                    String arguments = event.getString("javaArguments");
                    if (arguments != null && arguments.contains("ArchiveClassesAtExit")) {
                        return "appcds-training-" + pid; // not a service run
                    }
                    for (String module : org.pledgeworks.infra.LocalStack.SERVICE_MODULES) {
                        if (arguments != null && arguments.contains(module)) {
                            return module;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // named by its pid then
        }
        return "pid-" + pid;
    }

    static ObjectNode topFrames(Path file, Path home) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                top.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                for (RecordedFrame frame : stack.getFrames()) {
                    String name = name(frame);
                    if (name.startsWith("org.pledgeworks.")) {
                        ours.merge(name, 1, Integer::sum);
                        break; // the innermost of ours: what our code was doing
                    }
                }
            }
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("file", home.relativize(file).toString());
        node.put("executionSamples", samples);
        node.set("topFrames", table(top, samples));
        node.set("topOwnFrames", table(ours, samples));
        return node;
    }

    private static ArrayNode table(Map<String, Integer> counts, int samples) {
        ArrayNode rows = JSON.createArrayNode();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> rows.addObject().put("frame", e.getKey()).put("samples", e.getValue())
                        .put("share", samples == 0 ? 0 : Math.round(1000.0 * e.getValue() / samples) / 1000.0));
        return rows;
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    /** {@code java ... JfrSummary file.jfr}: the same table for one recording. */
    public static void main(String[] args) throws IOException {
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                topFrames(Path.of(args[0]).toAbsolutePath(), Path.of("/"))));
    }
}
