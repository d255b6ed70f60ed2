package org.pledgeworks.gateway.correlation;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter();

    @Test
    void passesTheIdOnAndReturnsIt() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/campaigns").header(CorrelationId.HEADER, "abc-1"));
        AtomicReference<ServerWebExchange> passedOn = new AtomicReference<>();

        filter.filter(exchange, e -> {
            passedOn.set(e);
            return e.getResponse().setComplete();
        }).block();

        assertThat(passedOn.get().getRequest().getHeaders().get(CorrelationId.HEADER)).containsExactly("abc-1");
        assertThat(CorrelationId.of(passedOn.get())).contains(new CorrelationId("abc-1"));
        assertThat(exchange.getResponse().getHeaders().get(CorrelationId.HEADER)).containsExactly("abc-1");
    }

    @Test
    void replacesAnInsaneIdDownstreamToo() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/").header(CorrelationId.HEADER, "<script>"));
        AtomicReference<String> seen = new AtomicReference<>();

        filter.filter(exchange, e -> {
            seen.set(e.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
            return Mono.empty();
        }).then(exchange.getResponse().setComplete()).block();

        assertThat(seen.get()).hasSize(36).isNotEqualTo("<script>");
        assertThat(exchange.getResponse().getHeaders().getFirst(CorrelationId.HEADER)).isEqualTo(seen.get());
    }
}
