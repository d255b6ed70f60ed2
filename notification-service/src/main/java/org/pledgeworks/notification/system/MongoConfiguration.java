package org.pledgeworks.notification.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean
    MongoDatabase notificationDatabase(MongoClient client, NotificationServiceProperties properties) {
        return client.getDatabase(properties.database());
    }
}
