package org.pledgeworks.gateway.correlation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties together everything done for one request, across the gateway and the services: an
 * alias of the request's trace id, or the caller's own id when they sent one.
 *
 * <p>Only short ids of letters, digits and dashes are accepted from outside: the value ends up in every
 * service's logs and headers, so anything that could forge log lines, inject headers or bloat every log
 * record is replaced by a fresh UUID rather than cleaned up.
 */
public record CorrelationId(String value) {

    /** The header that carries it, in and out, and downstream. */
    public static final String HEADER = "X-Request-Id";

    static final String ATTRIBUTE = CorrelationId.class.getName();

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public CorrelationId {
        if (value == null || !SANE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a sane correlation id");
        }
    }

    /**
     * The caller's id when they sent exactly one sane value, otherwise a new one. Two values are as
     * untrustworthy as a malformed one: which would the services log?
     */
    static CorrelationId fromHeaderValues(List<String> values) {
        return fromHeaderValues(values, Optional.empty());
    }

    /**
     * The caller's id when they sent exactly one sane value, otherwise the request's trace id (the id is
     * its alias), or a new one when tracing is off.
     */
    static CorrelationId fromHeaderValues(List<String> values, Optional<String> traceId) {
        if (values != null && values.size() == 1 && isSane(values.get(0))) {
            return new CorrelationId(values.get(0));
        }
        return traceId.filter(CorrelationId::isSane).map(CorrelationId::new).orElseGet(CorrelationId::generate);
    }

    static CorrelationId generate() {
        return new CorrelationId(UUID.randomUUID().toString());
    }

    static boolean isSane(String value) {
        return value != null && SANE.matcher(value).matches();
    }

    /** The id the correlation filter gave this exchange (also after a gateway forward, which keeps attributes). */
    public static Optional<CorrelationId> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
