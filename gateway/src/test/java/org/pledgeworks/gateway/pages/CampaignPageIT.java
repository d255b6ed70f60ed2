package org.pledgeworks.gateway.pages;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;

import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The campaign page and the error pages through the real gateway, with WireMock for the services. */
class CampaignPageIT extends GatewayITSupport {

    private static final String CAMPAIGN = """
            {"campaignId":"c1","slug":"fair-phones","title":"Buy <fair> phones","summary":"Phones made fairly.",
             "descriptionHtml":"<p>Why it <strong>matters</strong></p>","pledgeText":"I will buy a fair phone.",
             "goal":1000,"status":"open","locale":"fr","imageUrl":"https://img.example.org/p.jpg"}""";

    @Test
    void aClientWithoutScriptGetsTheTitleDescriptionAndOpenGraphTags() {
        campaignService.stubFor(get("/api/campaigns/fair-phones").willReturn(okJson(CAMPAIGN)));
        pledgeService.stubFor(get("/api/campaigns/fair-phones/count")
                .willReturn(okJson("{\"total\":1234,\"byCountry\":{\"FR\":1200,\"DE\":34}}")));

        String html = client.get().uri("/campaigns/fair-phones").header("Accept-Language", "fr-FR").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Language", "fr")
                .expectHeader().value("Vary", vary -> assertThat(vary).contains("Accept-Language"))
                // the campaign's image is let in by its origin, on this page only; the rest of the policy stands
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("img-src 'self' data: https://img.example.org;", "frame-ancestors 'none'"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<html lang=\"fr\">", "<title>Buy &lt;fair&gt; phones — Pledgeworks</title>",
                "<meta name=\"description\" content=\"Phones made fairly.\">",
                "<meta property=\"og:title\" content=\"Buy &lt;fair&gt; phones\">",
                "<meta property=\"og:url\" content=\"http://127.0.0.1:8080/campaigns/fair-phones\">",
                "<meta property=\"og:image\" content=\"https://img.example.org/p.jpg\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">",
                "<p>Why it <strong>matters</strong></p>", "I will buy a fair phone.", "1,234",
                "<th scope=\"row\">France</th><td>1,200</td>", "action=\"/api/campaigns/fair-phones/pledges\"");
        campaignService.verify(getRequestedFor(urlEqualTo("/api/campaigns/fair-phones"))
                .withHeader("Accept-Language", equalTo("fr-FR")));
    }

    @Test
    void thePageStandsWhenTheCountAndUpdatesCannotBeRead() {
        campaignService.stubFor(get("/api/campaigns/fair-phones").willReturn(okJson(CAMPAIGN)));

        client.get().uri("/campaigns/fair-phones").exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<span id=\"count-total\" class=\"count-total\">–</span>", "id=\"sign-form\"")
                        .doesNotContain("id=\"updates-list\""));
    }

    @Test
    void anUnknownCampaignIsARealNotFoundPage() {
        campaignService.stubFor(get("/api/campaigns/no-forced-labour").willReturn(notFound()));

        client.get().uri("/campaigns/no-forced-labour").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("We could not find this campaign", "<link rel=\"stylesheet\" href=\"/css/app.css\">")
                        .doesNotContain("Whitelabel"));
    }

    @Test
    void aServiceThatFailsGivesAPageThatSaysToTryAgain() {
        campaignService.stubFor(get("/api/campaigns/fair-phones").willReturn(aResponse().withStatus(500)));

        client.get().uri("/campaigns/fair-phones").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody(String.class).value(html -> assertThat(html).contains("Please try again in a few seconds."));
    }

    @Test
    void theOldAddressMovesForGoodKeepingItsOtherParameters() {
        client.get().uri("/campaign.html?slug=fair-phones&utm_source=mail").exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().valueEquals("Location", "/campaigns/fair-phones?utm_source=mail");
        client.get().uri("/campaign.html").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
    }

    @Test
    void anUnknownAddressIsAPageForBrowsersAndAProblemForPrograms() {
        client.get().uri("/no/such/page").accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("We could not find this page", "href=\"/\"").doesNotContain("Whitelabel"));

        client.get().uri("/no/such/page").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.instance").isEqualTo("/no/such/page");
    }
}
