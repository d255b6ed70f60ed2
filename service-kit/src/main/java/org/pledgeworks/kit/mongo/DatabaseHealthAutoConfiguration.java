package org.pledgeworks.kit.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The database's health by {@code ping}, which both a real MongoDB and the embedded wire-protocol
 * server answer. Boot's own indicator sends {@code hello}, which mongo-java-server does not know, so
 * it would report DOWN against the embedded database while all is well. Ordered before Boot's and under
 * the same bean name, so Boot's steps aside and the entry is still called {@code mongo} (whether it
 * counts for readiness stays each service's choice, in its {@code management.endpoint.health.group}).
 */
@AutoConfiguration(after = MongoDatabaseAutoConfiguration.class,
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass({ MongoDatabase.class, HealthIndicator.class })
public class DatabaseHealthAutoConfiguration {

    @Bean
    @ConditionalOnSingleCandidate(MongoDatabase.class)
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new DatabasePing(database);
    }

    static final class DatabasePing extends AbstractHealthIndicator {

        private final MongoDatabase database;

        DatabasePing(MongoDatabase database) {
            super("MongoDB health check failed");
            this.database = database;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            database.runCommand(new Document("ping", 1));
            builder.up().withDetail("database", database.getName());
        }
    }
}
