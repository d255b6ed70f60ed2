package org.pledgeworks.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stack's logs read for the embedded store failing: H2's own exceptions and the damaged-store check
 * in any process's log (a service sees the server's error in the driver's), and any ERROR or SEVERE
 * line, or an uncaught exception, of the embedded MongoDB itself.
 */
final class StackLogScan {

    private static final Pattern STORE_FAILURE = Pattern.compile(
            "MVStoreException|Chunk \\d+ not found|DamagedStore|File corrupted|MVStore is closed");
    private static final Pattern DATABASE_ERROR = Pattern.compile("\\bERROR\\b|\\bSEVERE\\b|Exception in thread");
    private static final int KEEP = 20;

    private StackLogScan() {
    }

    /** Adds one problem per log with a matching line; the first lines found go into the result. */
    static ObjectNode scan(Path logs, List<String> problems) throws IOException {
        ObjectNode node = RunReport.JSON.createObjectNode();
        node.put("logs", logs.toString());
        ArrayNode lines = node.putArray("lines");
        long matches = 0;
        if (!Files.isDirectory(logs)) {
            problems.add("no logs directory " + logs);
            return node;
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                boolean database = file.getFileName().toString().startsWith("mongodb");
                long inFile = 0;
                String firstLine = null;
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    long number = 0;
                    while ((line = reader.readLine()) != null) {
                        number++;
                        if (STORE_FAILURE.matcher(line).find() || database && DATABASE_ERROR.matcher(line).find()) {
                            inFile++;
                            String where = file.getFileName() + ":" + number + ": "
                                    + (line.length() > 400 ? line.substring(0, 400) + "…" : line);
                            if (firstLine == null) {
                                firstLine = where;
                            }
                            if (lines.size() < KEEP) {
                                lines.add(where);
                            }
                        }
                    }
                } catch (java.nio.charset.MalformedInputException e) {
                    continue; // not text
                }
                if (inFile > 0) {
                    matches += inFile;
                    problems.add(inFile + " store failure or database error lines in " + file.getFileName() + ", first: " + firstLine);
                }
            }
        }
        node.put("matchingLines", matches);
        return node;
    }
}
