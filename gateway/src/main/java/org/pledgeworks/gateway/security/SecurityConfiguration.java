package org.pledgeworks.gateway.security;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import org.pledgeworks.gateway.edge.EdgeProperties;
import org.pledgeworks.gateway.problems.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * One filter chain for everything the gateway serves. Stateless: no session, no cookies, so no CSRF to
 * guard against; the staff API is called with a bearer token from the console's script.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Only this origin's scripts, styles, images and API; no framing; no plugins; forms post only here.
     * The pages are written for it: no inline script or style anywhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    SecurityWebFilterChain webSecurity(ServerHttpSecurity http, ReactiveJwtDecoder staffTokens,
            ObjectProvider<StaffTokenCheck> staffTokenCheck, AuthProperties auth, EdgeProperties edge,
            ProblemResponses problems) {
        // after signature and claims: whether the account still holds this token (embedded default only)
        StaffTokenCheck check = staffTokenCheck.getIfAvailable(() -> Mono::just);
        ReactiveJwtDecoder checkedTokens = token -> staffTokens.decode(token).flatMap(check::check);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // links in mail carry tokens in their path: never hand a URL to anyone else
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.mode(Mode.DENY))
                        // HSTS is written only on requests that came over TLS (Spring Security's default)
                        .hsts(hsts -> hsts.maxAge(java.time.Duration.ofDays(365)).includeSubdomains(true)))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/api/staff/**").authenticated();
                    if (auth.issuesTokens()) {
                        // the gateway's own staff management (staff/MembersController); not there in OIDC mode
                        exchanges.pathMatchers("/api/auth/organisations/**").authenticated();
                    }
                    exchanges.anyExchange().permitAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(checkedTokens))
                        .authenticationEntryPoint((exchange, ex) -> {
                            HttpHeaders headers = new HttpHeaders();
                            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pledgeworks\"");
                            return problems.write(exchange, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
                                    "Sign in required", "Sign in as staff to use this API."), headers);
                        })
                        .accessDeniedHandler((exchange, ex) -> problems.write(exchange, ProblemResponses.problem(
                                HttpStatus.FORBIDDEN, "Not allowed", "Your account may not do this."))));
        if (!edge.corsOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(edge.corsOrigins());
            cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Request-Id"));
            cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
            cors.setMaxAge(600L);
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/api/**", cors);
            http.cors(spec -> spec.configurationSource(source));
        }
        else {
            // no origin configured: no CORS answers at all, so browsers keep other sites' pages out
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        }
        return http.build();
    }

    /**
     * The decoder for staff tokens, with the same checks every service makes: RS256 signature by the
     * gateway's key (or the OIDC issuer's published keys), {@code iss}, {@code aud} containing
     * {@code pledgeworks}, and {@code exp}/{@code nbf} with Spring's default 60 s of clock skew, read
     * on the same {@code clock} the gateway issues its tokens by. An unsigned token ({@code alg: none})
     * never gets as far as the validators.
     */
    @Bean
    ReactiveJwtDecoder staffTokenDecoder(AuthProperties properties, ObjectProvider<RSAKey> signingKey, Clock clock)
            throws com.nimbusds.jose.JOSEException {
        NimbusReactiveJwtDecoder decoder = properties.issuesTokens()
                ? NimbusReactiveJwtDecoder.withPublicKey(signingKey.getObject().toRSAPublicKey())
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
        decoder.setJwtValidator(validator(properties, clock));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(AuthProperties properties, Clock clock) {
        // Spring's defaults (type, timestamps, certificate thumbprint) plus issuer and audience; the
        // timestamp check is given here only so that it reads the clock (its own would be the system's)
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        return JwtValidators.createDefaultWithValidators(timestamps,
                new JwtIssuerValidator(properties.expectedIssuer()), audience);
    }
}
