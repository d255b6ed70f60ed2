package org.pledgeworks.gateway.correlation;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a {@link CorrelationId} before anything else runs, passes it downstream in
 * {@code X-Request-Id}, and returns it on the response.
 *
 * <p>A {@link WebFilter} rather than a gateway filter so that static pages, the fallback and the
 * gateway's own error answers carry the id too, not only routed requests.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorrelationId id = CorrelationId.fromHeaderValues(
                exchange.getRequest().getHeaders().get(CorrelationId.HEADER));

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
            return Mono.empty();
        });
        return chain.filter(tagged);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
