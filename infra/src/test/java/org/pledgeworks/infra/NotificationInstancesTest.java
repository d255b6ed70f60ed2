package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's --notification-instances: how many, which ports, which names, what is checked first. */
class NotificationInstancesTest {

    @TempDir
    Path home;

    @Test
    void extraInstancesTakeTheNextPortsThatNoOtherPartOfTheStackUses() {
        StackConfig three = StackConfig.defaults(home).withNotificationInstances(3);
        Ports defaults = Ports.defaults();
        // the gateway moved onto 8084: the second instance skips it
        StackConfig clash = three.withPorts(new Ports(8084, defaults.campaign(), defaults.pledge(), 8083, defaults.kafka(),
                defaults.kafkaController(), defaults.mongo(), defaults.smtp(), defaults.inbox(), defaults.management()));

        assertThat(three.notificationPorts()).containsExactly(8083, 8084, 8085);
        assertThat(clash.notificationPorts()).containsExactly(8083, 8085, 8086);
        assertThat(StackConfig.defaults(home).notificationPorts()).containsExactly(8083);
    }

    @Test
    void everyInstanceIsCheckedBeforeAnythingStartsUnderItsOwnName() {
        StackConfig config = StackConfig.defaults(home).withNotificationInstances(2);

        assertThat(config.portClaims()).extracting(PortClaim::what, PortClaim::port)
                .contains(org.assertj.core.groups.Tuple.tuple("notification-service", 8083),
                        org.assertj.core.groups.Tuple.tuple("notification-service-2", 8084));
        assertThat(StackConfig.notificationInstanceName(1)).isEqualTo("notification-service-2");
        assertThat(config.logFile(StackConfig.notificationInstanceName(1)).getFileName().toString())
                .isEqualTo("notification-service-2.log");
    }

    @Test
    void onlyTheChosenServicesAreStartedAndClaimPorts() {
        StackConfig config = StackConfig.defaults(home).withServices(List.of(LocalStack.NOTIFICATION_SERVICE))
                .withNotificationInstances(2);

        assertThat(config.startedServices()).containsExactly(LocalStack.NOTIFICATION_SERVICE);
        assertThat(config.portClaims()).extracting(PortClaim::what).doesNotContain("campaign-service", "pledge-service",
                "the gateway", "the gateway's management port").contains("notification-service-2");
        assertThat(config.withInfraOnly(true).startedServices()).isEmpty();
    }

    @Test
    void theVariableAndTheOptionAreReadAndBadCountsAreRefusedByName() {
        assertThat(StackConfig.fromEnvironment(Map.of("PLEDGEWORKS_NOTIFICATION_INSTANCES", "4"), home)
                .notificationInstances()).isEqualTo(4);
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("PLEDGEWORKS_NOTIFICATION_INSTANCES", "two"), home))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PLEDGEWORKS_NOTIFICATION_INSTANCES");
        assertThatThrownBy(() -> StackConfig.defaults(home).withNotificationInstances(13))
                .isInstanceOf(ConfigException.class).hasMessageContaining("from 1 to 12");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Launcher.run(new String[] {"up", "--notification-instances", "0"}, Map.of(), home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--notification-instances", "not 0");
        assertThat(Launcher.USAGE).contains("--notification-instances N");
    }
}
