package org.pledgeworks.gateway.system;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's health by {@code ping}, which both a real MongoDB and the embedded wire-protocol server
 * answer; Boot's own indicator sends {@code hello}, which the embedded server does not know. Same bean
 * name, so Boot's steps aside. Not part of readiness: the gateway serves pages, routes and fallbacks
 * without its database; only staff sign-in needs it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealth {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                database.runCommand(new Document("ping", 1));
                builder.up().withDetail("database", database.getName());
            }
        };
    }
}
