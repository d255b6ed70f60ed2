package org.pledgeworks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.pledgeworks.infra.LocalStack;
import org.pledgeworks.infra.StackConfig;

/**
 * The stack under test: infra's {@link LocalStack} (what {@code ./pledgeworks up} runs) on a copy of
 * the service jars, free ports and a fresh data directory; it also notes when each process reported
 * itself ready, which figure 5 measures from.
 */
final class StackLaunch {

    private final Settings settings;
    private final Path home;
    private final Path target;
    private final String runId;
    private final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
    private Path jfrDir;

    StackLaunch(Settings settings, Path home, Path target, String runId) {
        this.settings = settings;
        this.home = home;
        this.target = target;
        this.runId = runId;
    }

    /** The stack, not yet started; the caller starts it and must close it. */
    LocalStack create() throws IOException {
        Path data = Files.createDirectories(target.resolve("stack-data")).resolve(runId);
        StackConfig config = stackConfig(snapshotHome()).withDataDir(data).withFreePorts()
                .withStartTimeout(Duration.ofMinutes(6));
        return new LocalStack(config, this::progress);
    }

    /** When the launcher reported {@code name} ready, if it did. */
    Optional<Instant> readyAt(String name) {
        return Optional.ofNullable(readyAt.get(name));
    }

    /** Where the services' flight recordings go, with --jfr. */
    Optional<Path> jfrDir() {
        return Optional.ofNullable(jfrDir);
    }

    private void progress(String line) {
        System.out.println("[stack] " + line);
        int ready = line.indexOf(" ready after ");
        if (ready > 0) {
            readyAt.putIfAbsent(line.substring(0, ready).trim(), Instant.now());
        }
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
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return snapshot;
    }

    /**
     * The launcher's defaults, except: MONGODB_URI, when set, is an external (empty) MongoDB instead of
     * the embedded server (whose insert rate bounds the fan-out figure); with --jfr every service also
     * records a profile, dumped when the stack stops.
     */
    private StackConfig stackConfig(Path stackHome) throws IOException {
        Map<String, String> env = new HashMap<>();
        Optional.ofNullable(System.getenv("MONGODB_URI")).filter(v -> !v.isBlank()).ifPresent(uri -> {
            env.put("MONGODB_URI", uri);
            Console.say("MongoDB: the external " + uri + " (it must be empty: the counts assume a fresh stack)");
        });
        if (settings.jfr()) {
            jfrDir = Files.createDirectories(target.resolve("jfr").resolve(runId));
            // a directory as filename: each JVM writes hotspot-pid-<pid>-...jfr there; the pid names the service
            env.put(StackConfig.JAVA_OPTS, String.join(" ", StackConfig.DEFAULT_SERVICE_JAVA_OPTIONS)
                    + " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfrDir.toAbsolutePath() + "/");
            Console.say("JFR: every service records (settings=profile) into " + home.relativize(jfrDir));
        }
        return env.isEmpty() ? StackConfig.defaults(stackHome) : StackConfig.fromEnvironment(env, stackHome);
    }
}
