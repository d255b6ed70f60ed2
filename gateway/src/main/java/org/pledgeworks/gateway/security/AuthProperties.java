package org.pledgeworks.gateway.security;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Staff tokens.
 *
 * @param issuer        the {@code iss} of the tokens this gateway issues ({@code PLEDGEWORKS_JWT_ISSUER}),
 *                      the gateway's public URL
 * @param audience      the {@code aud} every token must carry
 * @param issuerUri     an OIDC issuer to trust instead ({@code PLEDGEWORKS_JWT_ISSUER_URI}); when set the
 *                      gateway issues nothing, has no sign-in and no key of its own
 * @param tokenValidity how long an issued token lasts
 * @param keyFile       where the signing key is kept ({@code PLEDGEWORKS_JWT_KEY_FILE}); empty: under the
 *                      data directory, or only in memory when there is none
 * @param dataDir       the launcher's data directory ({@code PLEDGEWORKS_DATA_DIR}), may be empty
 * @param database      the gateway's MongoDB database (staff accounts)
 * @param firstAdmin    the account made at first start, when there is none
 * @param signIn        how often one client address, and how often anyone, may try to sign in to one account
 */
@Validated
@ConfigurationProperties("pledgeworks.gateway.auth")
public record AuthProperties(@NotBlank @DefaultValue("http://127.0.0.1:8080") String issuer,
        @NotBlank @DefaultValue("pledgeworks") String audience,
        @DefaultValue("") String issuerUri,
        @NotNull @DefaultValue("1h") Duration tokenValidity,
        @DefaultValue("") String keyFile,
        @DefaultValue("") String dataDir,
        @NotBlank @DefaultValue("pledgeworks-gateway") String database,
        @NotNull @DefaultValue FirstAdmin firstAdmin,
        @NotNull @DefaultValue SignIn signIn) {

    /** True on the embedded default: the gateway signs its own tokens. */
    public boolean issuesTokens() {
        return issuerUri.isBlank();
    }

    /** The {@code iss} a token must carry to be accepted. */
    public String expectedIssuer() {
        return issuesTokens() ? issuer : issuerUri;
    }

    public record FirstAdmin(@NotBlank @DefaultValue("admin@pledgeworks.local") String email,
            @NotBlank @DefaultValue("Pledgeworks admin") String name,
            @NotBlank @DefaultValue("fair-supply-coalition") String organisation) {
    }

    /**
     * @param attempts        sign-in and password-change attempts per client address in {@code period}
     * @param accountAttempts attempts at one account, from any address, in {@code accountPeriod}
     */
    public record SignIn(@DefaultValue("10") int attempts, @NotNull @DefaultValue("1m") Duration period,
            @DefaultValue("20") int accountAttempts, @NotNull @DefaultValue("15m") Duration accountPeriod) {
    }
}
