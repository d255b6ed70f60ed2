package org.pledgeworks.gateway.correlation;

import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a {@link CorrelationId} before anything else runs, passes it downstream in
 * {@code X-Request-Id}, returns it on the response with the request's trace id ({@code X-Trace-Id}), and
 * logs one line per request under that trace.
 *
 * <p>The trace is the one to follow: the gateway's server span, continued by the services (W3C
 * {@code traceparent}, which the gateway's proxying adds), their Kafka records and the mail's delivery. The
 * request id is its alias: a caller's own sane id is kept and echoed, otherwise it is the trace id itself,
 * so a support request quoting either finds the same lines.
 *
 * <p>A {@link WebFilter} rather than a gateway filter so that static pages, the fallback and the
 * gateway's own error answers carry the ids too, not only routed requests.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    /** The response header that names the request's trace. */
    static final String TRACE_HEADER = "X-Trace-Id";

    private static final Logger log = LoggerFactory.getLogger(CorrelationIdFilter.class);

    private final ObjectProvider<Tracer> tracer;

    CorrelationIdFilter(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        Optional<Span> span = serverSpan(exchange);
        Optional<String> traceId = span.map(s -> s.context().traceId());
        CorrelationId id = CorrelationId.fromHeaderValues(
                exchange.getRequest().getHeaders().get(CorrelationId.HEADER), traceId);

        // header(...) replaces whatever the caller sent, so the service sees exactly the id we log
        ServerHttpRequest request = exchange.getRequest().mutate()
                .header(CorrelationId.HEADER, id.value())
                .build();
        ServerWebExchange tagged = exchange.mutate().request(request).build();
        tagged.getAttributes().put(CorrelationId.ATTRIBUTE, id);

        // set at commit time, not now: the proxied response's headers are copied in later and a
        // downstream echo of the header would otherwise make it appear twice
        tagged.getResponse().beforeCommit(() -> {
            tagged.getResponse().getHeaders().set(CorrelationId.HEADER, id.value());
            traceId.ifPresent(trace -> tagged.getResponse().getHeaders().set(TRACE_HEADER, trace));
            return Mono.empty();
        });
        return chain.filter(tagged).doFinally(signal -> logRequest(tagged, id, span, start));
    }

    /**
     * The server span Spring's WebFlux observation started for this exchange before any filter ran; none
     * when tracing is off.
     */
    private static Optional<Span> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan);
    }

    /**
     * The route's id, never the path (paths carry verification and withdrawal tokens); under the
     * request's span, so the line carries its trace id whichever thread completes the exchange.
     */
    private void logRequest(ServerWebExchange exchange, CorrelationId id, Optional<Span> span, long start) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object status = exchange.getResponse().getStatusCode() == null ? "-"
                : exchange.getResponse().getStatusCode().value();
        Runnable line = () -> log.info("{} {} {} in {} ms (request {})", exchange.getRequest().getMethod(),
                route == null ? "(gateway)" : "route " + route.getId(), status,
                (System.nanoTime() - start) / 1_000_000, id.value());
        Tracer tracing = tracer.getIfAvailable();
        if (span.isPresent() && tracing != null) {
            try (Tracer.SpanInScope scope = tracing.withSpan(span.get())) {
                line.run();
            }
        }
        else {
            line.run();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
