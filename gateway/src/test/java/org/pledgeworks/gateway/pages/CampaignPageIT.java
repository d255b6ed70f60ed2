package org.pledgeworks.gateway.pages;

import java.time.Duration;

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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The campaign page and the error pages through the real gateway, with WireMock for the services. */
class CampaignPageIT extends GatewayITSupport {

    private static final String CAMPAIGN = """
            {"campaignId":"c1","slug":"fair-phones","title":"Buy <fair> phones","summary":"Phones made fairly.",
             "descriptionHtml":"<p>Why it <strong>matters</strong></p>","pledgeText":"I will buy a fair phone.",
             "goal":1000,"status":"open","locale":"fr","imageUrl":"https://img.example.org/p.jpg",
             "milestones":[100,1000]}""";

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
                "<th scope=\"row\">France</th><td>1,200</td>", "Milestones reached: 100, 1,000.", "action=\"/api/campaigns/fair-phones/pledges\"");
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
    void theEmbedMayBeFramedByTheSitesStaffNamedAndByNoOther() {
        campaignService.stubFor(get("/api/campaigns/fair-phones").willReturn(okJson(CAMPAIGN)));
        pledgeService.stubFor(get("/api/campaigns/fair-phones/count").willReturn(okJson("{\"total\":12,\"byCountry\":{}}")));
        campaignService.stubFor(get("/api/campaigns/fair-phones/embed").willReturn(okJson("""
                {"slug":"fair-phones","origins":["https://partner.example.org","http://localhost:5173",
                 "https://evil.example.org; script-src *"]}""")));

        String html = client.get().uri("/embed/fair-phones?utm_source=partner-site").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("frame-ancestors https://partner.example.org http://localhost:5173;")
                        .doesNotContain("evil", "frame-ancestors 'none'"))
                .expectHeader().doesNotExist("X-Frame-Options")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<body class=\"embed\">", "id=\"sign-form\"", "I will buy a fair phone.",
                "<span id=\"count-total\" class=\"count-total\">12</span>",
                "<input type=\"hidden\" name=\"utm_source\" value=\"partner-site\">",
                "<link rel=\"canonical\" href=\"http://127.0.0.1:8080/campaigns/fair-phones\">",
                "<meta name=\"robots\" content=\"noindex\">")
                .doesNotContain("site-header", "class=\"site-footer\"");
    }

    @Test
    void anEmbedWhoseSitesCannotBeReadMayBeFramedByNoOne() {
        campaignService.stubFor(get("/api/campaigns/fair-phones").willReturn(okJson(CAMPAIGN)));
        campaignService.stubFor(get("/api/campaigns/fair-phones/embed").willReturn(aResponse().withStatus(500)));

        client.get().uri("/embed/fair-phones").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
        campaignService.stubFor(get("/api/campaigns/no-such-campaign").willReturn(notFound()));
        client.get().uri("/embed/no-such-campaign").exchange().expectStatus().isNotFound()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"));
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
    void theCampaignPageNamesItsOwnerAndPartnersFromTheDirectory() {
        stubCampaign("coalition", "union-owner", "union-partner", "union-without-profile");
        campaignService.stubFor(get("/api/organisations/union-owner").willReturn(okJson(profile("union-owner",
                "Phone Workers' Union", "https://logos.example.org/union.png", "https://union.example.org"))));
        campaignService.stubFor(get("/api/organisations/union-partner").willReturn(okJson(profile("union-partner",
                "<script>alert(1)</script>", null, "javascript:alert(2)"))));
        campaignService.stubFor(get("/api/organisations/union-without-profile").willReturn(notFound()));

        String html = client.get().uri("/campaigns/coalition").exchange().expectStatus().isOk()
                // the logo is hot-linked by the reader's browser: its origin is let in, on this page only
                .expectHeader().value("Content-Security-Policy",
                        csp -> assertThat(csp).contains("img-src 'self' data: https://logos.example.org;"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<h3 id=\"owner-heading\">Run by</h3>",
                "<a class=\"org-name\" href=\"/organisations/union-owner\">Phone Workers&#39; Union</a>",
                "<img class=\"org-logo\" src=\"https://logos.example.org/union.png\" alt=\"\"",
                "loading=\"lazy\" referrerpolicy=\"no-referrer\">",
                "href=\"https://union.example.org\" rel=\"noopener nofollow\">union.example.org</a>",
                "<h3 id=\"partners-heading\">Partners (2)</h3>",
                "<a class=\"org-name\" href=\"/organisations/union-partner\">&lt;script&gt;alert(1)&lt;/script&gt;</a>",
                "<span class=\"org-name\">union-without-profile</span>")
                .doesNotContain("javascript:", "/organisations/union-without-profile");
    }

    @Test
    void theCampaignPageStandsWhenTheDirectoryFailsOrIsSlow() {
        stubCampaign("coalition-down", "owner-fast", "partner-broken", "partner-slow");
        campaignService.stubFor(get("/api/organisations/owner-fast").willReturn(okJson(profile("owner-fast",
                "Fast Owner", null, null))));
        campaignService.stubFor(get("/api/organisations/partner-broken").willReturn(aResponse().withStatus(500)));
        campaignService.stubFor(get("/api/organisations/partner-slow").willReturn(okJson(profile("partner-slow",
                "Slow Partner", null, null)).withFixedDelay(4_000)));

        long started = System.nanoTime();
        String html = client.get().uri("/campaigns/coalition-down").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // the page waits pages.organisations-timeout (1 s) for the directory, not the slow answer's 4 s
        assertThat(took).isLessThan(Duration.ofMillis(3_500));
        assertThat(html).contains("<a class=\"org-name\" href=\"/organisations/owner-fast\">Fast Owner</a>",
                        "<span class=\"org-name\">partner-broken</span>", "<span class=\"org-name\">partner-slow</span>",
                        "id=\"sign-form\"")
                .doesNotContain("Slow Partner");
    }

    @Test
    void anOrganisationHasAPageOfItsOwn() {
        campaignService.stubFor(get("/api/organisations/fair-supply").willReturn(okJson("""
                {"organisationId":"fair-supply","name":"Fair <Supply> Coalition","kind":"ngo",
                 "description":"We check supply chains.","website":"javascript:alert(1)",
                 "logoUrl":"https://logos.example.org/fsc.png","contactEmail":"hello@fsc.example.org",
                 "socialLinks":["https://social.example.org/@fsc"],
                 "campaigns":[{"campaignId":"c1","slug":"fair-phones","title":"Buy fair phones","status":"open","role":"owner"},
                              {"campaignId":"c2","slug":"clean-laptops","title":"Clean laptops","status":"closed","role":"partner"}]}""")));

        String html = client.get().uri("/organisations/fair-supply").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Cache-Control", cache -> assertThat(cache).contains("max-age=60"))
                .expectHeader().value("Content-Security-Policy",
                        csp -> assertThat(csp).contains("img-src 'self' data: https://logos.example.org;"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<title>Fair &lt;Supply&gt; Coalition — Pledgeworks</title>",
                "<meta name=\"description\" content=\"We check supply chains.\">",
                "<link rel=\"canonical\" href=\"http://127.0.0.1:8080/organisations/fair-supply\">",
                "<meta property=\"og:title\" content=\"Fair &lt;Supply&gt; Coalition\">",
                "<meta property=\"og:image\" content=\"https://logos.example.org/fsc.png\">",
                "<h1 id=\"organisation-name\">Fair &lt;Supply&gt; Coalition</h1>", "Non-governmental organisation",
                "<a class=\"org-social\" href=\"https://social.example.org/@fsc\" rel=\"noopener nofollow\">",
                "<a href=\"/campaigns/fair-phones\">Buy fair phones</a>",
                "<a href=\"/campaigns/clean-laptops\">Clean laptops</a> <span class=\"hint\">(closed)</span>")
                .doesNotContain("javascript:");
    }

    @Test
    void theDirectoryListsEveryOrganisationAPageAtATimeLinkedToTheirPages() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            items.append(i == 0 ? "" : ",").append("{\"organisationId\":\"org-").append(i)
                    .append("\",\"name\":\"Org ").append(i).append("\",\"kind\":\"ngo\"}");
        }
        campaignService.stubFor(get(urlPathEqualTo("/api/organisations")).withQueryParam("page", equalTo("0"))
                .withQueryParam("size", equalTo("50"))
                .willReturn(okJson("{\"items\":[" + items + "],\"page\":0,\"size\":50,\"total\":51}")));
        campaignService.stubFor(get(urlPathEqualTo("/api/organisations")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson("""
                        {"items":[{"organisationId":"last-one","name":"<b>Last</b> & best","kind":"public-body",
                          "description":"%s","logoUrl":"https://logos.example.org/last.png","website":"javascript:x"}],
                         "page":1,"size":50,"total":51}""".formatted("word ".repeat(80).strip()))));
        campaignService.stubFor(get(urlPathEqualTo("/api/organisations")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"items\":[],\"page\":2,\"size\":50,\"total\":51}")));

        String first = client.get().uri("/organisations").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(first).contains("<title>Partner organisations — Pledgeworks</title>",
                "<link rel=\"canonical\" href=\"http://127.0.0.1:8080/organisations\">",
                "51 organisations run or support campaigns here.",
                "<a class=\"org-name\" href=\"/organisations/org-0\">Org 0</a>",
                "<a class=\"org-name\" href=\"/organisations/org-49\">Org 49</a>",
                "<a rel=\"next\" href=\"/organisations?page=2\">Next page</a>")
                .doesNotContain("org-50", "Previous page");

        String second = client.get().uri("/organisations?page=2").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy",
                        csp -> assertThat(csp).contains("img-src 'self' data: https://logos.example.org;"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(second).contains("<title>Partner organisations, page 2 — Pledgeworks</title>",
                "<a class=\"org-name\" href=\"/organisations/last-one\">&lt;b&gt;Last&lt;/b&gt; &amp; best</a>",
                "Public body", "<a rel=\"prev\" href=\"/organisations\">Previous page</a>",
                "word word…</p>")
                .doesNotContain("Next page", "javascript:", "<b>Last");

        // a page that cannot exist is the 404 page, never a list that says nothing
        for (String path : new String[] {"/organisations?page=3", "/organisations?page=0", "/organisations?page=x",
                "/organisations?page=-1"}) {
            client.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void theDirectoryThatCannotBeReadSaysToTryAgain() {
        campaignService.stubFor(get(urlPathEqualTo("/api/organisations")).willReturn(aResponse().withStatus(500)));

        client.get().uri("/organisations").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).value(html -> assertThat(html).doesNotContain("Whitelabel"));
    }

    @Test
    void anUnknownOrganisationIsARealNotFoundPage() {
        campaignService.stubFor(get("/api/organisations/nobody").willReturn(notFound()));

        for (String path : new String[] {"/organisations/nobody", "/organisations/-not-an-id"}) {
            client.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).value(html -> assertThat(html)
                            .contains("We could not find this organisation", "href=\"/css/app.css\"")
                            .doesNotContain("Whitelabel"));
        }
    }

    @Test
    void theCampaignPageListsItsUpcomingEventsAndVolunteerOpportunitiesAfterTheForm() {
        stubCampaign("with-events", "with-events-owner");
        campaignService.stubFor(get(urlPathEqualTo("/api/campaigns/with-events/events")).willReturn(okJson(
                EngagementMother.page(EngagementMother.meeting("e-1", "with-events", "published")))));
        campaignService.stubFor(get(urlPathEqualTo("/api/campaigns/with-events/opportunities")).willReturn(okJson(
                EngagementMother.page(EngagementMother.opportunity("o-1", "with-events", "published")))));

        String html = client.get().uri("/campaigns/with-events").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<h2 id=\"events-heading\">Upcoming events</h2>",
                "<a href=\"/events/e-1\">Meet &lt;the&gt; union</a>", "(Central European Time)",
                "href=\"/api/campaigns/with-events/events.ics\">Subscribe to the calendar</a>",
                "<h2 id=\"volunteer-heading\">Volunteer</h2>",
                "<a href=\"/opportunities/o-1\">Translate &lt;our&gt; leaflets</a>", "Lyon, France, or remote");
        assertThat(html.indexOf("id=\"sign-form\"")).isLessThan(html.indexOf("id=\"progress-card\""))
                .isLessThan(html.indexOf("id=\"events\""));
        campaignService.verify(getRequestedFor(urlEqualTo("/api/campaigns/with-events/events?size=10")));
    }

    @Test
    void theCampaignPageListsTheOrganisationsThatEndorseItAndAllowsTheirLogos() {
        stubCampaign("endorsed", "endorsed-owner");
        campaignService.stubFor(get("/api/campaigns/endorsed/endorsements").willReturn(okJson("""
                {"slug": "endorsed", "total": 1, "items": [{"organisationId": "task-force", "name": "Task <Force>",
                 "kind": "public-body", "website": "https://tf.example.org", "logoUrl": "https://logos.example.org/tf.svg",
                 "quote": "We commit.", "endorsedAt": "2026-11-21T09:30:00Z"}]}""")));

        var result = client.get().uri("/campaigns/endorsed").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();

        assertThat(result.getResponseBody()).contains("<h2 id=\"endorsements-heading\">Endorsed by 1 organisation</h2>",
                "<a class=\"org-name\" href=\"/organisations/task-force\">Task &lt;Force&gt;</a>",
                "<blockquote class=\"endorsement-quote\">We commit.</blockquote>");
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy")).contains("https://logos.example.org");
    }

    @Test
    void theCampaignPageStandsWithoutEventsAndOpportunitiesWhenTheyFailOrAreSlow() {
        stubCampaign("events-down", "events-down-owner");
        campaignService.stubFor(get(urlPathEqualTo("/api/campaigns/events-down/events"))
                .willReturn(aResponse().withStatus(500)));
        campaignService.stubFor(get(urlPathEqualTo("/api/campaigns/events-down/opportunities")).willReturn(okJson(
                EngagementMother.page(EngagementMother.opportunity("o-1", "events-down", "published")))
                .withFixedDelay((int) SECTIONS_TIMEOUT.multipliedBy(3).toMillis())));

        long started = System.nanoTime();
        String html = client.get().uri("/campaigns/events-down").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        // the page waits pages.sections-timeout, not the slow answer's three times that
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SECTIONS_TIMEOUT.multipliedBy(2));
        assertThat(html).contains("id=\"sign-form\"").doesNotContain("id=\"events\"", "id=\"volunteer\"");
    }

    @Test
    void anOpportunityAndAnEventHavePagesOfTheirOwn() {
        campaignService.stubFor(get("/api/opportunities/o-1").willReturn(okJson(
                EngagementMother.opportunity("o-1", "fair-phones", "published"))));
        campaignService.stubFor(get("/api/events/e-1").willReturn(okJson(
                EngagementMother.meeting("e-1", "fair-phones", "cancelled"))));
        campaignService.stubFor(get("/api/organisations/fair-supply").willReturn(okJson(profile("fair-supply",
                "Fair Supply", null, null))));

        String opportunity = client.get().uri("/opportunities/o-1").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Cache-Control", cache -> assertThat(cache).contains("max-age=60"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(opportunity).contains("<title>Translate &lt;our&gt; leaflets — Pledgeworks</title>",
                "<meta name=\"description\" content=\"French to English\">",
                "<meta property=\"og:title\" content=\"Translate &lt;our&gt; leaflets\">",
                "<meta property=\"og:description\" content=\"French to English\">",
                "<link rel=\"canonical\" href=\"http://127.0.0.1:8080/opportunities/o-1\">",
                "<p>French to <strong>English</strong></p>", "<dd>Fair Supply</dd>",
                "data-action=\"/api/opportunities/o-1/interest\"", "<script src=\"/js/opportunity.js\" defer>")
                .doesNotContain("onerror", "javascript:");

        String event = client.get().uri("/events/e-1").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(event).contains("<title>Meet &lt;the&gt; union — Pledgeworks</title>",
                "<meta property=\"og:title\" content=\"Meet &lt;the&gt; union\">",
                "<meta property=\"og:description\" content=\"Bring a friend\">",
                "<link rel=\"canonical\" href=\"http://127.0.0.1:8080/events/e-1\">", "This event is cancelled.",
                "<a id=\"event-ics\" href=\"/api/events/e-1.ics\">Add to calendar</a>")
                .doesNotContain("<script>alert");
    }

    @Test
    void anUnknownOpportunityOrEventIsARealNotFoundPageAndAFailingOneATryAgain() {
        campaignService.stubFor(get("/api/opportunities/o-gone").willReturn(notFound()));
        campaignService.stubFor(get("/api/events/e-gone").willReturn(notFound()));
        campaignService.stubFor(get("/api/events/e-broken").willReturn(aResponse().withStatus(500)));

        for (String path : new String[] {"/opportunities/o-gone", "/opportunities/-not-an-id"}) {
            client.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
                    .expectBody(String.class).value(html -> assertThat(html)
                            .contains("We could not find this volunteer opportunity", "href=\"/css/app.css\""));
        }
        client.get().uri("/events/e-gone").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(html -> assertThat(html).contains("We could not find this event"));
        client.get().uri("/events/e-broken").accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(503)
                .expectBody(String.class).value(html -> assertThat(html).contains("Please try again in a few seconds."));
    }

    private static void stubCampaign(String slug, String owner, String... partners) {
        campaignService.stubFor(get("/api/campaigns/" + slug).willReturn(okJson("""
                {"campaignId":"c-%1$s","slug":"%1$s","title":"A coalition","pledgeText":"I pledge.","goal":10,
                 "status":"open","ownerOrganisation":"%2$s","partnerOrganisations":[%3$s]}""".formatted(slug, owner,
                java.util.Arrays.stream(partners).map(p -> "\"" + p + "\"").collect(java.util.stream.Collectors.joining(","))))));
    }

    private static String profile(String id, String name, String logo, String website) {
        return """
                {"organisationId":"%s","name":"%s","kind":"ngo","logoUrl":%s,"website":%s,"socialLinks":[],"campaigns":[]}"""
                .formatted(id, name.replace("\"", "\\\""), logo == null ? "null" : "\"" + logo + "\"",
                        website == null ? "null" : "\"" + website + "\"");
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
