package org.pledgeworks.gateway.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.pledgeworks.gateway.problems.GatewayError;
import org.pledgeworks.gateway.problems.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The gateway's own errors on every path but {@code /api/**} (which {@code problems/} answers): a mistyped
 * address, a method a page does not take. A browser (its {@code Accept} names {@code text/html}) gets a
 * page in the site's frame; any other client gets RFC 9457 problem details, as on the API. Never Boot's
 * "Whitelabel Error Page".
 */
@Component
@Order(-2)
class HtmlErrorPages implements WebExceptionHandler {

    private final ProblemResponses problems;

    HtmlErrorPages(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/api/") || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        GatewayError error = GatewayError.of(exchange, ex, "There is nothing at this address.");
        if (!wantsHtml(exchange)) {
            return problems.write(exchange, error.problem(), error.headers());
        }
        HttpStatusCode status = error.status();
        String page = status.value() == 404 ? ErrorPages.notFound()
                : ErrorPages.other(status.value(), reason(status));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().addAll(error.headers());
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setCacheControl(CacheControl.noStore());
        DataBuffer body = response.bufferFactory().wrap(page.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }

    private static boolean wantsHtml(ServerWebExchange exchange) {
        List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
