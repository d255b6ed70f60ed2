package org.pledgeworks.gateway.web;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;

import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages come from the gateway itself, with the form a signer needs. */
class WebPagesIT extends GatewayITSupport {

    private static final String[] SCRIPTS = {"/js/index.js", "/js/campaign.js", "/js/charts.js", "/js/card-grid.js",
            "/js/form-errors.js", "/js/sign-form.js", "/js/opportunity.js", "/js/my-data.js",
            "/js/staff.js", "/js/staff/shared.js", "/js/staff/sign-in.js", "/js/staff/campaign-list.js",
            "/js/staff/campaign-editor.js", "/js/staff/counts.js", "/js/staff/updates.js", "/js/staff/quarantine.js",
            "/js/staff/delivery.js", "/js/staff/card.js", "/js/staff/card-forms.js", "/js/staff/staff-members.js",
            "/js/staff/link-pages.js", "/js/staff/invitation.js", "/js/staff/password-reset.js"};

    @Test
    void theCampaignListIsTheHomePage() {
        String html = page("/");

        assertThat(html).contains("<h1>Pledgeworks</h1>", "id=\"campaign-list\"", "src=\"/js/index.js\"");
        assertSelfContained(html);
    }

    @Test
    void theCampaignPageHasTheSignForm() {
        String html = campaignPage();

        assertThat(html)
                .containsPattern("<input id=\"name\" name=\"name\" type=\"text\"")
                .containsPattern("<input id=\"email\" name=\"email\" type=\"email\"")
                .containsPattern("<select id=\"country\" name=\"country\"")
                .containsPattern("<input id=\"consent\" name=\"consentToUpdates\" type=\"checkbox\">")
                .contains("<label for=\"name\">", "<label for=\"email\">", "<label for=\"country\">",
                        "<label for=\"consent\">Keep me updated about this campaign by email. I can unsubscribe at any time.</label>")
                .contains("aria-live=\"polite\"", "<progress id=\"count-bar\"", "src=\"/js/campaign.js\"",
                        "src=\"/js/sign-form.js\"");
        assertThat(html).doesNotContainPattern("id=\"consent\"[^>]*checked");
        assertSelfContained(html.replaceAll("<ul id=\"share-[a-z-]+\" class=\"share-links\"[^>]*>[\\s\\S]*?</ul>", "")
                .replaceAll("<(link rel=\"canonical\"|img class=\"campaign-image\")[^>]*>", ""));
    }

    @Test
    void theCampaignPageOffersToFollowWithoutSigning() {
        assertThat(campaignPage())
                .containsPattern("<input id=\"follow-email\" name=\"email\" type=\"email\"")
                .contains("<label for=\"follow-email\">", "<label for=\"follow-name\">Your name (optional)</label>",
                        "id=\"follow-email-error\"", "id=\"follow-errors-live\" class=\"visually-hidden\" aria-live=\"polite\"");
    }

    @Test
    void everyFieldOfEveryPageHasALabel() {
        java.util.regex.Pattern field = java.util.regex.Pattern.compile("<(input|select|textarea) id=\"([^\"]+)\"");
        for (String path : java.util.List.of("/", "/campaigns/demo", "/my-data.html", "/staff/",
                "/staff/invitation", "/staff/password-reset")) {
            String html = path.startsWith("/campaigns/") ? campaignPage() : page(path);
            java.util.regex.Matcher m = field.matcher(html);
            int fields = 0;
            while (m.find()) {
                fields++;
                assertThat(html).as(path + " #" + m.group(2)).contains("<label for=\"" + m.group(2) + "\"");
            }
            if (!path.equals("/")) {
                assertThat(fields).as(path).isPositive();
            }
        }
    }

    @Test
    void theStaffConsoleHasTheProgressCardAndDeliverySections() {
        assertThat(page("/staff/")).contains("id=\"card-scores\"", "id=\"indicator-form\"", "id=\"target-form\"",
                "id=\"assessment-form\"", "<label for=\"a-cycle\">", "<label for=\"a-value\">", "id=\"delivery\"",
                "id=\"oidc-sign-in\"", "<label for=\"staff-token\">", "id=\"export-csv\"");
    }

    @Test
    void theCampaignPageHasPlacesForTheProgressCardAndUpdates() {
        stubUpdates();
        assertThat(campaignPage()).contains("id=\"progress-card\"", "id=\"updates-list\"",
                "src=\"/js/charts.js\"", "href=\"/my-data.html\"");
    }

    @Test
    void theDataRequestPageAndTheStaffConsoleAreSelfContainedToo() {
        String myData = page("/my-data.html");
        assertThat(myData).contains("<label for=\"email\">", "src=\"/js/my-data.js\"");
        assertSelfContained(myData);

        String console = page("/staff/");
        assertThat(console).contains("id=\"sign-in-form\"", "<label for=\"staff-password\">",
                "autocomplete=\"current-password\"", "<script type=\"module\" src=\"/js/staff.js\">");
        assertSelfContained(console);
        for (String linkPage : java.util.List.of("/staff/invitation", "/staff/password-reset")) {
            assertSelfContained(page(linkPage));
        }
        assertThat(console).contains("id=\"members\"", "id=\"invite-form\"", "href=\"/staff/password-reset\"");
        client.get().uri("/staff").exchange().expectStatus().isEqualTo(301)
                .expectHeader().valueEquals("Location", "/staff/");
    }

    @Test
    void stylesAndScriptsAreServed() {
        client.get().uri("/css/app.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "css"));
        for (String script : SCRIPTS) {
            client.get().uri(script).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(new MediaType("text", "javascript"));
        }
    }

    @Test
    void scriptsNeverWriteServerTextAsHtml() {
        for (String script : SCRIPTS) {
            String js = client.get().uri(script).exchange().expectBody(String.class).returnResult().getResponseBody();
            assertThat(js).as(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                    "document.write", "eval(");
        }
    }

    /** The page the gateway renders for a campaign, from the services' JSON (WireMock here). */
    private String campaignPage() {
        campaignService.stubFor(get("/api/campaigns/demo").willReturn(okJson("""
                {"campaignId":"c1","slug":"demo","title":"Buy fair phones","summary":"Phones made fairly.",
                 "pledgeText":"I will buy a fair phone.","goal":1000,"status":"open","locale":"en"}""")));
        pledgeService.stubFor(get("/api/campaigns/demo/count").willReturn(okJson("{\"total\":42}")));
        return page("/campaigns/demo");
    }

    private static void stubUpdates() {
        campaignService.stubFor(get("/api/campaigns/demo/updates").willReturn(okJson("""
                {"items":[{"updateId":"u1","title":"Phone Co replied","bodyHtml":"<p>Read <a href=\\"https://example.org/r\\">it</a></p>"}]}""")));
    }

    private String page(String path) {
        return client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** What a CSP of default-src 'self' would block: inline scripts and styles, anything from elsewhere. */
    private static void assertSelfContained(String html) {
        assertThat(html).doesNotContainPattern(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>"));
        assertThat(html).doesNotContain("<style", " style=", " onclick=", " onload=", " onsubmit=",
                "javascript:");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }
}
