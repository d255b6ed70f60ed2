package org.pledgeworks.gateway.edge;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sets {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} on every proxied request, from what the
 * gateway itself saw. pledge-service reads the client's address from the first hop of
 * {@code X-Forwarded-For}, so a value the client sent itself is dropped unless the request came through a
 * trusted proxy ({@code pledgeworks.gateway.edge.trusted-proxies}); then the proxy's chain is kept and
 * the proxy's address appended, as proxies do.
 *
 * <p>Spring Cloud Gateway's own X-Forwarded filter is only active when its {@code trusted-proxies} is set;
 * without it the gateway strips these headers (its {@code RemoveXForwardedHeadersFilter}, order 0). This
 * filter runs after that one and reads the original request, so it works either way.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private final ClientAddresses clients;

    ForwardedHeaders(ClientAddresses clients) {
        this.clients = clients;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders original = request.getHeaders();
        boolean trusted = clients.cameThroughTrustedProxy(request);
        String remote = ClientAddresses.remoteAddress(request);

        HttpHeaders out = new HttpHeaders();
        out.addAll(input);
        out.remove(ClientAddresses.X_FORWARDED_FOR);
        out.remove(X_FORWARDED_PROTO);
        out.remove(X_FORWARDED_HOST);
        out.remove("X-Forwarded-Port");
        out.remove("X-Forwarded-Prefix");
        out.remove("Forwarded");

        List<String> hops = trusted ? ClientAddresses.forwardedHops(request) : List.of();
        out.set(ClientAddresses.X_FORWARDED_FOR,
                hops.isEmpty() ? remote : String.join(", ", hops) + ", " + remote);
        String proto = trusted ? original.getFirst(X_FORWARDED_PROTO) : null;
        out.set(X_FORWARDED_PROTO, proto != null ? proto : request.getURI().getScheme());
        String host = trusted ? original.getFirst(X_FORWARDED_HOST) : null;
        if (host == null) {
            host = original.getFirst(HttpHeaders.HOST);
        }
        if (host != null) {
            out.set(X_FORWARDED_HOST, host);
        }
        return out;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
