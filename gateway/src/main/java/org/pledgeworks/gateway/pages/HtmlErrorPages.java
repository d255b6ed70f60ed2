package org.pledgeworks.gateway.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.pledgeworks.gateway.problems.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.resource.NoResourceFoundException;
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

    private static final Logger log = LoggerFactory.getLogger(HtmlErrorPages.class);

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
        HttpStatusCode status;
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof ErrorResponse error) {
            status = error.getStatusCode();
            headers.addAll(error.getHeaders());
        }
        else {
            log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), path, ex);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (!wantsHtml(exchange)) {
            // Spring's own detail of a missing resource talks of "static resources"
            ProblemDetail problem = ex instanceof ErrorResponse error && !(ex instanceof NoResourceFoundException)
                    ? error.getBody()
                    : ProblemDetail.forStatusAndDetail(status, status.value() == 404
                            ? "There is nothing at this address." : "Something went wrong in the gateway.");
            return problems.write(exchange, problem, headers);
        }
        String page = status.value() == 404 ? ErrorPages.notFound()
                : ErrorPages.other(status.value(), reason(status));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().addAll(headers);
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
