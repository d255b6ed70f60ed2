package org.pledgeworks.campaign.staff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.pledgeworks.kit.security.BearerTokenApi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff endpoints ({@code /api/staff/**}) need a bearer token from the gateway; everything a
 * consumer uses stays open. The decoder is built here, from the same properties in every
 * environment, so that tests exercise the production validators: RS256 signature (so {@code alg:
 * none} and HMAC tokens are refused), issuer, audience, and an expiry that must be present and
 * in the future by the service's {@link Clock}, the one its other decisions of time read.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // /actuator/** never reaches this chain: service-kit's kit/management locks it first (operators only,
        // but for the probes, info and metrics)
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/staff/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { }));
        return BearerTokenApi.stateless(http).build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:}") String publicKeyLocation,
            @Value("${pledgeworks.jwt.issuer}") String issuer,
            @Value("${pledgeworks.jwt.audience:pledgeworks}") String audience, Clock clock) {
        NimbusJwtDecoder decoder = publicKeyLocation.isBlank()
                ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withPublicKey(readPublicKey(publicKeyLocation))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator(issuer, audience, clock));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Clock clock) {
        // the defaults with an issuer, but exp and nbf read against our clock, not the system's
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer), timestamps),
                new JwtAudienceValidator(audience),
                // the default timestamp check passes a token without exp: ours must have one
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull)));
    }

    private static RSAPublicKey readPublicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JWT public key at " + location, e);
        }
    }
}
