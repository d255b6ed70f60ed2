package org.pledgeworks.gateway.staff;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.security.AuthProperties;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What issues tokens (sign-in endpoint and JWKS, signing key, staff accounts, first admin) exists only on the
 * embedded default: with an OIDC {@code issuer-uri} the gateway has no {@code /api/auth/token} (a 404, which
 * the staff console takes as "sign in at your identity provider") and makes no admin or key.
 */
class TokenIssuingModeTest {

    @IssuesTokens
    @Configuration(proxyBeanMethods = false)
    static class Probe {

        @Bean
        String issuing() {
            return "issuing";
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

    @Test
    void everyPartThatIssuesTokensIsConditionalOnTheEmbeddedMode() {
        for (Class<?> part : new Class<?>[] {SignInController.class, SigningKey.class, StaffAccounts.class,
                StaffTokens.class, FirstAdmin.class}) {
            assertThat(part.isAnnotationPresent(IssuesTokens.class)).as(part.getSimpleName()).isTrue();
        }
    }

    @Test
    void withAnIssuerUriNothingIssuesTokens() {
        runner.withPropertyValues("pledgeworks.gateway.auth.issuer-uri=https://id.example.org/realms/staff")
                .run(context -> assertThat(context).doesNotHaveBean("issuing"));
        runner.withPropertyValues("pledgeworks.gateway.auth.issuer-uri=")
                .run(context -> assertThat(context).hasBean("issuing"));
        runner.run(context -> assertThat(context).hasBean("issuing"));
    }

    @Test
    void aheadOfTimeDefinitionsMadeForTheEmbeddedModeRefuseAnIssuerUri() {
        // Spring AOT decides @IssuesTokens at build time: started with an issuer, the key must not be made
        new ApplicationContextRunner().withUserConfiguration(SigningKey.class)
                .withBean(AuthProperties.class, () -> auth("https://id.example.org/realms/staff"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("PLEDGEWORKS_JWT_ISSUER_URI"));
        assertThat(new SigningKey().staffTokenSigningKey(auth("")).isPrivate()).isTrue();
    }

    private static AuthProperties auth(String issuerUri) {
        return new AuthProperties("http://127.0.0.1:8080", "pledgeworks", issuerUri, java.time.Duration.ofHours(1),
                "", "", "pledgeworks-gateway", null, null);
    }
}
