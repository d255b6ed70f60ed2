package org.pledgeworks.kit.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
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

/**
 * The decoder of the staff tokens the gateway issues, the same in every service (each once had its own
 * copy, and only one of them refused a token without expiry). RS256 only, so {@code alg: none} and HMAC
 * tokens are refused; issuer and audience checked; an expiry that must be present and in the future by
 * the service's {@link Clock}, the one its other decisions of time read (the default timestamp validator
 * would read the system clock). Tests build it from the same settings as production, so they exercise
 * these validators.
 */
public final class StaffTokenDecoder {

    private StaffTokenDecoder() {
    }

    /**
     * @param jwkSetUri         the gateway's JWK set, used unless a public key is given
     * @param publicKeyLocation a PEM public key (tests, or an operator who pins a key); null or blank: none
     */
    public static JwtDecoder of(String jwkSetUri, String publicKeyLocation, String issuer, String audience,
            Clock clock) {
        NimbusJwtDecoder decoder = publicKeyLocation == null || publicKeyLocation.isBlank()
                ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withPublicKey(publicKey(publicKeyLocation))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator(issuer, audience, clock));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        // the defaults (type, certificate thumbprint) with our timestamp validator in place of theirs
        return JwtValidators.createDefaultWithValidators(List.of(timestamps, new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                // the timestamp check passes a token without exp: ours must have one
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull)));
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
