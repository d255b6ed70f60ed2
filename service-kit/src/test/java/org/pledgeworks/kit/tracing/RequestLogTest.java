package org.pledgeworks.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final RequestLog filter = new RequestLog();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void aRequestLeavesOneLineWithItsRouteStatusAndTheGatewaysRequestId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/verify/secret-token-123");
        request.addHeader(RequestLog.REQUEST_ID_HEADER, "req-42");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            req.setAttribute(RequestLog.PATTERN_ATTRIBUTE, "/verify/{token}");
            ((MockHttpServletResponse) res).setStatus(200);
        });

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).startsWith("GET /verify/{token} 200 in ");
            assertThat(line.getFormattedMessage()).doesNotContain("secret-token-123");
            assertThat(line.getMDCPropertyMap()).containsEntry(RequestLog.REQUEST_ID, "req-42");
        });
        assertThat(MDC.get(RequestLog.REQUEST_ID)).isNull();
    }

    @Test
    void aRequestIdThatCouldForgeLogLinesIsLeftOut() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/campaigns/x/pledges");
        request.addHeader(RequestLog.REQUEST_ID_HEADER, "a\nforged line");

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
        });

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).startsWith("POST (no route) 200");
            assertThat(line.getMDCPropertyMap()).doesNotContainKey(RequestLog.REQUEST_ID);
        });
    }

    @Test
    void probesAndScrapesAreNotLogged() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"),
                new MockHttpServletResponse(), (req, res) -> {
                });

        assertThat(lines.list).isEmpty();
    }
}
