package org.pledgeworks.kit.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The service's database, named by {@value #DATABASE_PROPERTY} (each service declares and validates it
 * in its own properties record), on the client Boot builds from {@code spring.mongodb.*}. A service that
 * needs another database, or codecs of its own, declares its own {@link MongoDatabase} bean and this
 * one steps aside.
 */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(MongoClient.class)
public class MongoDatabaseAutoConfiguration {

    public static final String DATABASE_PROPERTY = "pledgeworks.database";

    @Bean
    @ConditionalOnBean(MongoClient.class)
    @ConditionalOnMissingBean(MongoDatabase.class)
    @ConditionalOnProperty(DATABASE_PROPERTY)
    MongoDatabase serviceDatabase(MongoClient client, Environment environment) {
        return client.getDatabase(environment.getRequiredProperty(DATABASE_PROPERTY));
    }
}
