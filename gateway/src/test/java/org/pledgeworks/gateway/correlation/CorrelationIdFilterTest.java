package org.pledgeworks.gateway.correlation;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdFilterTest {

    private final OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    private final Tracer tracer = new OtelTracer(SdkTracerProvider.builder().build().get("test"), current,
            event -> {
            }, new OtelBaggageManager(current, List.of(), List.of()));
    private final CorrelationIdFilter filter = new CorrelationIdFilter(
            new StaticListableBeanFactory().getBeanProvider(Tracer.class));

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

    @Test
    void withoutAnIdFromTheCallerTheRequestIdIsTheTraceIdAndBothComeBack() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/x"));
        Span span = serverSpanOf(exchange);
        AtomicReference<String> seen = new AtomicReference<>();

        filter.filter(exchange, e -> {
            seen.set(e.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
            return e.getResponse().setComplete();
        }).block();

        String traceId = span.context().traceId();
        assertThat(seen.get()).isEqualTo(traceId);
        assertThat(exchange.getResponse().getHeaders().get(CorrelationId.HEADER)).containsExactly(traceId);
        assertThat(exchange.getResponse().getHeaders().get(CorrelationIdFilter.TRACE_HEADER)).containsExactly(traceId);
    }

    @Test
    void aCallersOwnIdIsEchoedBesideTheTraceId() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/").header(CorrelationId.HEADER, "ticket-4711"));
        Span span = serverSpanOf(exchange);

        filter.filter(exchange, e -> e.getResponse().setComplete()).block();

        assertThat(exchange.getResponse().getHeaders().get(CorrelationId.HEADER)).containsExactly("ticket-4711");
        assertThat(exchange.getResponse().getHeaders().get(CorrelationIdFilter.TRACE_HEADER))
                .containsExactly(span.context().traceId());
    }

    /** What WebFlux's server observation leaves on an exchange before any filter runs. */
    private Span serverSpanOf(MockServerWebExchange exchange) {
        Span span = tracer.nextSpan().name("http post").start();
        TracingContext tracing = new TracingContext();
        tracing.setSpan(span);
        ServerRequestObservationContext observation = new ServerRequestObservationContext(exchange.getRequest(),
                exchange.getResponse(), exchange.getAttributes());
        observation.put(TracingContext.class, tracing);
        exchange.getAttributes().put(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE,
                observation);
        return span;
    }
}
