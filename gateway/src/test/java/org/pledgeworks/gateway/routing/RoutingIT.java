package org.pledgeworks.gateway.routing;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;
import org.pledgeworks.kit.testing.TestClock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Each public path reaches the service that owns it, with method, path, query and body intact. */
class RoutingIT extends GatewayITSupport {

    private static final int CONCURRENT_CALLS = 40;

    private static final String PLEDGE = """
            {"name":"Ada Lovelace","email":"ada@example.org","country":"GB","consentToUpdates":true,"locale":"en-GB"}""";

    @Test
    void campaignReadsReachCampaignService() {
        campaignService.stubFor(get("/api/campaigns/demo").willReturn(okJson("""
                {"slug":"demo","title":"Demo campaign"}""")));

        client.get().uri("/api/campaigns/demo").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Demo campaign");

        campaignService.verify(1, getRequestedFor(urlEqualTo("/api/campaigns/demo")));
        assertReceivedNothing(pledgeService);
    }

    @Test
    void anOpportunityAndACampaignsOpportunitiesReachCampaignService() {
        campaignService.stubFor(get("/api/opportunities/o-1").willReturn(okJson("""
                {"opportunityId":"o-1","title":"Speak at a school"}""")));
        campaignService.stubFor(get("/api/campaigns/demo/opportunities?country=DE&skill=teaching").willReturn(okJson("""
                {"items":[],"page":0,"size":20,"total":0}""")));

        client.get().uri("/api/opportunities/o-1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Speak at a school");
        client.get().uri("/api/campaigns/demo/opportunities?country=DE&skill=teaching").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);

