package org.pledgeworks.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pledgeworks.infra.process.ManagedProcess;

/**
 * What is checked before anything starts, so that a taken port or a missing build is one clear line
 * rather than a half-started stack.
 */
final class StartChecks {

    private StartChecks() {
    }

    /** @throws ConfigException when the data directory cannot be written */
    static void createLogsDir(StackConfig config) {
        try {
            Files.createDirectories(config.logsDir());
        } catch (IOException e) {
            throw new ConfigException("cannot create " + ManagedProcess.display(config.logsDir()) + ": " + e.getMessage());
        }
    }

    /**
     * Run after a killed launcher's leftovers were stopped (they may hold the ports).
     *
     * @throws PortInUseException when a port is taken
     * @throws ConfigException    when something is not built
     */
    static void require(StackConfig config) {
        PortCheck.requireFree(config.portClaims());
        if (!Files.isRegularFile(config.launcherWatchAgent())) {
            throw notBuilt(ManagedProcess.display(config.launcherWatchAgent()),
                    " — run ./mvnw -q -pl infra -DskipTests package (./pledgeworks up does this for you)");
        }
        boolean startsOwnInfrastructure = config.mongoUri().isEmpty() || config.smtp().isEmpty()
                || config.kafkaBootstrapServers().isEmpty();
        Path lib = config.home().resolve("infra/target/lib");
        if (startsOwnInfrastructure && !Files.isDirectory(lib)) {
            throw notBuilt(ManagedProcess.display(lib),
                    " — run ./mvnw -q -pl infra -DskipTests package (./pledgeworks up does this for you)");
        }
        if (!config.infraOnly()) {
            List<String> missing = config.startedServices().stream()
                    .map(config::jar)
                    .filter(jar -> !Files.isRegularFile(jar))
                    .map(ManagedProcess::display)
                    .toList();
            if (!missing.isEmpty()) {
                throw notBuilt(String.join(", ", missing),
                        " — run ./mvnw -DskipTests package (./pledgeworks up does this for you),"
                                + " or start only Kafka, MongoDB and the mail catcher with --infra-only");
            }
        }
    }

    private static ConfigException notBuilt(String what, String remedy) {
        return new ConfigException("not built yet: " + what + remedy);
    }
}
