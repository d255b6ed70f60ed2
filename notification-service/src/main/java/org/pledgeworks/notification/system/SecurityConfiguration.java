package org.pledgeworks.notification.system;

import java.time.Clock;

import org.pledgeworks.kit.security.BearerTokenApi;
import org.pledgeworks.kit.security.StaffTokenDecoder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff endpoints ({@code /api/staff/**}) need a valid staff JWT, checked by service-kit's
 * {@link StaffTokenDecoder} (RS256 only, signed by the gateway's key, issuer, audience and expiry by the
 * service's {@link Clock}). Everything else is public (unsubscribe, preferences, follow, webhooks
 * authenticated by their own signature); the management endpoints are service-kit's to lock
 * ({@code kit/management}: operators only, but for health, info and metrics). Stateless: no session, no
 * CSRF token (no cookie authenticates anything here). The decoder is built here, from the settings, so
 * tests run the same validators as production.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return BearerTokenApi.staffApi(http, requests -> requests.anyRequest().permitAll()).build();
    }

    @Bean
    JwtDecoder jwtDecoder(NotificationServiceProperties properties, Clock clock) {
        NotificationServiceProperties.Security security = properties.security();
        return StaffTokenDecoder.of(security.jwkSetUri(), security.publicKeyLocation(), security.jwtIssuer(),
                security.jwtAudience(), clock);
    }
}
