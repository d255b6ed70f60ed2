package org.pledgeworks.gateway.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.pledgeworks.gateway.security.AuthProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean
    MongoDatabase gatewayDatabase(MongoClient client, AuthProperties properties) {
        return client.getDatabase(properties.database());
    }
}
