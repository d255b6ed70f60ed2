package org.pledgeworks.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.clock.ClockAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What a service gets from the kit by having it on its class path, and that its own beans still win. */
class KitAutoConfigurationTest {

    private static MongoServer server;

    // a client per context, as Boot makes one: the context closes it when it closes
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class,
                    MongoDatabaseAutoConfiguration.class, DatabaseHealthAutoConfiguration.class))
            .withBean(MongoClient.class,
                    () -> MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()));

    @BeforeAll
    static void database() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    @Test
    void aServiceGetsItsDatabaseByNameItsHealthByPingAndTheUtcClock() {
        context.withPropertyValues("pledgeworks.database=pledgeworks-test").run(c -> {
            assertThat(c.getBean(MongoDatabase.class).getName()).isEqualTo("pledgeworks-test");
            var health = c.getBean("mongoHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "pledgeworks-test");
            assertThat(c.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
        });
    }

    @Test
    void withoutADatabaseNameThereIsNoDatabaseAndNoHealthOfIt() {
        context.run(c -> assertThat(c).doesNotHaveBean(MongoDatabase.class).doesNotHaveBean("mongoHealthIndicator"));
    }

    @Test
    void aServicesOwnBeansWin() {
        Clock fixed = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        context.withPropertyValues("pledgeworks.database=ignored")
                .withUserConfiguration(OwnDatabase.class)
                .withBean(Clock.class, () -> fixed)
                .run(c -> {
                    assertThat(c.getBean(MongoDatabase.class).getName()).isEqualTo("gateway-own");
                    assertThat(c.getBean(Clock.class)).isSameAs(fixed);
                    assertThat(c.getBean("mongoHealthIndicator", HealthIndicator.class).health(true).getDetails())
                            .containsEntry("database", "gateway-own");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDatabase {

        @Bean
        MongoDatabase staffDatabase(MongoClient client) {
            return client.getDatabase("gateway-own");
        }
    }
}
