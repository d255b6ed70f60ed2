package org.pledgeworks.gateway.staff;

import org.junit.jupiter.api.Test;

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
}
