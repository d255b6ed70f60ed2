package org.pledgeworks.campaign.staff;

import java.time.Clock;

import org.pledgeworks.kit.security.BearerTokenApi;
import org.pledgeworks.kit.security.StaffTokenDecoder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff endpoints ({@code /api/staff/**}) need a bearer token from the gateway; everything a
 * consumer uses stays open. The decoder is service-kit's {@link StaffTokenDecoder}, built from the
 * same properties in every environment, so that tests exercise the production validators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return BearerTokenApi.staffApi(http, requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs/**").permitAll()
                        // interest in an opportunity: expressed without sign-in; its mailed links confirm
                        // and withdraw by POST (their GET only shows the button)
                        .requestMatchers(HttpMethod.POST, "/api/opportunities/*/interest",
                                "/api/opportunities/interest/confirm/*", "/api/opportunities/interest/withdraw/*")
                        .permitAll()
                        // RSVPs to an event likewise: answered without sign-in, confirmed and cancelled by POST
                        .requestMatchers(HttpMethod.POST, "/api/events/*/rsvps", "/api/events/rsvps/confirm/*",
                                "/api/events/rsvps/cancel/*")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:}") String publicKeyLocation,
            @Value("${pledgeworks.jwt.issuer}") String issuer,
            @Value("${pledgeworks.jwt.audience:pledgeworks}") String audience, Clock clock) {
        return StaffTokenDecoder.of(jwkSetUri, publicKeyLocation, issuer, audience, clock);
    }
}
