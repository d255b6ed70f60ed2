package org.pledgeworks.pledge.system;

import java.time.Clock;

import org.pledgeworks.kit.security.BearerTokenApi;
import org.pledgeworks.kit.security.StaffTokenDecoder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything a consumer uses stays open; {@code /api/staff/**} needs a staff JWT (RS256) from the
 * gateway or the production OIDC issuer, checked by service-kit's {@link StaffTokenDecoder} for
 * signature, issuer, audience {@code pledgeworks} and expiry. Stateless: no session, no CSRF (bearer
 * tokens, not cookies).
 * Which campaigns a staff member may touch is decided per request from the {@code organisations}
 * claim (see {@code abuse.StaffModerationController}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String AUDIENCE = "pledgeworks";

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // /actuator/** is the kit's to lock (operators only), so POST /actuator/countreconciliation needs an operator
        return BearerTokenApi.staffApi(http, requests -> requests.anyRequest().permitAll())
                // the count and the pages set their own caching; do not overwrite it
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .build();
    }

    /**
     * service-kit's decoder with the production validators, whatever the key source: a JWK set URL (the
     * gateway's), or a PEM public key (tests, or an operator who pins a key).
     */
    @Bean
    JwtDecoder jwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:}") String publicKeyLocation,
            @Value("${pledgeworks.staff.issuer}") String issuer, Clock clock) {
        return StaffTokenDecoder.of(jwkSetUri, publicKeyLocation, issuer, AUDIENCE, clock);
    }
}
