package org.pledgeworks.infra.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one child process. The environment is added to the launcher's own, so settings the
 * developer exported (MAIL_FROM, provider keys, ...) reach the services unchanged.
 */
public record ProcessSpec(String name, List<String> command, Map<String, String> environment,
        Path workingDirectory, Path logFile) {

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
