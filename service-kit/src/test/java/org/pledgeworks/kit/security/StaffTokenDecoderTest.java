package org.pledgeworks.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Every service decodes staff tokens with this decoder: what it accepts and what it refuses. */
class StaffTokenDecoderTest {

    private static final Map<String, String> MEMBER = Map.of("workers-voice", "editor");

    private final JwtDecoder decoder = StaffTokenDecoder.of("http://127.0.0.1:1/unused", StaffTokens.publicKeyLocation(),
            StaffTokens.ISSUER, StaffTokens.AUDIENCE, TestClock.clock());

    @Test
    void aGatewayTokenDecodesWithItsClaims() {
        assertThat(decoder.decode(StaffTokens.forRoles(MEMBER)).getClaimAsMap("organisations"))
                .containsEntry("workers-voice", "editor");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("expired by the service's clock",
                        StaffTokens.token().organisations(MEMBER).expiresAt(TestClock.now().minusSeconds(600)).sign()),
                Arguments.of("without expiry", StaffTokens.token().organisations(MEMBER).expiresAt(null).sign()),
                Arguments.of("another issuer", StaffTokens.token().organisations(MEMBER).issuer("https://evil.example").sign()),
                Arguments.of("another audience", StaffTokens.token().organisations(MEMBER).audience("someone-else").sign()),
                Arguments.of("no audience", StaffTokens.token().organisations(MEMBER).audience(null).sign()),
                Arguments.of("alg none", StaffTokens.token().organisations(MEMBER).unsigned()),
                Arguments.of("HS256", StaffTokens.token().organisations(MEMBER).signedWithHmac()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String what, String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }
}
