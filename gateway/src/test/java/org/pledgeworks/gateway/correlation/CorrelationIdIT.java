package org.pledgeworks.gateway.correlation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The X-Request-Id a service logs is the one the caller gets back; without one of the caller's it is the
 * request's trace id, which the service behind the gateway continues (W3C {@code traceparent}).
 */
class CorrelationIdIT extends GatewayITSupport {

    private static final String TRACE_ID = "[0-9a-f]{32}";

    @Test
    void withoutAnIdFromTheCallerTheTraceIdIsTheRequestIdAndTheServiceContinuesTheTrace() {
        campaignService.stubFor(get("/api/campaigns/demo").willReturn(okJson("{}")));

        EntityExchangeResult<String> result = client.get().uri("/api/campaigns/demo").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String returned = requestIdOf(result);

        assertThat(returned).matches(TRACE_ID);
        assertThat(result.getResponseHeaders().get(CorrelationIdFilter.TRACE_HEADER)).containsExactly(returned);
        assertThat(idSeenByCampaignService()).isEqualTo(returned);
        assertThat(campaignService.getAllServeEvents().get(0).getRequest().getHeader("traceparent"))
                .matches("00-" + returned + "-[0-9a-f]{16}-0[01]");
    }

    @Test
    void aSaneIdFromTheCallerIsKept() {
        campaignService.stubFor(get("/api/campaigns/demo").willReturn(okJson("{}")));

        String returned = requestIdOf(client.get().uri("/api/campaigns/demo")
                .header(CorrelationId.HEADER, "checkout-7f3a-42").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult());

        assertThat(returned).isEqualTo("checkout-7f3a-42");
        assertThat(idSeenByCampaignService()).isEqualTo("checkout-7f3a-42");
    }

    @Test
    void anIdThatIsNotSaneIsReplaced() {
        for (String insane : List.of("x".repeat(65), "abc def", "abc;rm", "émile", "a_b")) {
            campaignService.resetRequests();
            campaignService.stubFor(get("/api/campaigns/demo").willReturn(okJson("{}")));

            String returned = requestIdOf(client.get().uri("/api/campaigns/demo")
                    .header(CorrelationId.HEADER, insane).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult());

            assertThat(returned).as("returned for %s", insane).matches(TRACE_ID);
            assertThat(idSeenByCampaignService()).as("seen downstream for %s", insane).isEqualTo(returned);
        }
    }

    @Test
    void theCallerSeesOneIdEvenWhenTheServiceEchoesItsOwn() {
        campaignService.stubFor(get("/api/campaigns/demo").willReturn(aResponse().withStatus(200)
                .withHeader(CorrelationId.HEADER, "something-else")
                .withHeader("Content-Type", "application/json").withBody("{}")));

        List<String> values = client.get().uri("/api/campaigns/demo").header(CorrelationId.HEADER, "mine-1")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseHeaders().get(CorrelationId.HEADER);

        assertThat(values).containsExactly("mine-1");
    }

    @Test
    void pagesFallbacksAndErrorsCarryAnIdToo() {
        for (String path : List.of("/", "/campaign.html", "/api/notifications/x", "/api/no-such-api")) {
            String returned = requestIdOf(client.get().uri(path).exchange().expectBody(String.class).returnResult());
            assertThat(returned).as(path).matches(TRACE_ID);
        }
    }

    private static String requestIdOf(EntityExchangeResult<?> result) {
        List<String> values = result.getResponseHeaders().get(CorrelationId.HEADER);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private static String idSeenByCampaignService() {
        var events = campaignService.getAllServeEvents();
        assertThat(events).hasSize(1);
        return events.get(0).getRequest().getHeader(CorrelationId.HEADER);
    }
}
