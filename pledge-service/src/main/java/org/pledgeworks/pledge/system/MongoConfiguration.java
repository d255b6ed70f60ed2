package org.pledgeworks.pledge.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean
    MongoDatabase pledgeDatabase(MongoClient client, PledgeServiceProperties properties) {
        return client.getDatabase(properties.database());
    }
}
