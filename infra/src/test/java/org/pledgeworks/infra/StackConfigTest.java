package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static final Path HOME = Path.of("/opt/pledgeworks");

    @Test
    void withNothingSetEverythingRunsLocallyOnTheDocumentedPorts() {
        StackConfig config = StackConfig.fromEnvironment(Map.of(), HOME);

        assertThat(config.ports()).isEqualTo(new Ports(8080, 8081, 8082, 8083, 9092, 9093, 27017, 2525, 8025, 9080));
        assertThat(config.dataDir()).isEqualTo(Path.of("/opt/pledgeworks/data"));
        assertThat(config.logFile("kafka")).isEqualTo(Path.of("/opt/pledgeworks/data/logs/kafka.log"));
        assertThat(config.kafkaBootstrapServers()).isEmpty();
        assertThat(config.mongoUri()).isEmpty();
        assertThat(config.smtp()).isEmpty();
        assertThat(config.serviceJavaOptions()).contains("-Xmx256m", "-Dspring.aot.enabled=true").noneMatch(option -> option.contains("TieredStopAtLevel"));
        assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.jar("pledge-service")).isEqualTo(Path.of("/opt/pledgeworks/pledge-service/target/pledge-service.jar"));
        assertThat(config.portClaims()).extracting(PortClaim::port)
                .containsExactly(27017, 2525, 8025, 9092, 9093, 8081, 8082, 8083, 8080, 9080);
    }

    @Test
    void portsAndDirectoriesFollowTheVariables() {
        StackConfig config = StackConfig.fromEnvironment(Map.of(
                "PLEDGEWORKS_GATEWAY_PORT", "18080",
                "PLEDGEWORKS_KAFKA_PORT", "19092",
                "PLEDGEWORKS_KAFKA_CONTROLLER_PORT", "19093",
                "PLEDGEWORKS_INBOX_PORT", " 18025 ",
                "PLEDGEWORKS_DATA_DIR", "tmp/stack",
                "PLEDGEWORKS_JAVA_OPTS", "  -Xmx200m   -XX:+UseSerialGC ",
                "PLEDGEWORKS_START_TIMEOUT", "30"), HOME);

        assertThat(config.ports().gateway()).isEqualTo(18080);
        assertThat(config.ports().kafka()).isEqualTo(19092);
        assertThat(config.ports().kafkaController()).isEqualTo(19093);
        assertThat(config.ports().inbox()).isEqualTo(18025);
        assertThat(config.ports().pledge()).isEqualTo(8082);
        assertThat(config.dataDir()).isEqualTo(Path.of("/opt/pledgeworks/tmp/stack"));
        assertThat(config.serviceJavaOptions()).containsExactly("-Xmx200m", "-XX:+UseSerialGC");
        assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anAbsoluteDataDirStaysWhereItIs() {
        StackConfig config = StackConfig.fromEnvironment(Map.of("PLEDGEWORKS_DATA_DIR", "/var/tmp/pw"), HOME);

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/tmp/pw"));
    }

    @Test
    void externalServersReplaceTheLocalOnesAndBindNoPorts() {
        StackConfig config = StackConfig.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "MONGODB_URI", "mongodb://app:secret@db-1,db-2/?replicaSet=rs0",
                "SMTP_HOST", "smtp.example.org",
                "SMTP_USERNAME", "mailer",
                "SMTP_PASSWORD", "hunter2"), HOME);

        assertThat(config.kafkaBootstrapServers()).contains("kafka-1:9092,kafka-2:9092");
        assertThat(config.mongoUri()).contains("mongodb://app:secret@db-1,db-2/?replicaSet=rs0");
        assertThat(config.smtp()).hasValueSatisfying(smtp -> {
            assertThat(smtp.host()).isEqualTo("smtp.example.org");
            assertThat(smtp.port()).isEqualTo(25);
            assertThat(smtp.username()).contains("mailer");
            assertThat(smtp.password()).contains("hunter2");
        });
        assertThat(config.portClaims()).extracting(PortClaim::what)
                .containsExactly("campaign-service", "pledge-service", "notification-service", "the gateway",
                        "the gateway's management port");
    }

    @Test
    void blankVariablesCountAsUnset() {
        StackConfig config = StackConfig.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", " ", "PLEDGEWORKS_MONGO_PORT", ""),
                HOME);

        assertThat(config.kafkaBootstrapServers()).isEmpty();
        assertThat(config.ports().mongo()).isEqualTo(27017);
    }

    @Test
    void extraServiceOptionsComeAfterTheDefaultsSoTheirSystemPropertiesWin() {
        StackConfig config = StackConfig.defaults(HOME)
                .withServiceJavaOptions(List.of("-Dspring.mongodb.uri=mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=5000"));

        assertThat(config.serviceJavaOptions()).hasSize(StackConfig.DEFAULT_SERVICE_JAVA_OPTIONS.size() + 1)
                .startsWith(StackConfig.DEFAULT_SERVICE_JAVA_OPTIONS.toArray(String[]::new))
                .endsWith("-Dspring.mongodb.uri=mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=5000");
        assertThat(config.kafkaJavaOptions()).isEqualTo(StackConfig.DEFAULT_KAFKA_JAVA_OPTIONS);
    }

    @Test
    void infraOnlyClaimsNoServicePorts() {
        StackConfig config = StackConfig.defaults(HOME).withInfraOnly(true);

        assertThat(config.portClaims()).extracting(PortClaim::variable).containsExactly(
                "PLEDGEWORKS_MONGO_PORT", "PLEDGEWORKS_SMTP_PORT", "PLEDGEWORKS_INBOX_PORT",
                "PLEDGEWORKS_KAFKA_PORT", "PLEDGEWORKS_KAFKA_CONTROLLER_PORT");
    }

    @Test
    void aPortThatIsNoPortIsRefusedByName() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("PLEDGEWORKS_KAFKA_PORT", "kafka"), HOME))
                .isInstanceOf(ConfigException.class)
                .hasMessage("PLEDGEWORKS_KAFKA_PORT must be a port number from 1 to 65535, not 'kafka'");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("PLEDGEWORKS_MONGO_PORT", "70000"), HOME))
                .hasMessageContaining("PLEDGEWORKS_MONGO_PORT");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("PLEDGEWORKS_START_TIMEOUT", "soon"), HOME))
                .hasMessageContaining("PLEDGEWORKS_START_TIMEOUT");
    }

    @Test
    void homeIsFoundFromTheInfraModuleToo() {
        assertThat(StackConfig.findHome().resolve("infra").resolve("pom.xml")).isRegularFile();
    }

    @Test
    void freePortsAreDistinct() {
        Ports ports = StackConfig.defaults(HOME).withFreePorts().ports();

        assertThat(java.util.List.of(ports.gateway(), ports.campaign(), ports.pledge(), ports.notification(), ports.kafka(),
                ports.kafkaController(), ports.mongo(), ports.smtp(), ports.inbox(), ports.management()))
                .doesNotHaveDuplicates()
                .allMatch(PortCheck::isFree);
    }
}