        campaignService.verify(1, getRequestedFor(urlEqualTo("/api/opportunities/o-1")));
        campaignService.verify(1, getRequestedFor(urlEqualTo("/api/campaigns/demo/opportunities?country=DE&skill=teaching")));
        assertReceivedNothing(pledgeService);
    }

    @Test
    void anEventItsCalendarEntryAndACampaignsCalendarReachCampaignService() {
        campaignService.stubFor(get("/api/events/e-1").willReturn(okJson("""
                {"calendarEventId":"e-1","title":"An evening of questions"}""")));
        campaignService.stubFor(get("/api/events/e-1.ics").willReturn(aResponse()
                .withHeader("Content-Type", "text/calendar; charset=utf-8").withBody("BEGIN:VCALENDAR\r\n")));
        campaignService.stubFor(get("/api/campaigns/demo/events.ics").willReturn(aResponse()
                .withHeader("Content-Type", "text/calendar; charset=utf-8").withBody("BEGIN:VCALENDAR\r\n")));

        client.get().uri("/api/events/e-1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("An evening of questions");
        client.get().uri("/api/events/e-1.ics").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("BEGIN:VCALENDAR\r\n");
        client.get().uri("/api/campaigns/demo/events.ics").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar");

        campaignService.verify(1, getRequestedFor(urlEqualTo("/api/events/e-1")));
        campaignService.verify(1, getRequestedFor(urlEqualTo("/api/events/e-1.ics")));
        campaignService.verify(1, getRequestedFor(urlEqualTo("/api/campaigns/demo/events.ics")));
        assertReceivedNothing(pledgeService);
    }

    @Test
    void theDirectoryAndAnOrganisationsProfileReachCampaignService() {
        campaignService.stubFor(get("/api/organisations?page=1&size=5").willReturn(okJson("""
                {"items":[],"page":1,"size":5,"total":0}""")));
        campaignService.stubFor(get("/api/organisations/fair-supply-coalition").willReturn(okJson("""
                {"organisationId":"fair-supply-coalition","name":"Fair Supply Coalition","campaigns":[]}""")));

        client.get().uri("/api/organisations?page=1&size=5").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.size").isEqualTo(5);
        client.get().uri("/api/organisations/fair-supply-coalition").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Fair Supply Coalition");

        campaignService.verify(1, getRequestedFor(urlEqualTo("/api/organisations?page=1&size=5")));
        campaignService.verify(1, getRequestedFor(urlEqualTo("/api/organisations/fair-supply-coalition")));
        assertReceivedNothing(pledgeService);
    }

    @Test
    void campaignListKeepsItsQuery() {
        campaignService.stubFor(get("/api/campaigns?page=1&size=5").willReturn(okJson("""
                {"items":[],"page":1,"size":5,"total":0}""")));

        client.get().uri("/api/campaigns?page=1&size=5").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.size").isEqualTo(5);

        campaignService.verify(1, getRequestedFor(urlEqualTo("/api/campaigns?page=1&size=5")));
    }

    @Test
    void signingReachesPledgeServiceWithItsBody() {
        pledgeService.stubFor(post("/api/campaigns/demo/pledges").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"status":"pending","message":"Check your email to confirm your signature."}""")));

        client.post().uri("/api/campaigns/demo/pledges")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(PLEDGE)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("pending");

        pledgeService.verify(1, postRequestedFor(urlEqualTo("/api/campaigns/demo/pledges"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(PLEDGE)));
        assertReceivedNothing(campaignService);
    }

    @Test
    void pathsBelowPledgesReachPledgeService() {
        pledgeService.stubFor(get("/api/campaigns/demo/pledges/export").willReturn(okJson("{}")));

        client.get().uri("/api/campaigns/demo/pledges/export").exchange().expectStatus().isOk();

        pledgeService.verify(1, getRequestedFor(urlEqualTo("/api/campaigns/demo/pledges/export")));
        assertReceivedNothing(campaignService);
    }

    @Test
    void countReachesPledgeService() {
        pledgeService.stubFor(get("/api/campaigns/demo/count").willReturn(okJson("""
                {"campaignId":"c1","slug":"demo","total":42,"byCountry":{"GB":42},"asOf":"%s"}""".formatted(TestClock.now()))));

        client.get().uri("/api/campaigns/demo/count").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(42);

        pledgeService.verify(1, getRequestedFor(urlEqualTo("/api/campaigns/demo/count")));
        assertReceivedNothing(campaignService);
    }

    @Test
    void verificationLinkReachesPledgeService() {
        pledgeService.stubFor(get("/verify/abc").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html;charset=UTF-8")
                .withBody("<h1>Thank you, your signature is confirmed</h1>")));

        client.get().uri("/verify/abc").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("signature is confirmed"));

        pledgeService.verify(1, getRequestedFor(urlEqualTo("/verify/abc")));
    }

    @Test
    void pledgeApiReachesPledgeService() {
        pledgeService.stubFor(get("/api/pledges/me").willReturn(okJson("{}")));

        client.get().uri("/api/pledges/me").exchange().expectStatus().isOk();

        pledgeService.verify(1, getRequestedFor(urlEqualTo("/api/pledges/me")));
    }

    @Test
    void theShortWithdrawLinkReachesPledgeServicesWithdrawalPage() {
        pledgeService.stubFor(get("/api/pledges/withdraw/tok-1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html;charset=UTF-8").withBody("<form method=\"post\">")));
        pledgeService.stubFor(post("/api/pledges/withdraw/tok-1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html;charset=UTF-8").withBody("<h1>Withdrawn</h1>")));

        client.get().uri("/withdraw/tok-1").exchange().expectStatus().isOk();
        client.post().uri("/withdraw/tok-1").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("Withdrawn"));

        pledgeService.verify(1, getRequestedFor(urlEqualTo("/api/pledges/withdraw/tok-1")));
        pledgeService.verify(1, postRequestedFor(urlEqualTo("/api/pledges/withdraw/tok-1")));
    }

    @Test
    void aServicesOwnProblemPassesThroughUnchanged() {
        pledgeService.stubFor(post("/api/campaigns/demo/pledges").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"title":"Invalid pledge","status":400,"errors":[{"field":"email","message":"must be a well-formed email address"}]}""")));

        client.post().uri("/api/campaigns/demo/pledges")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(PLEDGE)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void aFailedPostIsNeverRetried() {
        pledgeService.stubFor(post("/api/campaigns/demo/pledges")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        client.post().uri("/api/campaigns/demo/pledges")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(PLEDGE)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.service").isEqualTo("pledge-service");

        pledgeService.verify(1, postRequestedFor(urlEqualTo("/api/campaigns/demo/pledges")));
    }

    @Test
    void aBusyServicesAnswerIsNotRetriedEvenForReads() {
        // a 503 asks for less traffic: the gateway hands it on instead of doubling the load
        pledgeService.stubFor(get("/api/campaigns/demo/count").willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "2")));

        client.get().uri("/api/campaigns/demo/count").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "2");

        pledgeService.verify(1, getRequestedFor(urlEqualTo("/api/campaigns/demo/count")));
    }

    @Test
    void manyConcurrentCallsOfARouteAreAllPassedOn() {
        // a route other than signing, which has a limit of its own on what is in flight (EdgeIT)
        pledgeService.stubFor(get("/api/campaigns/demo/count").willReturn(okJson("{\"total\":1}")
                .withFixedDelay(300)));
        WebClient web = WebClient.create("http://127.0.0.1:" + port);

        List<Integer> statuses = Flux.range(0, CONCURRENT_CALLS)
                .flatMap(i -> web.get().uri("/api/campaigns/demo/count")
                        .exchangeToMono(response -> Mono.just(response.statusCode().value())), CONCURRENT_CALLS)
                .collectList()
                .block(Duration.ofSeconds(30));

        // more than the 25 calls Spring Cloud's default bulkhead would let through at once
        assertThat(statuses).hasSize(CONCURRENT_CALLS).containsOnly(200);
        pledgeService.verify(CONCURRENT_CALLS, getRequestedFor(urlEqualTo("/api/campaigns/demo/count")));
    }

    private static void assertReceivedNothing(WireMockServer service) {
        service.verify(0, anyRequestedFor(anyUrl()));
    }
}
