package org.pledgeworks.gateway.staff;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.pledgeworks.gateway.security.AuthProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own MongoDB database, named by {@code pledgeworks.gateway.auth.database}: it holds the
 * staff accounts, so it lives with them (system's database health pings whichever database this is).
 * Not conditional on issuing tokens: the health indicator wants a database in OIDC mode too.
 */
@Configuration(proxyBeanMethods = false)
class StaffDatabase {

    @Bean
    MongoDatabase gatewayDatabase(MongoClient client, AuthProperties properties) {
        return client.getDatabase(properties.database());
    }
}
