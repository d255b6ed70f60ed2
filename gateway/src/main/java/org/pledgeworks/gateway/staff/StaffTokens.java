package org.pledgeworks.gateway.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.pledgeworks.gateway.security.AuthProperties;

import org.springframework.stereotype.Component;

/**
 * Signs staff tokens: RS256, with exactly the claims every service reads — {@code iss}, {@code aud}
 * {@code pledgeworks}, {@code sub} the account id, {@code name}, {@code iat}, {@code exp} and
 * {@code organisations} (organisation id to role); and {@code ver}, the account's token version, which the
 * gateway compares on every staff call ({@link TokenRevocation}) so that a removal revokes at once.
 */
@IssuesTokens
@Component
class StaffTokens {

    static final String VERSION_CLAIM = "ver";

    private final RSAKey key;

    private final AuthProperties properties;

    private final Clock clock;

    StaffTokens(RSAKey staffTokenSigningKey, AuthProperties properties, Clock clock) {
        this.key = staffTokenSigningKey;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(StaffAccount account) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokenValidity());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(account.accountId())
                .claim("name", account.name())
                .claim("organisations", account.organisations())
                .claim(VERSION_CLAIM, account.tokenVersion())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign a staff token", ex);
        }
        return new IssuedToken(jwt.serialize(), "Bearer", properties.tokenValidity().toSeconds(), account.name(),
                account.organisations());
    }

    /** The answer of the token endpoint (OAuth 2 field names, so standard clients understand it). */
    record IssuedToken(@com.fasterxml.jackson.annotation.JsonProperty("access_token") String accessToken,
            @com.fasterxml.jackson.annotation.JsonProperty("token_type") String tokenType,
            @com.fasterxml.jackson.annotation.JsonProperty("expires_in") long expiresIn,
            String name, java.util.Map<String, String> organisations) {
    }
}
