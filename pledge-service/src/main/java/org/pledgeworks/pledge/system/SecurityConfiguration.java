package org.pledgeworks.pledge.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.pledgeworks.kit.security.BearerTokenApi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything a consumer uses stays open; {@code /api/staff/**} needs a staff JWT (RS256) from the
 * gateway or the production OIDC issuer, checked here for signature, issuer, audience
 * {@code pledgeworks} and expiry. Stateless: no session, no CSRF (bearer tokens, not cookies).
 * Which campaigns a staff member may touch is decided per request from the {@code organisations}
 * claim (see {@code abuse.StaffModerationController}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String AUDIENCE = "pledgeworks";

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // /actuator/** never reaches this chain: service-kit's kit/management locks it first (operators only,
        // but for the probes, info and metrics), so POST /actuator/countreconciliation needs an operator
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/staff/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                // the count and the pages set their own caching; do not overwrite it
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        return BearerTokenApi.stateless(http).build();
    }

    /**
     * The decoder with the production validators, whatever the key source: a JWK set URL (the
     * gateway's), or a PEM public key (tests, or an operator who pins a key). Expiry and not-before
     * are judged by the service's {@link Clock}, as every other deadline here is: the default
     * timestamp validator would read the system clock.
     */
    @Bean
    JwtDecoder jwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:#{null}}") Resource publicKey,
            @Value("${pledgeworks.staff.issuer}") String issuer, Clock clock) throws Exception {
        NimbusJwtDecoder decoder = publicKey != null
                ? NimbusJwtDecoder.withPublicKey(readPublicKey(publicKey)).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "audience is not pledgeworks", null));
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        // the defaults (type, certificate thumbprint) with our timestamp validator in place of theirs
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                List.of(timestamps, new JwtIssuerValidator(issuer), audience)));
        return decoder;
    }

    private static RSAPublicKey readPublicKey(Resource pem) throws IOException, java.security.GeneralSecurityException {
        try (InputStream in = pem.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
        }
    }
}
