package org.pledgeworks.gateway.pages;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.gateway.pages.CampaignPageRendererTest.json;

class EngagementPageRendererTest {

    private final EngagementPageRenderer renderer = new EngagementPageRenderer(
            new PagesProperties(URI.create("https://pledge.example.org"), Duration.ofSeconds(3), Duration.ofSeconds(1),
                    Duration.ofSeconds(1)));

    private final Map<String, OrganisationProfile> named = Map.of("fair-supply",
            OrganisationMother.profile("fair-supply", "Fair Supply").build());

    @Test
    void anOpportunitysPageHasItsPreviewItsCleanedDescriptionAndTheInterestForm() {
        Document page = Jsoup.parse(renderer.opportunity(
                OpportunityListing.from(json(EngagementMother.opportunity("o-1", "fair-phones", "published"))), named));

        assertThat(page.title()).isEqualTo("Translate <our> leaflets — Pledgeworks");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://pledge.example.org/opportunities/o-1");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("Translate <our> leaflets");
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("French to English");
        assertThat(page.select("meta[property=og:description]").attr("content")).isEqualTo("French to English");
        assertThat(page.getElementById("opportunity-description").html())
                .isEqualTo("<p>French to <strong>English</strong></p>");
        assertThat(page.select("a[href^=javascript], [onerror]")).isEmpty();
        assertThat(page.getElementById("opportunity-contact").select("a").attr("href"))
                .isEqualTo("mailto:volunteers@fsc.example.org");
        assertThat(page.getElementById("interest-form").attr("data-action")).isEqualTo("/api/opportunities/o-1/interest");
        assertThat(page.getElementById("interest-consent-label").text()).contains("Fair Supply may contact me");
        assertThat(page.select("script[src=/js/opportunity.js]")).hasSize(1);
        assertThat(page.select("a.back-link").attr("href")).isEqualTo("/campaigns/fair-phones");
    }

    @Test
    void aFilledOpportunityTakesNoMoreInterest() {
        Document page = Jsoup.parse(renderer.opportunity(
                OpportunityListing.from(json(EngagementMother.opportunity("o-1", "fair-phones", "filled"))), named));

        assertThat(page.getElementById("interest-form")).isNull();
        assertThat(page.getElementById("opportunity-closed").text()).contains("found the people it needed");
        assertThat(page.select("script")).isEmpty();
    }

    @Test
    void anEventsPageHasItsPreviewAndTheCalendarLinks() {
        Document page = Jsoup.parse(renderer.event(
                EventListing.from(json(EngagementMother.meeting("e-1", "fair-phones", "published"))), named));

        assertThat(page.title()).isEqualTo("Meet <the> union — Pledgeworks");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://pledge.example.org/events/e-1");
        assertThat(page.select("meta[property=og:description]").attr("content")).isEqualTo("Bring a friend");
        assertThat(page.getElementById("event-description").html()).isEqualTo("<p>Bring a <em>friend</em></p>");
        assertThat(page.getElementById("event-ics").attr("href")).isEqualTo("/api/events/e-1.ics");
        assertThat(page.getElementById("events-feed").attr("href")).isEqualTo("/api/campaigns/fair-phones/events.ics");
        assertThat(page.select("dd").eachText()).contains("Fair Supply", "40");
        assertThat(page.getElementById("event-cancelled")).isNull();
        assertThat(page.select("script")).isEmpty();
    }
}
