package org.pledgeworks.notification.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;

import org.pledgeworks.kit.security.BearerTokenApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff endpoints ({@code /api/staff/**}) need a valid staff JWT: RS256 only (so {@code alg: none} and
 * HMAC tricks are refused), signed by the gateway's key (its JWKS, or a configured public key), issuer
 * and audience checked, not expired. Everything else is public (unsubscribe, preferences, follow,
 * webhooks authenticated by their own signature); the management endpoints are service-kit's to lock
 * ({@code kit/management}: operators only, but for health, info and metrics). Stateless: no session, no CSRF token (no
 * cookie authenticates anything here). The decoder is built here, from the settings, so tests run the
 * same validators as production. Expiry and not-before are judged by the service's {@link Clock}, as
 * every other deadline here is: the default timestamp validator would read the system clock.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // /actuator/** never reaches this chain: service-kit's kit/management locks it first (operators only,
        // but for the probes, info and metrics)
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/staff/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return BearerTokenApi.stateless(http).build();
    }

    @Bean
    JwtDecoder jwtDecoder(NotificationServiceProperties properties, Clock clock) {
        NotificationServiceProperties.Security security = properties.security();
        NimbusJwtDecoder decoder;
        if (security.publicKeyLocation() != null && !security.publicKeyLocation().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(security.publicKeyLocation()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        }
        else {
            decoder = NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        }
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        // the defaults (type, certificate thumbprint) with this timestamp validator in place of theirs
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(timestamps,
                new JwtIssuerValidator(security.jwtIssuer()), audience(security.jwtAudience()))));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String expected) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "wrong audience", null);
        return jwt -> {
            List<String> audience = jwt.getAudience();
            return audience != null && audience.contains(expected) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(wrongAudience);
        };
    }

    private static RSAPublicKey publicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key at " + location, e);
        }
    }
}
