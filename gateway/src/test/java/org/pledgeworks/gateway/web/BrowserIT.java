package org.pledgeworks.gateway.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledgeworks.gateway.GatewayITSupport;
import org.pledgeworks.gateway.pages.EngagementMother;
import org.pledgeworks.gateway.staff.StaffMother;
import org.pledgeworks.kit.links.SealedText;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.InstalledBrowser;
import org.pledgeworks.kit.testing.RequiresBrowser;
import org.pledgeworks.kit.testing.TestClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pages in a real browser (Debian's headless Chromium through {@code /usr/bin/chromedriver}), served
 * by the real gateway, with WireMock standing in for the services. Where Chromium or its driver is not
 * installed every test is reported skipped ("skipped: no browser"), as the end-to-end browser tests are; a
 * failing test leaves a screenshot in {@code target/screenshots/}.
 */
@RequiresBrowser
class BrowserIT extends GatewayITSupport {

    private static final String CAMPAIGN = """
            {"campaignId":"c1","slug":"demo","title":"Buy fair phones","summary":"Phones made without forced labour.",
             "pledgeText":"I will buy my next phone from a company that publishes its supply chain.","goal":1000,
             "status":"open","defaultLocale":"en","ownerOrganisation":"fair-supply-coalition"}""";

    private static WebDriver browser;

    private static Path profile;

    @RegisterExtension
    static final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser instanceof ChromeDriver chrome) {
                try {
                    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
                    Path shot = chrome.getScreenshotAs(OutputType.FILE).toPath();
                    Files.copy(shot, dir.resolve(context.getDisplayName().replaceAll("[^A-Za-z0-9]", "") + ".png"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                catch (IOException | RuntimeException ex) {
                    // the test's own failure is what matters
                }
            }
        }
    };

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(InstalledBrowser.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1024,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(InstalledBrowser.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    /** Every test starts signed out, whatever an earlier (perhaps failed) test left in the tab's storage. */
    @org.junit.jupiter.api.BeforeEach
    void signedOut() {
        browser.get("http://127.0.0.1:" + port + "/favicon.svg");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.sessionStorage.clear();");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theSignFormShowsAMessageAtEachFieldThatNeedsOne() {
        openDemoCampaign();

        browser.findElement(By.id("sign-button")).click();

        assertThat(visibleText("name-error")).isEqualTo("Enter your name.");
        assertThat(visibleText("email-error")).isEqualTo("Enter your email address.");
        assertThat(visibleText("country-error")).isEqualTo("Choose your country.");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus moves to the first mistake")
                .isEqualTo("name");
        Accessibility.assertNoSeriousViolations(browser, "the campaign page, its form showing mistakes");

        // what only the server can judge comes back as a problem and lands at its field too
        pledgeService.stubFor(post("/api/campaigns/demo/pledges").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"title":"Invalid pledge","status":400,
                         "errors":[{"field":"email","message":"We cannot send mail to this domain."}]}""")));
        fillForm("Ada Lovelace", "ada@nowhere.invalid");
        browser.findElement(By.id("sign-button")).click();

        assertThat(visibleText("email-error")).isEqualTo("We cannot send mail to this domain.");
        assertThat(browser.findElement(By.id("name-error")).isDisplayed()).isFalse();
    }

    @Test
    void aSignerIsToldToCheckTheirEmail() {
        openDemoCampaign();
        pledgeService.stubFor(post("/api/campaigns/demo/pledges").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"pending\",\"message\":\"Check your email to confirm your signature.\"}")));

        fillForm("Ada Lovelace", "ada@example.org");
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.id("sign-button")).click();

        assertThat(visibleText("sign-success")).contains("Check your email to confirm your signature");
        assertThat(browser.findElement(By.id("sign-form")).isDisplayed()).isFalse();
        pledgeService.verify(postRequestedFor(urlEqualTo("/api/campaigns/demo/pledges"))
                .withRequestBody(matching(".*\"consentToUpdates\":true.*")));
        Accessibility.assertNoSeriousViolations(browser, "the campaign page after signing");
    }

    @Test
    void aVolunteerFindsAnOpportunityOnTheCampaignPageAndSaysTheyAreInterested() {
        campaignService.stubFor(get(urlPathEqualTo("/api/campaigns/demo/events")).willReturn(okJson(
                EngagementMother.page(EngagementMother.meeting("e-1", "demo", "published"),
                        EngagementMother.onlineCall("e-2", "demo")))));
        campaignService.stubFor(get(urlPathEqualTo("/api/campaigns/demo/opportunities")).willReturn(okJson(
                EngagementMother.page(EngagementMother.opportunity("o-1", "demo", "published")))));
        campaignService.stubFor(get("/api/opportunities/o-1").willReturn(okJson(
                EngagementMother.opportunity("o-1", "demo", "published"))));
        campaignService.stubFor(get("/api/events/e-1").willReturn(okJson(
                EngagementMother.meeting("e-1", "demo", "published"))));
        campaignService.stubFor(get("/api/organisations/fair-supply").willReturn(okJson(
                "{\"organisationId\":\"fair-supply\",\"name\":\"Fair Supply\",\"kind\":\"ngo\",\"socialLinks\":[],\"campaigns\":[]}")));
        openDemoCampaign();
        // an address of its own: the browser may keep the page an earlier test opened (max-age=30) without them
        browser.get("http://127.0.0.1:" + port + "/campaigns/demo?utm_source=volunteers");
        waitVisible("events-heading");
        assertThat(browser.findElement(By.id("events-heading")).getText()).isEqualTo("Upcoming events");
        Accessibility.assertNoSeriousViolations(browser, "the campaign page with its events and opportunities");

        browser.findElement(By.cssSelector("#opportunity-o-1 h3 a")).click();
        waitVisible("interest-form");
        Accessibility.assertNoSeriousViolations(browser, "an opportunity's page");

        browser.findElement(By.id("interest-name")).sendKeys("Ada Lovelace");
        browser.findElement(By.id("interest-email")).sendKeys("ada@example.org");
        browser.findElement(By.id("interest-button")).click();
        assertThat(visibleText("interest-consent-error")).contains("Tick the box");

        // what only the server can judge lands at its field
        campaignService.stubFor(post("/api/opportunities/o-1/interest").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Invalid input","status":400,
                         "errors":[{"field":"email","message":"must be a well-formed email address"}]}""")));
        browser.findElement(By.id("interest-consent")).click();
        browser.findElement(By.id("interest-button")).click();
        assertThat(visibleText("interest-email-error")).isEqualTo("must be a well-formed email address");
        assertThat(browser.findElement(By.id("interest-email")).getAttribute("aria-invalid")).isEqualTo("true");
        Accessibility.assertNoSeriousViolations(browser, "an opportunity's page, its form showing mistakes");

        campaignService.stubFor(post("/api/opportunities/o-1/interest").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status":"pending","message":"Thank you. Please confirm with the link we sent."}""")));
        browser.findElement(By.id("interest-button")).click();
        assertThat(visibleText("interest-success")).isEqualTo("Thank you. Please confirm with the link we sent.");
        assertThat(browser.findElement(By.id("interest-form")).isDisplayed()).isFalse();
        campaignService.verify(postRequestedFor(urlEqualTo("/api/opportunities/o-1/interest"))
                .withRequestBody(matchingJsonPath("$.consent", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.consentVersion", equalTo("2026-12")))
                .withRequestBody(matchingJsonPath("$.consentWording",
                        matching("I agree that Fair Supply may contact me about this opportunity.*"))));
        Accessibility.assertNoSeriousViolations(browser, "an opportunity's page after saying one is interested");

        browser.get("http://127.0.0.1:" + port + "/events/e-1");
        waitVisible("event-ics");
        Accessibility.assertNoSeriousViolations(browser, "an event's page");
    }

    @Test
    void aSignerNeedsOnlyTheKeyboard() {
        // a friend's link, with a tag pledge-service would refuse: it is left out, not a reason to fail
        openDemoCampaign("&utm_source=whatsapp&utm_medium=share&ref=Fr1end-42&utm_term=%E2%80%AE");
        pledgeService.stubFor(post("/api/campaigns/demo/pledges").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"pending\",\"message\":\"Check your email to confirm your signature.\","
                        + "\"referralCode\":\"Ada-code_01\"}")));

        // the skip link comes first and leads past the header; from there Tab reaches the form
        press(Keys.TAB);
        assertThat(focused().getText()).isEqualTo("Skip to content");
        press(Keys.ENTER);
        for (int tabs = 0; tabs < 40 && !"name".equals(focused().getAttribute("id")); tabs++) {
            press(Keys.TAB);
        }
        assertThat(focused().getAttribute("id")).as("Tab reaches the name field").isEqualTo("name");
        press("Ada Lovelace", Keys.TAB, Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("country");
        // the email field was skipped: Shift-Tab goes back to it
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(focused().getAttribute("id")).isEqualTo("email");
        press("ada@example.org", Keys.TAB, "United Kingdom", Keys.TAB, Keys.SPACE, Keys.TAB);
        assertThat(new Select(browser.findElement(By.id("country"))).getFirstSelectedOption().getAttribute("value"))
                .as("typing a name chooses the country").isEqualTo("GB");
        assertThat(browser.findElement(By.id("consent")).isSelected()).as("Space ticks the box").isTrue();
        assertThat(focused().getAttribute("id")).isEqualTo("sign-button");
        press(Keys.ENTER);

        assertThat(visibleText("sign-success")).contains("Check your email to confirm your signature");
        assertThat(focused().getAttribute("id")).as("focus moves to the message, so it is read out")
                .isEqualTo("sign-success");
        pledgeService.verify(postRequestedFor(urlEqualTo("/api/campaigns/demo/pledges"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Ada Lovelace")))
                .withRequestBody(matchingJsonPath("$.email", equalTo("ada@example.org")))
                .withRequestBody(matchingJsonPath("$.country", equalTo("GB")))
                .withRequestBody(matching(".*\"consentToUpdates\":true.*"))
                .withRequestBody(matchingJsonPath("$.source.utm_source", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.source.ref", equalTo("Fr1end-42")))
                .withRequestBody(notMatching(".*utm_term.*")));
        // what the signer passes on now names them, so the campaign can tell who brought whom
        assertThat(browser.findElement(By.cssSelector("#share-after-signing a[href^='https://wa.me/']"))
                .getAttribute("href")).contains("utm_source%3Dwhatsapp%26utm_medium%3Dshare%26ref%3DAda-code_01");
        assertThat(browser.findElement(By.id("share-url")).getAttribute("value"))
                .endsWith("/campaigns/demo?ref=Ada-code_01");
    }

    @Test
    void aPartnersSiteEmbedsTheSignFormAndAPersonSignsThroughIt() {
        // the partner's site: another origin (WireMock's), framing the embed
        String partner = campaignService.baseUrl();
        String gateway = "http://127.0.0.1:" + port;
        campaignService.stubFor(get("/partner.html").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
                        <!doctype html><html lang="en"><head><title>A partner's site</title></head><body>
                        <main><h1>Our campaign</h1>
                        <iframe id="embed" src="%s/embed/demo?utm_source=partner-site" title="Sign the pledge"
                                width="100%%" height="900"></iframe></main></body></html>""".formatted(gateway))));
        campaignService.stubFor(get("/api/campaigns/demo").willReturn(okJson(CAMPAIGN)));
        pledgeService.stubFor(get("/api/campaigns/demo/count").willReturn(okJson("""
                {"campaignId":"c1","slug":"demo","total":42,"byCountry":{"GB":42},"asOf":"%s"}""".formatted(TestClock.now()))));
        campaignService.stubFor(get("/api/campaigns/demo/embed").willReturn(okJson(
                "{\"slug\":\"demo\",\"origins\":[\"" + partner + "\"]}")));
        pledgeService.stubFor(post("/api/campaigns/demo/pledges").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"pending\",\"message\":\"Check your email to confirm your signature.\","
                        + "\"referralCode\":\"Embed-code_1\"}")));

        browser.get(partner + "/partner.html");
        browser.switchTo().frame(browser.findElement(By.id("embed")));
        waitVisible("sign-form");
        Accessibility.assertNoSeriousViolations(browser, "the embed in a partner's page");
        // axe leaves the driver on the top page, having visited each frame
        browser.switchTo().defaultContent();
        browser.switchTo().frame(browser.findElement(By.id("embed")));
        fillForm("Grace Hopper", "grace@example.org");
        browser.findElement(By.id("sign-button")).click();

        assertThat(visibleText("sign-success")).contains("Check your email to confirm your signature");
        pledgeService.verify(postRequestedFor(urlEqualTo("/api/campaigns/demo/pledges"))
                .withRequestBody(matchingJsonPath("$.email", equalTo("grace@example.org")))
                .withRequestBody(matchingJsonPath("$.source.utm_source", equalTo("partner-site"))));
        browser.switchTo().defaultContent();

        // a site staff did not name gets nothing in its frame
        campaignService.stubFor(get("/api/campaigns/demo/embed").willReturn(okJson(
                "{\"slug\":\"demo\",\"origins\":[\"https://someone-else.example.org\"]}")));
        campaignService.stubFor(get("/partner.html").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
                        <!doctype html><html lang="en"><head><title>Another site</title></head><body>
                        <iframe id="embed" src="%s/embed/demo?try=2" title="Sign"></iframe></body></html>"""
                        .formatted(gateway))));
        browser.get(partner + "/partner.html");
        browser.switchTo().frame(browser.findElement(By.id("embed")));
        assertThat(browser.findElements(By.id("sign-form"))).as("the browser refused to frame it").isEmpty();
        browser.switchTo().defaultContent();
    }

    @Test
    void aClosedCampaignShowsItsFinalCountAndNoForm() {
        campaignService.stubFor(get("/api/campaigns/closed-demo").willReturn(okJson(
                CAMPAIGN.replace("\"slug\":\"demo\"", "\"slug\":\"closed-demo\"")
                        .replace("\"status\":\"open\"", "\"status\":\"closed\""))));
        pledgeService.stubFor(get("/api/campaigns/closed-demo/count").willReturn(okJson("""
                {"campaignId":"c1","slug":"closed-demo","total":917,"byCountry":{"GB":900,"FR":17},"asOf":"%s"}"""
                .formatted(TestClock.now()))));

        browser.get("http://127.0.0.1:" + port + "/campaigns/closed-demo");

        assertThat(visibleText("closed-message")).isEqualTo("This campaign is not taking signatures any more.");
        assertThat(browser.findElements(By.id("sign-form"))).isEmpty();
        Accessibility.assertNoSeriousViolations(browser, "a closed campaign's page");
    }

    @Test
    void aCampaignNamesWhoRunsItAndEachLeadsToItsOwnPage() {
        campaignService.stubFor(get("/api/campaigns/coalition-demo").willReturn(okJson(
                CAMPAIGN.replace("\"slug\":\"demo\"", "\"slug\":\"coalition-demo\"")
                        .replace("\"ownerOrganisation\":\"fair-supply-coalition\"",
                                "\"ownerOrganisation\":\"browser-coalition\",\"partnerOrganisations\":"
                                        + "[\"browser-union\",\"browser-no-profile\"]"))));
        campaignService.stubFor(get("/api/organisations/browser-coalition").willReturn(okJson("""
                {"organisationId":"browser-coalition","name":"Fair Supply Coalition","kind":"ngo",
                 "description":"We check supply chains.","website":"https://fsc.example.org",
                 "socialLinks":["https://social.example.org/@fsc"],"contactEmail":"hello@fsc.example.org",
                 "campaigns":[{"slug":"coalition-demo","title":"Buy fair phones","status":"open","role":"owner"},
                              {"slug":"old-demo","title":"An old campaign","status":"closed","role":"partner"}]}""")));
        campaignService.stubFor(get("/api/organisations/browser-union").willReturn(okJson("""
                {"organisationId":"browser-union","name":"Phone Workers' Union","kind":"other","campaigns":[]}""")));

        browser.get("http://127.0.0.1:" + port + "/campaigns/coalition-demo");

        assertThat(visibleText("owner")).contains("Fair Supply Coalition", "fsc.example.org");
        assertThat(visibleText("partners")).contains("Phone Workers' Union", "browser-no-profile");
        Accessibility.assertNoSeriousViolations(browser, "a campaign page naming its owner and partners");

        browser.findElement(By.linkText("Fair Supply Coalition")).click();

        assertThat(visibleText("organisation-name")).isEqualTo("Fair Supply Coalition");
        assertThat(visibleText("campaigns-runs")).contains("Buy fair phones");
        assertThat(visibleText("campaigns-partners")).contains("An old campaign (closed)");
        Accessibility.assertNoSeriousViolations(browser, "an organisation's page");

        campaignService.stubFor(get(urlPathEqualTo("/api/organisations")).willReturn(okJson("""
                {"items":[{"organisationId":"browser-coalition","name":"Fair Supply Coalition","kind":"ngo",
                           "description":"We check supply chains."},
                          {"organisationId":"browser-union","name":"Phone Workers' Union","kind":"other"}],
                 "page":0,"size":50,"total":2}""")));
        browser.findElement(By.linkText("All organisations")).click();

        assertThat(visibleText("directory")).contains("2 organisations", "Fair Supply Coalition",
                "We check supply chains.", "Phone Workers' Union");
        Accessibility.assertNoSeriousViolations(browser, "the directory of organisations");
        browser.findElement(By.linkText("Phone Workers' Union")).click();
        assertThat(visibleText("organisation-name")).isEqualTo("Phone Workers' Union");
    }

    @Test
    void theHomePageListsTheOpenCampaigns() {
        campaignService.stubFor(get(urlPathEqualTo("/api/campaigns")).willReturn(okJson(
                "{\"items\":[" + CAMPAIGN + "],\"page\":0,\"size\":20,\"total\":1}")));

        browser.get("http://127.0.0.1:" + port + "/");

        assertThat(visibleText("campaign-list")).contains("Buy fair phones");
        Accessibility.assertNoSeriousViolations(browser, "the home page");
    }

    @Test
    void theMyDataPageSaysWhatItNeeds() {
        browser.get("http://127.0.0.1:" + port + "/my-data.html");
        waitVisible("request-form");

        browser.findElement(By.id("request-button")).click();

        assertThat(visibleText("email-error")).isNotBlank();
        Accessibility.assertNoSeriousViolations(browser, "the my-data page, its form showing a mistake");
    }

    @Test
    void anUnknownAddressIsAPageThatLeadsHome() {
        browser.get("http://127.0.0.1:" + port + "/no/such/page");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("We could not find this page");
        assertThat(browser.findElements(By.cssSelector("main a[href='/']"))).isNotEmpty();
        Accessibility.assertNoSeriousViolations(browser, "the not-found page");
    }

    @Test
    void theAccessibilityCheckNamesEachSeriousViolation() {
        browser.get("http://127.0.0.1:" + port + "/no/such/page");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var img = document.createElement('img'); img.id = 'no-alt'; img.src = '/favicon.svg';"
                        + " document.querySelector('main').appendChild(img);");

        assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(browser, "a page with an image without text"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("#no-alt")
                .hasMessageContaining("https://dequeuniversity.com/rules/axe/");
    }

    @Test
    void theCampaignPageShowsTheLiveCountTheProgressCardAndUpdates() {
        stubCardGrid();
        campaignService.stubFor(get(urlPathEqualTo("/api/campaigns/demo/updates")).willReturn(okJson("""
                {"items":[{"updateId":"u1","title":"Phone Co replied","bodyText":"They will publish their suppliers.",
                  "publishedAt":"%s"}],"page":0,"size":20,"total":1}""".formatted(TestClock.now().minus(Duration.ofDays(8))))));

        openDemoCampaign();

        assertThat(visibleText("count-total")).isEqualTo("42");
        assertThat(visibleText("goal-text")).isEqualTo("4% of the goal of 1,000 signatures");
        assertThat(visibleText("card-grid")).contains("Phone Co", "Tablet Ltd", "Yes", "Partial", "80%", "Not assessed",
                "Replied", "Awaiting reply");
        new WebDriverWait(browser, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card-history svg.chart-axes")));
        assertThat(visibleText("updates-list")).contains("Phone Co replied", "They will publish their suppliers.");
        Accessibility.assertNoSeriousViolations(browser, "the open campaign page");
    }

    @Test
    void theProgressCardIsAGridWithWordsBesideColoursEvidenceAtHandAndAHistoryWithLabelledAxes() {
        stubCardGrid();
        openDemoCampaign();
        visibleText("card-grid");

        WebElement grid = browser.findElement(By.id("card-grid"));
        assertThat(grid.findElement(By.tagName("caption")).getText()).contains("Progress card, assessment 2026");
        assertThat(grid.findElements(By.cssSelector("th[scope=colgroup]")).stream().map(WebElement::getText))
                .containsExactly("Commitment", "Traceability");
        assertThat(grid.findElements(By.cssSelector("tbody th[scope=row] .target-title")).stream()
                .map(WebElement::getText)).containsExactly("Phone Co", "Tablet Ltd");
        assertThat(grid.findElements(By.cssSelector("td.band"))).as("every coloured cell also has words")
                .isNotEmpty().allSatisfy(cell -> assertThat(cell.getText()).isNotBlank());

        // the evidence of a cell opens from the keyboard
        WebElement summary = grid.findElement(By.cssSelector("td.cell details summary"));
        summary.sendKeys(Keys.ENTER);
        assertThat(grid.findElement(By.cssSelector("td.cell details .cell-evidence")).getText())
                .contains("Supplier list, p. 12", "Evidence");
        assertThat(grid.findElement(By.linkText("Evidence")).getAttribute("href"))
                .isEqualTo("https://example.org/phone-co-2026.pdf");

        // the history: labelled axes, and the same numbers as a table
        WebElement chart = browser.findElement(By.cssSelector("#card-history svg.chart-axes"));
        assertThat(chart.findElements(By.cssSelector(".chart-axis-title")).stream().map(WebElement::getText))
                .containsExactly("Assessment", "Overall score (0 to 100)");
        assertThat(visibleText("card-history-table")).contains("2025", "40", "2026", "77.5");

        new Select(browser.findElement(By.id("card-sort"))).selectByValue("score-low");
        assertThat(grid.findElements(By.cssSelector("tbody th[scope=row] .target-title")).get(0).getText())
                .isEqualTo("Tablet Ltd");
        browser.findElement(By.id("card-filter")).sendKeys("phone");
        assertThat(visibleText("card-shown")).isEqualTo("Showing 1 of 2 targets.");
        Accessibility.assertNoSeriousViolations(browser, "the campaign page with the progress card's grid");

        new Select(browser.findElement(By.id("card-cycle"))).selectByValue("2025");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("card-grid-caption"), "assessment 2025"));
        assertThat(visibleText("card-grid")).contains("No", "40");
    }

    /** The grid read, as campaign-service answers it: two targets, two themes, two cycles. */
    private static void stubCardGrid() {
        String themes = """
                "themes":[{"themeId":"commitment","name":"Commitment","indicators":[
                   {"indicatorId":"policy","name":"Has a policy","scale":"yes-partial-no"},
                   {"indicatorId":"board","name":"Board oversight","scale":"yes-partial-no"}]},
                  {"themeId":"traceability","name":"Traceability","indicators":[
                   {"indicatorId":"suppliers","name":"Suppliers disclosed","scale":"percent"}]}],
                "bands":[{"band":"good","label":"Good","scores":"67 to 100 (yes)"},
                  {"band":"fair","label":"Fair","scores":"34 to 66 (partial)"},
                  {"band":"poor","label":"Poor","scores":"0 to 33 (no)"},
                  {"band":"no-data","label":"No data","scores":"assessed, but no evidence either way"},
                  {"band":"not-assessed","label":"Not assessed","scores":"not assessed in this cycle"}]""";
        String history = """
                "history":[{"cycle":"2025","overallScore":40.0},{"cycle":"2026","overallScore":77.5}]""";
        campaignService.stubFor(get(urlEqualTo("/api/campaigns/demo/card/grid")).willReturn(okJson("""
                {"campaignId":"c1","slug":"demo","cycle":"2026","cycles":["2025","2026"],%s,"targets":[
                 {"targetId":"t1","name":"Phone Co","kind":"company","countryCode":"FI",
                  "overall":{"score":77.5,"band":"good","label":"77.5 out of 100"},
                  "themes":[{"themeId":"commitment","score":75.0,"band":"good","label":"75 out of 100"},
                            {"themeId":"traceability","score":80.0,"band":"good","label":"80 out of 100"}],
                  "cells":[{"indicatorId":"policy","value":"yes","score":100.0,"label":"Yes","band":"good"},
                           {"indicatorId":"board","value":"partial","score":50.0,"label":"Partial","band":"fair"},
                           {"indicatorId":"suppliers","value":"80","score":80.0,"label":"80%%","band":"good",
                            "evidenceLink":"https://example.org/phone-co-2026.pdf","evidenceNote":"Supplier list, p. 12"}],
                  "reply":{"status":"responded","requestedAt":"%s","deadline":"%s","respondedAt":"%s",
                           "response":"We publish our suppliers.","link":"https://example.org/reply"},
                  %s},
                 {"targetId":"t2","name":"Tablet Ltd","kind":"company","countryCode":"DE",
                  "overall":{"score":0.0,"band":"poor","label":"0 out of 100"},
                  "themes":[{"themeId":"commitment","score":0.0,"band":"poor","label":"0 out of 100"},
                            {"themeId":"traceability","score":null,"band":"not-assessed","label":"Not assessed"}],
                  "cells":[{"indicatorId":"policy","value":"no","score":0.0,"label":"No","band":"poor"},
                           {"indicatorId":"board","value":"no-data","score":null,"label":"No data","band":"no-data"},
                           {"indicatorId":"suppliers","value":null,"score":null,"label":"Not assessed","band":"not-assessed"}],
                  "reply":{"status":"pending","requestedAt":"%s","deadline":"%s"},
                  "history":[{"cycle":"2026","overallScore":0.0}]}]}""".formatted(themes,
                TestClock.now().minus(Duration.ofDays(20)), TestClock.now().minus(Duration.ofDays(5)),
                TestClock.now().minus(Duration.ofDays(7)), history, TestClock.now().minus(Duration.ofDays(2)),
                TestClock.now().plus(Duration.ofDays(12))))));
        campaignService.stubFor(get(urlEqualTo("/api/campaigns/demo/card/grid?cycle=2025")).willReturn(okJson("""
                {"campaignId":"c1","slug":"demo","cycle":"2025","cycles":["2025","2026"],%s,"targets":[
                 {"targetId":"t1","name":"Phone Co","kind":"company","countryCode":"FI",
                  "overall":{"score":40.0,"band":"fair","label":"40 out of 100"},
                  "themes":[{"themeId":"commitment","score":0.0,"band":"poor","label":"0 out of 100"},
                            {"themeId":"traceability","score":80.0,"band":"good","label":"80 out of 100"}],
                  "cells":[{"indicatorId":"policy","value":"no","score":0.0,"label":"No","band":"poor"},
                           {"indicatorId":"board","value":null,"score":null,"label":"Not assessed","band":"not-assessed"},
                           {"indicatorId":"suppliers","value":"80","score":80.0,"label":"80%%","band":"good"}],
                  "reply":null,%s}]}""".formatted(themes, history))));
    }

    @Test
    void aStaffMemberSignsInAndSeesTheirCampaigns() {
        campaignService.stubFor(get("/api/staff/campaigns").willReturn(okJson("""
                [{"campaignId":"c1","slug":"demo","title":"Buy fair phones","status":"open",
                  "ownerOrganisation":"fair-supply-coalition","goal":1000}]""")));
        Map<String, String> admin = firstAdmin();

        browser.get("http://127.0.0.1:" + port + "/staff/");
        waitVisible("sign-in-form");
        browser.findElement(By.id("staff-email")).sendKeys(admin.get("email"));
        browser.findElement(By.id("staff-password")).sendKeys(firstAdminPassword());
        browser.findElement(By.id("sign-in-button")).click();

        assertThat(visibleText("campaign-rows")).contains("Buy fair phones", "open", "fair-supply-coalition");
        assertThat(visibleText("staff-name")).isEqualTo("Pledgeworks admin");
        Accessibility.assertNoSeriousViolations(browser, "the staff console's campaign list");
        campaignService.verify(getRequestedFor(urlEqualTo("/api/staff/campaigns"))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")));

        browser.findElement(By.id("sign-out")).click();
        waitVisible("sign-in-form");
    }

    @Test
    void theFollowFormAsksForAnEmailAndSaysWhenItCannotGoThrough() {
        openDemoCampaign();

        browser.findElement(By.id("follow-button")).click();

        assertThat(visibleText("follow-email-error")).isEqualTo("Enter your email address.");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("follow-email");
        assertThat(browser.findElement(By.id("follow-errors-live")).getAttribute("textContent"))
                .isEqualTo("There is 1 problem with the form.");

        // notification-service is down in this suite: the gateway's fallback problem is what comes back
        browser.findElement(By.id("follow-email")).sendKeys("ada@example.org");
        browser.findElement(By.id("follow-button")).click();

        assertThat(visibleText("follow-problem")).isNotBlank();
        assertThat(browser.findElement(By.id("follow-email-error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("follow-form")).isDisplayed()).as("the form stays to try again").isTrue();
    }

    @Test
    void aStaffMemberKeepsTheProgressCard() {
        campaignService.stubFor(get("/api/staff/campaigns").willReturn(okJson("[" + CAMPAIGN + "]")));
        campaignService.stubFor(get("/api/staff/campaigns/c1/card").willReturn(okJson("""
                {"campaignId":"c1","slug":"demo",
                 "framework":{"themes":[{"themeId":"wages","name":"Wages","indicators":[
                   {"indicatorId":"living-wage","name":"Pays a living wage","scale":"yes-partial-no"}]}]},
                 "targets":[{"targetId":"t1","name":"Phone Co","kind":"company","cycle":"2026","overallScore":50.0,
                   "themeScores":{"wages":50.0},"replies":[]}]}""")));
        campaignService.stubFor(put("/api/staff/campaigns/c1/card/targets/t1/assessments").willReturn(okJson("""
                {"cycle":"2026","value":"yes","score":100.0,"reviewedBy":"staff-1"}""")));
        campaignService.stubFor(put("/api/staff/campaigns/c1/card/framework").willReturn(okJson("{\"themes\":[]}")));
        campaignService.stubFor(get(urlPathEqualTo("/api/staff/campaigns/c1/updates")).willReturn(okJson("[]")));
        pledgeService.stubFor(get("/api/campaigns/demo/count").willReturn(okJson("""
                {"campaignId":"c1","slug":"demo","total":42,"byCountry":{"GB":40,"FR":2},"asOf":"%s"}""".formatted(TestClock.now()))));
        campaignService.stubFor(get("/api/staff/campaigns/c1/embed").willReturn(okJson(
                "{\"campaignId\":\"c1\",\"slug\":\"demo\",\"origins\":[\"https://partner.example.org\"]}")));
        pledgeService.stubFor(get("/api/staff/pledges/campaigns/demo/sources").willReturn(okJson("""
                {"campaign":"demo","signatures":45,"confirmed":42,
                 "bySource":[{"source":"whatsapp","medium":"share","signatures":30,"confirmed":29},
                             {"source":null,"medium":null,"signatures":15,"confirmed":13}],
                 "referrals":{"signatures":12,"confirmed":11,"referrers":3,
                              "top":[{"code":"Ada-code_01","signatures":9,"confirmed":8}]}}""")));
        signInAsTheFirstAdmin();

        browser.findElement(By.linkText("Buy fair phones")).click();

        assertThat(visibleText("card-score-table")).contains("Phone Co (company)", "2026", "50");
        assertThat(visibleText("card-framework")).contains("Wages (wages)", "Pays a living wage (living-wage)");
        assertThat(visibleText("by-country")).contains("GB", "40");
        assertThat(browser.findElement(By.id("embed-snippet")).getAttribute("value"))
                .startsWith("<iframe src=\"http://127.0.0.1:" + port + "/embed/demo\"");
        String allowed = new WebDriverWait(browser, WAIT).until(d -> {
            String value = d.findElement(By.id("embed-origins")).getAttribute("value");
            return value.isEmpty() ? null : value;
        });
        assertThat(allowed).isEqualTo("https://partner.example.org");
        assertThat(visibleText("by-source")).contains("WhatsApp (share button)", "30", "29", "No tags",
                "12 signatures (11 confirmed) came through 3 signers\u2019 own links.", "Ada-code_01");
        // notification-service is down in this suite
        assertThat(visibleText("delivery")).contains("not available");
        assertThat(visibleText("update-rows")).isEqualTo("No updates yet: write the first one below.");
        Accessibility.assertNoSeriousViolations(browser, "the staff console's campaign screen");

        browser.findElement(By.id("a-cycle")).sendKeys("2026");
        browser.findElement(By.id("a-value")).sendKeys("yes");
        browser.findElement(By.id("a-evidenceLink")).sendKeys("https://example.org/report");
        browser.findElement(By.id("record-assessment")).click();
        waitForText("console-message", "Assessment recorded: score 100.");
        campaignService.verify(putRequestedFor(urlEqualTo("/api/staff/campaigns/c1/card/targets/t1/assessments"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.indicatorId", equalTo("living-wage")))
                .withRequestBody(matchingJsonPath("$.cycle", equalTo("2026")))
                .withRequestBody(matchingJsonPath("$.value", equalTo("yes")))
                .withRequestBody(matchingJsonPath("$.evidenceLink", equalTo("https://example.org/report"))));

        // a new theme's indicator: the whole framework goes back, the existing theme with it
        browser.findElement(By.id("i-themeId")).sendKeys("transparency");
        browser.findElement(By.id("i-themeName")).sendKeys("Transparency");
        browser.findElement(By.id("i-indicatorId")).sendKeys("supplier-list");
        browser.findElement(By.id("i-name")).sendKeys("Publishes its suppliers");
        new Select(browser.findElement(By.id("i-scale"))).selectByValue("percent");
        browser.findElement(By.id("add-indicator")).click();
        waitForText("console-message", "Indicator added.");
        campaignService.verify(putRequestedFor(urlEqualTo("/api/staff/campaigns/c1/card/framework"))
                .withRequestBody(matchingJsonPath("$.themes[0].indicators[0].indicatorId", equalTo("living-wage")))
                .withRequestBody(matchingJsonPath("$.themes[1].themeId", equalTo("transparency")))
                .withRequestBody(matchingJsonPath("$.themes[1].indicators[0].scale", equalTo("percent"))));
    }

    @Test
    void aStaffMemberWritesAnUpdateAndPublishesIt() {
        campaignService.stubFor(get("/api/staff/campaigns").willReturn(okJson("[" + CAMPAIGN + "]")));
        campaignService.stubFor(get(urlPathEqualTo("/api/staff/campaigns/c1/updates")).willReturn(okJson("""
                [{"updateId":"u1","campaignId":"c1","status":"draft","title":"The first brand answered"}]""")));
        campaignService.stubFor(post("/api/staff/campaigns/c1/updates").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"updateId\":\"u2\",\"status\":\"draft\",\"title\":\"Two brands now\"}")));
        campaignService.stubFor(post("/api/staff/campaigns/c1/updates/u1/publish").willReturn(okJson("""
                {"updateId":"u1","status":"published","title":"The first brand answered"}""")));
        signInAsTheFirstAdmin();

        browser.findElement(By.linkText("Buy fair phones")).click();

        assertThat(visibleText("update-rows")).contains("The first brand answered", "draft");
        browser.findElement(By.id("u-title")).sendKeys("Two brands now");
        browser.findElement(By.id("u-body")).sendKeys("A **second** brand has answered.");
        browser.findElement(By.cssSelector("#update-form button[type=submit]")).click();
        waitForText("console-message", "Update saved as a draft.");
        campaignService.verify(postRequestedFor(urlEqualTo("/api/staff/campaigns/c1/updates"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Two brands now")))
                .withRequestBody(matchingJsonPath("$.body", equalTo("A **second** brand has answered.")))
                .withRequestBody(matchingJsonPath("$.locale", equalTo("en"))));

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//tbody[@id='update-rows']//button[text()='Publish now']"))).click();
        waitForText("console-message", "Published: subscribers will receive it by email.");
        campaignService.verify(postRequestedFor(urlEqualTo("/api/staff/campaigns/c1/updates/u1/publish"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    private void signInAsTheFirstAdmin() {
        Map<String, String> admin = firstAdmin();
        browser.get("http://127.0.0.1:" + port + "/staff/");
        waitVisible("sign-in-form");
        browser.findElement(By.id("staff-email")).sendKeys(admin.get("email"));
        browser.findElement(By.id("staff-password")).sendKeys(firstAdminPassword());
        browser.findElement(By.id("sign-in-button")).click();
        waitVisible("campaign-table");
    }

    private static void waitForText(String id, String text) {
        new WebDriverWait(browser, WAIT).until(driver -> driver.findElement(By.id(id)).getText().contains(text));
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext context;

    @Test
    void aStaffMemberGivenAPasswordMustChooseTheirOwnAtFirstSignIn() {
        campaignService.stubFor(get("/api/staff/campaigns").willReturn(okJson("[" + CAMPAIGN + "]")));
        String given = "Given-once-9xQ-pass";
        String chosen = "three blue herons at dawn";
        String email = StaffMother.accountNeedingANewPassword(context, given);
        browser.get("http://127.0.0.1:" + port + "/staff/");
        waitVisible("sign-in-form");
        browser.findElement(By.id("staff-email")).sendKeys(email);
        browser.findElement(By.id("staff-password")).sendKeys(given);
        browser.findElement(By.id("sign-in-button")).click();

        waitVisible("password-form");
        assertThat(visibleText("password-heading")).isEqualTo("Choose a new password");
        assertThat(browser.findElement(By.id("current-password-field")).isDisplayed())
                .as("the given password was just typed").isFalse();
        choosePassword("qwerty123456", "qwerty123456");
        assertThat(visibleText("console-problem")).contains("newPassword", "most common");
        choosePassword(chosen, chosen + "!");
        assertThat(visibleText("console-problem")).contains("Type the same new password");
        Accessibility.assertNoSeriousViolations(browser, "the staff console's new-password screen");
        choosePassword(chosen, chosen);

        waitVisible("campaign-table");
        assertThat(visibleText("console-message")).isEqualTo("Your new password is set.");
        browser.findElement(By.id("sign-out")).click();
        waitVisible("sign-in-form");
        // the form keeps the email typed before: retype it whole
        browser.findElement(By.id("staff-email")).clear();
        browser.findElement(By.id("staff-email")).sendKeys(email);
        browser.findElement(By.id("staff-password")).sendKeys(given);
        browser.findElement(By.id("sign-in-button")).click();
        assertThat(visibleText("console-problem")).contains("The email address or password is not right.");
        browser.findElement(By.id("staff-password")).clear();
        browser.findElement(By.id("staff-password")).sendKeys(chosen);
        // the button is enabled again just after the problem shows
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("sign-in-button"))).click();
        waitVisible("campaign-table");
    }

    @Test
    void anAdminInvitesSomeoneFromTheMembersScreenAndTheyJoinThroughTheMailedLink() {
        campaignService.stubFor(get("/api/staff/campaigns").willReturn(okJson("[]")));
        String organisation = "org-browser-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "a long walk along the river";
        String admin = StaffMother.account(context, password, Map.of(organisation, "admin"));
        String invitee = "invitee-" + java.util.UUID.randomUUID() + "@example.org";
        browser.get("http://127.0.0.1:" + port + "/staff/");
        waitVisible("sign-in-form");
        browser.findElement(By.id("staff-email")).sendKeys(admin);
        browser.findElement(By.id("staff-password")).sendKeys(password);
        browser.findElement(By.id("sign-in-button")).click();

        waitVisible("show-members");
        browser.findElement(By.id("show-members")).click();
        assertThat(visibleText("member-list")).contains("Test staff", admin, "admin");
        browser.findElement(By.id("invite-email")).sendKeys(invitee);
        new Select(browser.findElement(By.id("invite-role"))).selectByValue("editor");
        browser.findElement(By.id("invite-button")).click();
        assertThat(visibleText("console-message")).contains("Invitation sent to " + invitee);
        waitForText("invitation-list", invitee);
        Accessibility.assertNoSeriousViolations(browser, "the staff console's members screen");

        String sealed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(KafkaProbe.awaitRecord("staff",
                r -> r.value().contains(invitee) && "staff-invitation-sent.v1".equals(KafkaProbe.header(r, "ce_type")),
                WAIT).value()).get("sealedLink").asString();
        String link = new SealedText(TOKEN_SECRET).open(sealed).orElseThrow();
        signedOut();
        browser.get(link.replace("http://127.0.0.1:8080", "http://127.0.0.1:" + port));
        assertThat(visibleText("invitation-summary")).contains(organisation, "editor", invitee);
        browser.findElement(By.id("name")).sendKeys("Ines Invited");
        browser.findElement(By.id("password")).sendKeys("qwerty123456");
        browser.findElement(By.id("accept-button")).click();
        assertThat(visibleText("password-error")).contains("common");
        Accessibility.assertNoSeriousViolations(browser, "the invitation page");
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("accept-button"))).click();

        assertThat(visibleText("staff-name")).isEqualTo("Ines Invited");
        // the used link says so
        browser.get(link.replace("http://127.0.0.1:8080", "http://127.0.0.1:" + port));
        assertThat(visibleText("link-problem")).contains("already");
    }

    private void choosePassword(String password, String again) {
        browser.findElement(By.id("new-password")).clear();
        browser.findElement(By.id("new-password")).sendKeys(password);
        browser.findElement(By.id("new-password-again")).clear();
        browser.findElement(By.id("new-password-again")).sendKeys(again);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("password-button"))).click();
    }

    @Test
    void aWrongPasswordIsSaidPlainly() {
        browser.get("http://127.0.0.1:" + port + "/staff/");
        waitVisible("sign-in-form");
        browser.findElement(By.id("staff-email")).sendKeys("admin@pledgeworks.local");
        browser.findElement(By.id("staff-password")).sendKeys("wrong-password");
        browser.findElement(By.id("sign-in-button")).click();

        assertThat(visibleText("console-problem")).contains("The email address or password is not right.");
        Accessibility.assertNoSeriousViolations(browser, "the staff console's sign-in screen");
    }

    private void openDemoCampaign() {
        openDemoCampaign("");
    }

    /** @param tags more of the query, as a shared link carries it ({@code &utm_source=…}) */
    private void openDemoCampaign(String tags) {
        campaignService.stubFor(get("/api/campaigns/demo").willReturn(okJson(CAMPAIGN)));
        pledgeService.stubFor(get("/api/campaigns/demo/count").willReturn(okJson("""
                {"campaignId":"c1","slug":"demo","total":42,"byCountry":{"GB":42},"asOf":"%s"}""".formatted(TestClock.now()))));
        browser.get("http://127.0.0.1:" + port + "/campaign.html?slug=demo" + tags);
        waitVisible("sign-form");
    }

    private void fillForm(String name, String email) {
        WebElement nameInput = browser.findElement(By.id("name"));
        nameInput.clear();
        nameInput.sendKeys(name);
        WebElement emailInput = browser.findElement(By.id("email"));
        emailInput.clear();
        emailInput.sendKeys(email);
        new Select(browser.findElement(By.id("country"))).selectByValue("GB");
    }

    /** Keys as a person types them, to whatever has the focus: no element is clicked or addressed. */
    private static void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private static WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Generous: builds share a busy machine, and bcrypt at sign-in alone can take seconds there. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static void waitVisible(String id) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private static String visibleText(String id) {
        return new WebDriverWait(browser, WAIT).until(driver -> {
            WebElement element = driver.findElement(By.id(id));
            String text = element.getText();
            return element.isDisplayed() && !text.isBlank() && !text.equals("–") ? text.trim() : null;
        });
    }
}
