package org.pledgeworks.kit.tracing;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;

/**
 * One log line per HTTP request a service answers, carrying the request's trace id (and the gateway's
 * {@code X-Request-Id} as {@code requestId}), so a request can be found in every service's log by the id
 * the gateway returned. Without it a request that succeeds leaves no line at all.
 *
 * <p>Logs the route's pattern ({@code /verify/{token}}), never the path: paths carry tokens. Health and
 * metrics scrapes are left out, they would drown the rest.
 */
public class RequestLog implements Filter, Ordered {

    /** The gateway's correlation header, kept as an alias of the trace id. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** Where the request id stands in the MDC while the request is handled. */
    public static final String REQUEST_ID = "requestId";

    /** HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, spelled out so the kit needs no Spring MVC. */
    static final String PATTERN_ATTRIBUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    /** The gateway sends only such ids; anything else reached the service another way and is not logged. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response)
                || request.getRequestURI().startsWith("/actuator")) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        boolean tagged = requestId != null && SANE.matcher(requestId).matches();
        if (tagged) {
            MDC.put(REQUEST_ID, requestId);
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        }
        finally {
            Object pattern = request.getAttribute(PATTERN_ATTRIBUTE);
            log.info("{} {} {} in {} ms", request.getMethod(), pattern == null ? "(no route)" : pattern,
                    response.getStatus(), (System.nanoTime() - start) / 1_000_000);
            if (tagged) {
                MDC.remove(REQUEST_ID);
            }
        }
    }

    /** Inside Boot's server observation (HIGHEST_PRECEDENCE + 1), so the line carries the request's span. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
