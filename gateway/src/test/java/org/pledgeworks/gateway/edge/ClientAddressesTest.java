package org.pledgeworks.gateway.edge;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    private static EdgeProperties trusting(String proxies) {
        return new EdgeProperties(proxies, DataSize.ofKilobytes(16), new EdgeProperties.RateLimit(60,
                java.time.Duration.ofMinutes(1)), List.of(),
                new EdgeProperties.RateLimitStore("memory", "", "", java.time.Duration.ofMillis(500),
                        java.time.Duration.ofSeconds(5)));
    }

    private static MockServerHttpRequest from(String remote, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("http://gateway.example/api/x")
                .remoteAddress(new InetSocketAddress(remote, 40000));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.build();
    }

    @Test
    void withoutTrustedProxiesTheClientIsWhoConnected() {
        ClientAddresses clients = new ClientAddresses(trusting(""));

        assertThat(clients.clientOf(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheNearestUntrustedHop() {
        ClientAddresses clients = new ClientAddresses(trusting("10\\.0\\.0\\.\\d+"));

        assertThat(clients.clientOf(from("10.0.0.2", "203.0.113.9, 198.51.100.7, 10.0.0.5")))
                .as("a client can prepend anything; the last untrusted hop is what our proxy saw")
                .isEqualTo("198.51.100.7");
        assertThat(clients.clientOf(from("10.0.0.2", null))).isEqualTo("10.0.0.2");
        assertThat(clients.clientOf(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void forwardedHeadersKeepATrustedProxysChainAndDropAnyoneElses() {
        ForwardedHeaders trustingProxies = new ForwardedHeaders(new ClientAddresses(trusting("10\\.0\\.0\\.\\d+")));

        MockServerWebExchange viaProxy = MockServerWebExchange.from(from("10.0.0.2", "203.0.113.9"));
        var headers = trustingProxies.filter(viaProxy.getRequest().getHeaders(), viaProxy);
        assertThat(headers.getFirst("X-Forwarded-For")).isEqualTo("203.0.113.9, 10.0.0.2");

        MockServerWebExchange direct = MockServerWebExchange.from(from("198.51.100.7", "203.0.113.9"));
        headers = trustingProxies.filter(direct.getRequest().getHeaders(), direct);
        assertThat(headers.getFirst("X-Forwarded-For")).isEqualTo("198.51.100.7");
        assertThat(headers.getFirst("X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, java.time.Duration.ofSeconds(30));
        assertThat(limiter.take("a").allowed()).isTrue();
        ClientRateLimiter.Verdict refused = limiter.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(29L, 30L);
        assertThat(limiter.take("b").allowed()).as("another client has a bucket of its own").isTrue();
    }
}
