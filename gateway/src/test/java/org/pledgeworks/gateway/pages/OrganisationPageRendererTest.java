package org.pledgeworks.gateway.pages;

import java.net.URI;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationPageRendererTest {

    private final OrganisationPageRenderer renderer = new OrganisationPageRenderer(
            new PagesProperties(URI.create("https://pledge.example.org"), Duration.ofSeconds(3), Duration.ofSeconds(1),
                    Duration.ofSeconds(1)));

    @Test
    void theHeadCarriesWhatALinkPreviewReads() {
        String html = renderer.render(OrganisationMother.profile("phone-workers-union", "Phone Workers' Union")
                .description("Workers who make phones, organised.").logo("https://logos.example.org/pwu.png").build());

        assertThat(html).contains("<title>Phone Workers&#39; Union — Pledgeworks</title>",
                "<meta name=\"description\" content=\"Workers who make phones, organised.\">",
                "<link rel=\"canonical\" href=\"https://pledge.example.org/organisations/phone-workers-union\">",
                "<meta property=\"og:title\" content=\"Phone Workers&#39; Union\">",
                "<meta property=\"og:url\" content=\"https://pledge.example.org/organisations/phone-workers-union\">",
                "<meta property=\"og:image\" content=\"https://logos.example.org/pwu.png\">",
                "<meta name=\"twitter:card\" content=\"summary\">", "<html lang=\"en\">");
        assertThat(Jsoup.parse(html).select("script")).as("nothing to enhance").isEmpty();
    }

    @Test
    void theBodyHasTheProfileAndItsCampaigns() {
        Document page = Jsoup.parse(renderer.render(OrganisationMother.profile("fsc", "Fair Supply Coalition")
                .kind("public-body").description("We check supply chains.").website("https://fsc.example.org/about")
                .social("https://mastodon.example.social/@fsc").social("http://insecure.example.org")
                .email("hello@fsc.example.org").logo("https://logos.example.org/fsc.png")
                .runs("fair-phones", "Buy fair phones", "open").runs("old-one", "An old one", "closed")
                .partners("clean-laptops", "Clean laptops", "open").build()));

        assertThat(page.select("h1").text()).isEqualTo("Fair Supply Coalition");
        assertThat(page.select("#organisation-kind").text()).isEqualTo("Public body");
        assertThat(page.select("#organisation-description").text()).isEqualTo("We check supply chains.");
        assertThat(page.select("img.org-page-logo").attr("alt")).isEmpty();
        assertThat(page.select("img.org-page-logo").attr("referrerpolicy")).isEqualTo("no-referrer");
        assertThat(page.select("#organisation-links a").eachAttr("href")).containsExactly(
                "https://fsc.example.org/about", "https://mastodon.example.social/@fsc", "mailto:hello@fsc.example.org");
        assertThat(page.select("#organisation-links a[href^=https]").eachAttr("rel"))
                .containsOnly("noopener nofollow");
        assertThat(page.select("#campaigns-runs a").eachAttr("href")).containsExactly("/campaigns/fair-phones",
                "/campaigns/old-one");
        assertThat(page.select("#campaigns-runs li").eachText()).containsExactly("Buy fair phones", "An old one (closed)");
        assertThat(page.select("#campaigns-partners a").eachText()).containsExactly("Clean laptops");
    }

    @Test
    void hostileContentIsTextAndBadAddressesAreNotLinked() {
        String html = renderer.render(OrganisationMother.profile("fsc", "<script>alert(1)</script>")
                .description("<img src=x onerror=alert(2)>").website("javascript:alert(3)")
                .social("javascript:alert(4)").logo("javascript:alert(5)").email("\"><script>@x")
                .kind("<b>bold</b>").runs("a\"><script>", "<i>t</i>", "open").build());
        Document page = Jsoup.parse(html);

        assertThat(page.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .map(Attribute::getKey)).noneMatch(key -> key.startsWith("on"));
        assertThat(page.select("script, img, b, i")).isEmpty();
        assertThat(html).doesNotContain("javascript:", "<script>", "mailto:")
                .contains("<h1 id=\"organisation-name\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>",
                        "href=\"/campaigns/a%22%3E%3Cscript%3E\"");
        assertThat(page.select("#organisation-links")).isEmpty();
    }
}
