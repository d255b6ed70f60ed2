package org.pledgeworks.gateway.edge;

import org.pledgeworks.gateway.problems.ProblemResponses;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * {@code BodyLimit}: refuses a request body larger than the route allows with a 413 problem, before a
 * byte of it reaches the service. Without {@code max} the route gets
 * {@code pledgeworks.gateway.edge.max-body-size} (16 KB).
 *
 * <p>The size is judged by {@code Content-Length}. A body sent in chunks, without a length, is refused
 * with 411: every browser sends a length for the JSON our pages post, and counting a stream that is
 * already on its way to a service would leave that service with half a request.
 */
@Component
public class BodyLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<BodyLimitGatewayFilterFactory.Config> {

    private final EdgeProperties properties;

    private final ProblemResponses problems;

    BodyLimitGatewayFilterFactory(EdgeProperties properties, ProblemResponses problems) {
        super(Config.class);
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public GatewayFilter apply(Config config) {
        long max = (config.getMax() != null ? config.getMax() : properties.maxBodySize()).toBytes();
        // before the rate limit and the circuit breaker: an oversized request costs nothing downstream
        return new OrderedGatewayFilter((exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            long length = request.getHeaders().getContentLength();
            if (length > max) {
                return problems.write(exchange, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
                        "Request too large", "The request body can be at most " + max + " bytes."));
            }
            if (length < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
                return problems.write(exchange, ProblemResponses.problem(HttpStatus.LENGTH_REQUIRED,
                        "Length required", "Send the request body with a Content-Length."));
            }
            return chain.filter(exchange);
        }, -10);
    }

    public static class Config {

        private DataSize max;

        public DataSize getMax() {
            return max;
        }

        public void setMax(DataSize max) {
            this.max = max;
        }
    }
}
