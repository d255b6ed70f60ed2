package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aTakenPortStopsTheLauncherWithOneLineAndExitCodeTwo() throws Exception {
        Files.createDirectories(home.resolve("infra/target/lib"));
        try (ServerSocket taken = PortCheckTest.listening()) {
            Map<String, String> env = freePorts();
            env.put("PLEDGEWORKS_KAFKA_PORT", Integer.toString(taken.getLocalPort()));

            int exit = run(env, "up", "--infra-only");

            assertThat(exit).isEqualTo(2);
            assertThat(err()).isEqualTo("port " + taken.getLocalPort()
                    + " for kafka is already in use — stop what uses it or set PLEDGEWORKS_KAFKA_PORT\n");
            assertThat(out()).isEmpty();
            assertThat(home.resolve("data/run/launcher.pid")).doesNotExist();
        }
    }

    @Test
    void missingJarsAreNamedBeforeAnythingStarts() throws Exception {
        Files.createDirectories(home.resolve("infra/target/lib"));
        Files.writeString(home.resolve("infra/target/infra.jar"), "infra's build: the launcher watch's agent");
        Files.createDirectories(home.resolve("gateway/target"));
        Files.writeString(home.resolve("gateway/target/gateway.jar"), "not really a jar");

        int exit = run(freePorts(), "up");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).startsWith("not built yet: ")
                .contains("campaign-service/target/campaign-service.jar", "pledge-service/target/pledge-service.jar",
                        "notification-service/target/notification-service.jar", "--infra-only")
                .doesNotContain("gateway.jar")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingInfraJarIsNamed() throws Exception {
        Files.createDirectories(home.resolve("infra/target/lib"));

        int exit = run(freePorts(), "up", "--infra-only");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).startsWith("not built yet: ").contains("infra/target/infra.jar").doesNotContain("Exception");
        assertThat(home.resolve("data/logs/mongodb.log")).doesNotExist();
    }

    @Test
    void aBadSettingIsNamed() {
        int exit = run(Map.of("PLEDGEWORKS_GATEWAY_PORT", "eighty"), "up");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).isEqualTo("PLEDGEWORKS_GATEWAY_PORT must be a port number from 1 to 65535, not 'eighty'\n");
    }

    @Test
    void helpListsTheCommandsAndSettings() {
        assertThat(run(Map.of(), "help")).isZero();
        assertThat(out()).contains("up --infra-only", "PLEDGEWORKS_KAFKA_PORT", "MONGODB_URI", "SMTP_HOST");
    }

    @Test
    void anUnknownCommandOrOptionIsRefused() {
        assertThat(run(Map.of(), "down")).isEqualTo(2);
        assertThat(err()).startsWith("unknown command 'down'");
        assertThat(run(Map.of(), "up", "--fast")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--fast'");
    }

    @Test
    void theTableShowsThePageAndTheInboxFirst() {
        StackConfig config = StackConfig.defaults(Path.of("/srv/pw"));
        Endpoints endpoints = new Endpoints(URI.create("http://127.0.0.1:8080/"), URI.create("http://127.0.0.1:8080/api/campaigns"),
                URI.create("http://127.0.0.1:8081/"), URI.create("http://127.0.0.1:8082/"), URI.create("http://127.0.0.1:8083/"),
                Optional.of(URI.create("http://127.0.0.1:8025/")), "127.0.0.1", 2525, "127.0.0.1:9092",
                "mongodb://127.0.0.1:27017", Path.of("/srv/pw/data/logs"), Path.of("/srv/pw/data"), Duration.ofMillis(23_456),
                true);

        List<String> lines = Launcher.table(endpoints, config).lines().filter(line -> line.startsWith("  ")).skip(1).toList();

        assertThat(lines).extracting(line -> line.trim().split("\\s{2,}")[0]).containsExactly("web page", "dev inbox", "staff console", "API",
                "campaign-service", "pledge-service", "notification-service", "Kafka bootstrap", "MongoDB", "logs", "data");
        assertThat(lines.get(0)).endsWith("http://127.0.0.1:8080/");
        assertThat(lines.get(1)).contains("http://127.0.0.1:8025/", "SMTP 127.0.0.1:2525");
        assertThat(lines.get(2)).contains("http://127.0.0.1:8080/staff/");
        assertThat(Launcher.table(endpoints, config)).startsWith("\n  Pledgeworks is running (started in 23.5 s)\n\n")
                .contains("Ctrl-C stops everything");
    }

    @Test
    void theTableTellsTheFirstAdminsOneTimePassword(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        java.nio.file.Files.createDirectories(data.resolve("secrets"));
        java.nio.file.Files.writeString(data.resolve("secrets").resolve("first-admin.txt"),
                "email=admin@pledgeworks.local\npassword=correct-horse\n");

        String shown = Launcher.firstAdmin(StackConfig.defaults(Path.of("/srv/pw")).withDataDir(data));

        assertThat(shown).contains("admin@pledgeworks.local / correct-horse");
        assertThat(Launcher.firstAdmin(StackConfig.defaults(Path.of("/srv/pw")).withDataDir(data.resolve("none")))).isEmpty();
    }

    @Test
    void theTableNeverShowsADatabasePassword() {
        StackConfig config = StackConfig.fromEnvironment(Map.of("MONGODB_URI", "mongodb://app:s3cret@db:27017"), Path.of("/srv/pw"))
                .withInfraOnly(true);
        Endpoints endpoints = new Endpoints(URI.create("http://127.0.0.1:8080/"), URI.create("http://127.0.0.1:8080/api/campaigns"),
                URI.create("http://127.0.0.1:8081/"), URI.create("http://127.0.0.1:8082/"), URI.create("http://127.0.0.1:8083/"),
                Optional.of(URI.create("http://127.0.0.1:8025/")), "127.0.0.1", 2525, "127.0.0.1:9092",
                "mongodb://app:s3cret@db:27017", Path.of("/srv/pw/data/logs"), Path.of("/srv/pw/data"), Duration.ofSeconds(5),
                false);

        String table = Launcher.table(endpoints, config);

        assertThat(table).contains("mongodb://app:***@db:27017 (external)", "--infra-only").doesNotContain("s3cret", "web page");
    }

    private Map<String, String> freePorts() {
        Ports ports = Ports.free();
        Map<String, String> env = new HashMap<>();
        env.put("PLEDGEWORKS_GATEWAY_PORT", Integer.toString(ports.gateway()));
        env.put("PLEDGEWORKS_CAMPAIGN_PORT", Integer.toString(ports.campaign()));
        env.put("PLEDGEWORKS_PLEDGE_PORT", Integer.toString(ports.pledge()));
        env.put("PLEDGEWORKS_NOTIFICATION_PORT", Integer.toString(ports.notification()));
        env.put("PLEDGEWORKS_KAFKA_PORT", Integer.toString(ports.kafka()));
        env.put("PLEDGEWORKS_KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaController()));
        env.put("PLEDGEWORKS_MONGO_PORT", Integer.toString(ports.mongo()));
        env.put("PLEDGEWORKS_SMTP_PORT", Integer.toString(ports.smtp()));
        env.put("PLEDGEWORKS_INBOX_PORT", Integer.toString(ports.inbox()));
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return Launcher.run(args, env, home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
