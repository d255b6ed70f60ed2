package org.pledgeworks.gateway.pages;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.pages.CampaignPageData.Campaign;
import org.pledgeworks.gateway.pages.CampaignPageData.Count;
import org.pledgeworks.gateway.pages.CampaignPageData.Update;
import org.pledgeworks.kit.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignPageRendererTest {

    private static final Instant NOW = TestClock.now();

    private final CampaignPageRenderer renderer = new CampaignPageRenderer(
            new PagesProperties(URI.create("https://pledge.example.org/"), Duration.ofSeconds(3), Duration.ofSeconds(1),
                    Duration.ofSeconds(1)));

    @Test
    void theHeadCarriesWhatALinkPreviewReads() {
        String html = renderer.render(page(campaign("open", "https://img.example.org/a.jpg"), null, List.of()));

        assertThat(html).contains("<title>Buy fair phones — Pledgeworks</title>",
                "<meta name=\"description\" content=\"Phones made without forced labour.\">",
                "<meta property=\"og:title\" content=\"Buy fair phones\">",
                "<meta property=\"og:description\" content=\"Phones made without forced labour.\">",
                "<meta property=\"og:url\" content=\"https://pledge.example.org/campaigns/fair-phones\">",
                "<link rel=\"canonical\" href=\"https://pledge.example.org/campaigns/fair-phones\">",
                "<meta property=\"og:image\" content=\"https://img.example.org/a.jpg\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">", "<html lang=\"en\">");
    }

    @Test
    void noImageNoOgImageAndASmallCard() {
        String html = renderer.render(page(campaign("open", null), null, List.of()));

        assertThat(html).doesNotContain("og:image", "campaign-image")
                .contains("<meta name=\"twitter:card\" content=\"summary\">");
    }

    @Test
    void anImageThatIsNotHttpsIsLeftOut() {
        String html = renderer.render(page(campaign("open", "javascript:alert(1)"), null, List.of()));

        assertThat(html).doesNotContain("javascript:", "og:image");
    }

    @Test
    void markupInTheServicesTextComesOutAsText() {
        Campaign evil = new Campaign("fair-phones", "<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>",
                "<p>ok</p><script>alert(3)</script><a href=\"javascript:alert(4)\">x</a><img src=x onerror=alert(5)>",
                "I pledge <b>this</b>", 1000, "open", "en\"><script>", null, null, null, "owner", List.of());
        Update update = new Update("u1\"><script>", "<i>t</i>", "<p onclick=\"alert(6)\">body</p><iframe></iframe>",
                null, NOW);

        String html = renderer.render(page(evil, null, List.of(update)));

        // what a browser would build from it: no event handler, no script but the page's own, no frame or image
        Document parsed = Jsoup.parse(html);
        assertThat(parsed.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .map(Attribute::getKey)).noneMatch(key -> key.startsWith("on"));
        assertThat(parsed.select("script").eachAttr("src")).containsExactly("/js/charts.js", "/js/card-grid.js",
                "/js/form-errors.js", "/js/sign-form.js", "/js/campaign.js");
        assertThat(parsed.select("iframe, img, object")).isEmpty();
        assertThat(html).doesNotContain("<script>", "javascript:", "<iframe", "<img src=x",
                        "<b>this</b>", "<i>t</i>")
                .contains("<h1 id=\"campaign-title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>",
                        "<title>&lt;script&gt;alert(1)&lt;/script&gt; — Pledgeworks</title>",
                        "content=\"&quot;&gt;&lt;img src=x onerror=alert(2)&gt;\"", "<p>ok</p>", "<p>body</p>",
                        "I pledge &lt;b&gt;this&lt;/b&gt;", "<html lang=\"en\">");
    }

    @Test
    void descriptionAndUpdatesKeepTheirFormattingAndLinks() {
        Campaign c = new Campaign("fair-phones", "Buy fair phones", "Summary", "<h2>Why</h2><p><strong>Now</strong></p>",
                "I pledge", 1000, "open", "en", null, NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(30)), "o",
                List.of());
        Update update = new Update("u1", "Phone Co replied", "<p>Read <a href=\"https://example.org/r\">it</a></p>",
                "Read it", NOW.minus(Duration.ofDays(1)));

        String html = renderer.render(page(c, null, List.of(update)));

        assertThat(html).contains("<h2>Why</h2><p><strong>Now</strong></p>", "id=\"update-u1\"",
                "<a href=\"https://example.org/r\" rel=\"nofollow noopener\">it</a>", "Ends <time datetime=\"");
    }

    @Test
    void anOpenCampaignHasTheFormItsCountAndShareLinks() {
        String html = renderer.render(page(campaign("open", null),
                new Count(1234, List.of(Map.entry("FR", 1000L), Map.entry("GB", 234L))), List.of()));

        assertThat(html).contains("<form id=\"sign-form\" method=\"post\" action=\"/api/campaigns/fair-phones/pledges\"",
                "<option value=\"FR\">France</option>", "<span id=\"count-total\" class=\"count-total\">1,234</span>",
                "The goal is reached.", "<th scope=\"row\">France</th><td>1,000</td>",
                "href=\"https://wa.me/?text=Buy%20fair%20phones%20https%3A%2F%2Fpledge.example.org%2Fcampaigns%2Ffair-phones"
                        + "%3Futm_source%3Dwhatsapp%26utm_medium%3Dshare\"",
                "href=\"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fpledge.example.org%2Fcampaigns%2Ffair-phones"
                        + "%3Futm_source%3Dfacebook%26utm_medium%3Dshare\"",
                "href=\"mailto:?subject=Buy%20fair%20phones&amp;body=", "id=\"share-url\"", "id=\"follow-form\"");
    }

    @Test
    void theSignFormPassesOnTheTagsOfTheLinkThatOpenedThePageDroppingTheOnesPledgeServiceWouldRefuse() {
        org.springframework.util.LinkedMultiValueMap<String, String> query = new org.springframework.util.LinkedMultiValueMap<>();
        query.add("utm_source", "news\"letter");
        query.add("ref", "abc");
        query.add("utm_term", "\u202Eevil");
        query.add("utm_campaign", "spring");
        String html = renderer.render(page(campaign("open", null), new Count(1, List.of()), List.of()),
                LinkTags.from(query));

        assertThat(html).contains("<input type=\"hidden\" name=\"utm_source\" value=\"news&quot;letter\">",
                "<input type=\"hidden\" name=\"utm_campaign\" value=\"spring\">")
                .doesNotContain("name=\"ref\"", "name=\"utm_term\"");
        assertThat(renderer.render(page(campaign("open", null), new Count(1, List.of()), List.of())))
                .doesNotContain("type=\"hidden\"");
    }

    @Test
    void aClosedCampaignShowsItsFinalCountAndNoForm() {
        String html = renderer.render(page(campaign("closed", null), new Count(870, List.of()), List.of()));

        assertThat(html).contains("Final count", "870", "This campaign is not taking signatures any more.")
                .doesNotContain("id=\"sign-form\"", "id=\"follow-form\"", "The goal is reached.");
    }

    @Test
    void aLongSummaryIsCutAtAWordForPreviews() {
        String cut = CampaignPageRenderer.description("word ".repeat(100));

        assertThat(cut).hasSizeLessThanOrEqualTo(201).endsWith("word…");
    }

    @Test
    void theOwnerAndPartnersAreNamedLinkedAndShownWithTheirLogos() {
        Campaign c = withPartners(List.of("phone-workers-union", "fair-supply-coalition", "no-profile-yet",
                "phone-workers-union"));
        Map<String, OrganisationProfile> profiles = Map.of(
                "fair-supply-coalition", OrganisationMother.profile("fair-supply-coalition", "Fair Supply Coalition")
                        .logo("https://logos.example.org/fsc.png").website("https://www.fairsupply.example.org").build(),
                "phone-workers-union", OrganisationMother.profile("phone-workers-union", "Phone Workers' Union").build());

        String html = renderer.render(new CampaignPageData(c, null, List.of(), profiles));
        Document page = Jsoup.parse(html);

        assertThat(page.select("#owner .org-name").eachText()).containsExactly("Fair Supply Coalition");
        assertThat(page.select("#owner a.org-name").attr("href")).isEqualTo("/organisations/fair-supply-coalition");
        assertThat(page.select("#owner img.org-logo").outerHtml()).isEqualTo("<img class=\"org-logo\" "
                + "src=\"https://logos.example.org/fsc.png\" alt=\"\" width=\"40\" height=\"40\" loading=\"lazy\" "
                + "referrerpolicy=\"no-referrer\">");
        assertThat(page.select("#owner a.org-website").outerHtml()).isEqualTo("<a class=\"org-website\" "
                + "href=\"https://www.fairsupply.example.org\" rel=\"noopener nofollow\">fairsupply.example.org</a>");
        // the owner is not listed again as a partner, nor a partner twice; one without a profile is its id, unlinked
        assertThat(page.select("#partners-heading").text()).isEqualTo("Partners (2)");
        assertThat(page.select("#partners .org-name").eachText()).containsExactly("Phone Workers' Union", "no-profile-yet");
        assertThat(page.select("#partners a").eachAttr("href")).containsExactly("/organisations/phone-workers-union");
        assertThat(page.select("#partners img")).as("no logo, no image").isEmpty();
    }

    @Test
    void withoutTheDirectoryTheOrganisationsAreTheirIds() {
        String html = renderer.render(new CampaignPageData(withPartners(List.of("union")), null, List.of(), Map.of()));
        Document page = Jsoup.parse(html);

        assertThat(page.select("#organisations .org-name").eachText()).containsExactly("fair-supply-coalition", "union");
        assertThat(page.select("#organisations a, #organisations img")).isEmpty();
    }

    @Test
    void aHundredPartnersAreOneCompactList() {
        List<String> ids = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "partner-" + i).toList();

        Document page = Jsoup.parse(renderer.render(new CampaignPageData(withPartners(ids), null, List.of(), Map.of())));

        assertThat(page.select("#partners > li.org")).hasSize(100);
        assertThat(page.select("#partners-heading").text()).isEqualTo("Partners (100)");
        assertThat(page.select("#organisations").first().elementSiblingIndex())
                .as("after the form, so the partners' links do not stand between the keyboard and the form")
                .isGreaterThan(page.select("#share").first().elementSiblingIndex());
    }

    @Test
    void theEndorsingOrganisationsAreCountedNamedLinkedAndQuotedAsText() {
        Endorsers endorsers = new Endorsers(1_203, List.of(
                new Endorsers.Endorser("national-task-force", "National Task Force", "public-body",
                        "https://taskforce.example.org", "https://logos.example.org/tf.png",
                        "We commit to <b>action</b>.", NOW),
                new Endorsers.Endorser("union", "Union", "other", null, "http://logos.example.org/u.png", null, NOW)));

        Document page = Jsoup.parse(renderer.render(new CampaignPageData(withPartners(List.of()), null, List.of(),
                Map.of(), List.of(), List.of(), endorsers)));

        assertThat(page.select("#endorsements-heading").text()).isEqualTo("Endorsed by 1,203 organisations");
        assertThat(page.select("#endorsers a.org-name").eachAttr("href"))
                .containsExactly("/organisations/national-task-force", "/organisations/union");
        assertThat(page.select("#endorsers .org-kind").eachText()).containsExactly("Public body", "Organisation");
        assertThat(page.select("#endorsers blockquote").eachText()).containsExactly("We commit to <b>action</b>.");
        assertThat(page.select("#endorsers img").eachAttr("src")).as("an http logo is not shown")
                .containsExactly("https://logos.example.org/tf.png");
        assertThat(page.select("#endorsements").first().elementSiblingIndex())
                .isGreaterThan(page.select("#organisations").first().elementSiblingIndex());
    }

    @Test
    void noEndorserNoSection() {
        Document page = Jsoup.parse(renderer.render(new CampaignPageData(withPartners(List.of()), null, List.of(),
                Map.of())));

        assertThat(page.select("#endorsements")).isEmpty();
    }

    @Test
    void aHostileProfileIsTextAndItsAddressesAreNotLinked() {
        Map<String, OrganisationProfile> profiles = Map.of("fair-supply-coalition",
                OrganisationMother.profile("fair-supply-coalition", "<script>alert(1)</script>")
                        .website("javascript:alert(2)").logo("http://logos.example.org/x.png\" onerror=\"alert(3)").build());

        String html = renderer.render(new CampaignPageData(withPartners(List.of()), null, List.of(), profiles));

        assertThat(html).contains("<a class=\"org-name\" href=\"/organisations/fair-supply-coalition\">"
                        + "&lt;script&gt;alert(1)&lt;/script&gt;</a>")
                .doesNotContain("javascript:", "onerror", "alert(2)", "logos.example.org");
    }

    @Test
    void upcomingEventsAndVolunteerOpportunitiesAreListedAfterTheForm() {
        Map<String, OrganisationProfile> named = Map.of("fair-supply",
                OrganisationMother.profile("fair-supply", "Fair Supply").build());
        String html = renderer.render(new CampaignPageData(campaign("open", null), null, List.of(), named,
                EventListing.listFrom(json(EngagementMother.page(EngagementMother.meeting("e-1", "fair-phones",
                        "cancelled"), EngagementMother.onlineCall("e-2", "fair-phones")))),
                OpportunityListing.listFrom(json(EngagementMother.page(
                        EngagementMother.opportunity("o-1", "fair-phones", "published"))))));
        Document page = Jsoup.parse(html);

        String day = EngagementMother.meetingStarts().format(
                java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH));
        assertThat(page.getElementById("events-heading").text()).isEqualTo("Upcoming events");
        assertThat(page.select("#event-e-1 h3").html())
                .isEqualTo("<a href=\"/events/e-1\">Meet &lt;the&gt; union</a> <span class=\"tag tag-cancelled\">Cancelled</span>");
        // the time the organisers announced, in their zone, whatever the reader's
        assertThat(page.select("#event-e-1 dd").eachText()).containsExactly(
                day + ", 14:00–16:00 (Central European Time)", "Union hall, Hauptstr. 1, Berlin, Germany", "Fair Supply");
        assertThat(page.select("#event-e-1 time").attr("datetime"))
                .isEqualTo(EngagementMother.meetingStarts().atZone(EngagementMother.BERLIN).toInstant().toString());
        // an organiser without a profile is its id; an event with only a link is online
        assertThat(page.select("#event-e-2 dd").eachText()).endsWith("Online", "unknown-org");
        assertThat(page.getElementById("events-feed").attr("href")).isEqualTo("/api/campaigns/fair-phones/events.ics");

        assertThat(page.getElementById("volunteer-heading").text()).isEqualTo("Volunteer");
        assertThat(page.select("#opportunity-o-1 h3 a").attr("href")).isEqualTo("/opportunities/o-1");
        assertThat(page.select("#opportunity-o-1 h3").text()).isEqualTo("Translate <our> leaflets");
        assertThat(page.select("#opportunity-o-1 dd").eachText()).containsExactly("Fair Supply",
                "Lyon, France, or remote", "2 hours a week", "translation, French");
        // one link each, after the form: keyboard users reach the form first
        assertThat(html.indexOf("id=\"sign-form\"")).isLessThan(html.indexOf("id=\"events\""))
                .isLessThan(html.indexOf("id=\"volunteer\""));
        assertThat(page.select("#volunteer a")).hasSize(1);
    }

    @Test
    void theMilestonesReachedAndTheNextAreSaidBesideTheGoal() {
        Campaign withMilestones = new Campaign("fair-phones", "Buy fair phones", "Summary", null, "I pledge", 10_000,
                "open", "en", null, null, null, "fair-supply-coalition", List.of(), List.of(100L, 1_000L, 10_000L));

        Document page = Jsoup.parse(renderer.render(page(withMilestones, new Count(1234, List.of()), List.of())));
        Document unknownCount = Jsoup.parse(renderer.render(page(withMilestones, null, List.of())));

        assertThat(page.getElementById("milestones").text())
                .isEqualTo("Milestones reached: 100, 1,000. Next milestone: 10,000 signatures.");
        assertThat(page.getElementById("goal-text").text()).isEqualTo("12% of the goal of 10,000 signatures");
        assertThat(unknownCount.getElementById("milestones")).isNull();
    }

    @Test
    void withoutEventsOrOpportunitiesTheirSectionsAreLeftOut() {
        String html = renderer.render(page(campaign("open", null), null, List.of()));

        assertThat(html).doesNotContain("id=\"events\"", "id=\"volunteer\"", "events.ics");
    }

    @Test
    void theProgressCardComesAfterTheSignAndFollowFormsKeepingItsHeadingAndAnchor() {
        String html = renderer.render(page(campaign("open", null), null, List.of()));

        assertThat(html.indexOf("id=\"follow-form\"")).isPositive()
                .isLessThan(html.indexOf("<section id=\"progress-card\""));
        assertThat(html.indexOf("id=\"sign-form\"")).isLessThan(html.indexOf("id=\"follow-form\""));
        assertThat(html).contains("<h2 id=\"scorecard-heading\">Progress card</h2>");
    }

    static tools.jackson.databind.JsonNode json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }

    private static Campaign withPartners(List<String> partners) {
        return new Campaign("fair-phones", "Buy fair phones", "Summary", null, "I pledge", 1000, "open", "en", null,
                null, null, "fair-supply-coalition", partners);
    }

    private static CampaignPageData page(Campaign campaign, Count count, List<Update> updates) {
        return new CampaignPageData(campaign, count, updates, Map.of());
    }

    private static Campaign campaign(String status, String image) {
        return new Campaign("fair-phones", "Buy fair phones", "Phones made without forced labour.", null,
                "I will buy a fair phone.", 1000, status, "en", image, null, null, "fair-supply-coalition", List.of());
    }
}
