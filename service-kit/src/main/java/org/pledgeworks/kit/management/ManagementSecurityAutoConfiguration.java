package org.pledgeworks.kit.management;

import org.pledgeworks.kit.security.BearerTokenApi;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security chain of {@code /actuator/**}, ahead of each service's own: health, info and
 * prometheus (read-only endpoints) for anyone who can reach the port; every other endpoint, read or
 * write, for operators only ({@link Operators}), with the service's own staff-token decoder. A
 * request without a token gets 401, a staff member who is no operator 403.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, EndpointRequest.class, JwtDecoder.class })
@EnableConfigurationProperties(OperatorProperties.class)
public class ManagementSecurityAutoConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain managementEndpoints(HttpSecurity http, OperatorProperties operators) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        // probes (the launcher, Kubernetes), build info, metrics (Prometheus): no state changes,
                        // and the callers have no token
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .anyRequest().hasRole(Operators.ROLE))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new Operators(operators))));
        return BearerTokenApi.stateless(http).build();
    }
}
