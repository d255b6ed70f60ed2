package org.pledgeworks.infra.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The java executable and class path that the launcher's own children (broker, MongoDB server,
 * mail catcher) run with: the same JDK as the launcher, and infra's classes plus target/lib.
 */
public record JavaCommand(Path java, String classpath) {

    /** The JDK running this code, so children never pick up a different java from PATH. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public List<String> mainClass(List<String> jvmOptions, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    /** {@code java <options> -jar <jar>} with the launcher's own JDK, for the services' fat jars. */
    public static List<String> jar(List<String> jvmOptions, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(currentJava().toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
