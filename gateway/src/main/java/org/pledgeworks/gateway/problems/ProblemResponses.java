package org.pledgeworks.gateway.problems;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import org.pledgeworks.gateway.correlation.CorrelationId;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes an RFC 9457 problem straight onto an exchange, for the filters that answer before any
 * controller does (size and rate limits, sign-in failures), so every error the gateway makes itself has
 * the same shape as the services' errors: {@code instance} is the path asked for and {@code requestId}
 * the correlation id.
 */
@Component
public class ProblemResponses {

    private final ServerResponse.Context context;

    ProblemResponses(ServerCodecConfigurer codecs) {
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /**
     * The paths whose last segment is a mailed link's token (staff invitations and resets here, a signer's
     * confirm and withdraw links proxied): a problem names the path, and must not hand the token on to
     * whatever logs or shows the problem.
     */
    private static final Pattern LINK_PATH = Pattern.compile(
            "(/api/auth/invitations|/api/auth/password-reset|/verify|/withdraw|/api/pledges/withdraw)/[^/]+");

    /** The path asked for, a link's token replaced by a mark. */
    static URI instance(ServerWebExchange exchange) {
        String path = exchange.getRequest().getURI().getRawPath();
        return URI.create(LINK_PATH.matcher(path).replaceFirst("$1/token-withheld"));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
        problem.setInstance(instance(exchange));
        CorrelationId.of(exchange).ifPresent(id -> problem.setProperty("requestId", id.value()));
        return ServerResponse.status(problem.getStatus())
                .headers(h -> h.addAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    /** The same problem as a controller's answer. */
    public static ResponseEntity<ProblemDetail> entity(ServerWebExchange exchange, ProblemDetail problem,
            HttpHeaders headers) {
        problem.setInstance(instance(exchange));
        CorrelationId.of(exchange).ifPresent(id -> problem.setProperty("requestId", id.value()));
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return write(exchange, problem, new HttpHeaders());
    }
}
