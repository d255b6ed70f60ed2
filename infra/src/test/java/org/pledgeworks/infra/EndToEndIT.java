package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.infra.browser.Browser.button;
import static org.pledgeworks.infra.browser.Browser.labelled;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.Wait;
import org.pledgeworks.infra.browser.Browser;
import org.pledgeworks.infra.browser.BrowserFailures;
import org.pledgeworks.kit.testing.RequiresBrowser;

/**
 * The whole system as a newcomer meets it: every part a separate process started the way
 * {@code ./pledgeworks up} starts it, on free ports and a fresh data directory, driven only through
 * the gateway, the dev inbox and the Kafka topics — and, in the browser tests, through the pages in
 * Debian's headless Chromium, as a signer and a staff member use them. The browser tests live here
 * rather than in a class of their own because the stack takes a minute or more to start, and they
 * run before the restart test, which replaces it. Each carries {@code @RequiresBrowser}: where
 * Chromium is missing it is reported skipped ("skipped: no browser") and the other tests still run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final String DEMO = "no-forced-labour";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A process that stops answering fails the test instead of hanging it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final By CHECK_YOUR_EMAIL =
            By.xpath("//*[@role='status'][contains(., 'Check your email to confirm your signature')]");
    private static final String CONFIRM = "Confirm your signature";
    private static final String ALREADY_SIGNED = "You have already signed";
    private static final String THANK_YOU = "Thank you";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** Under target/, not a temp dir: when a test fails, the processes' logs are still there to read. */
    private final Path data = Path.of("target", "e2e-stack-" + System.currentTimeMillis()).toAbsolutePath();

    private StackConfig config;
    private LocalStack stack;
    private Endpoints endpoints;

    /** Started by the first browser test that needs it; null until then. */
    private Browser browser;

    @RegisterExtension
    final BrowserFailures browserFailures = new BrowserFailures(() -> browser);

    @BeforeAll
    void startTheStack() {
        config = StackConfig.defaults(StackConfig.findHome()).withDataDir(data).withFreePorts()
                .withStartTimeout(Duration.ofMinutes(8));
        stack = new LocalStack(config, line -> System.out.println("[stack] " + line));
        endpoints = stack.start();
        // the demo campaign travels campaign-service → Kafka → pledge-service before anyone can sign
        eventually("the demo campaign reaches pledge-service",
                () -> get("/api/campaigns/" + DEMO + "/count").statusCode(), status -> status == 200);
    }

    @AfterAll
    void stopTheStack() {
        try {
            if (browser != null) {
                browser.close();
            }
        }
        finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    @Order(1)
    void theWebPageShowsTheDemoCampaignWithItsSignForm() throws Exception {
        HttpResponse<String> index = get("/");
        HttpResponse<String> campaignPage = get("/campaigns/" + DEMO);
        JsonNode campaign = json.readTree(get("/api/campaigns/" + DEMO).body());

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(campaignPage.statusCode()).isEqualTo(200);
        assertThat(campaignPage.body()).contains("name=\"email\"", "name=\"country\"");
        assertThat(campaign.get("pledgeText").asText()).startsWith("I pledge");
        assertThat(index.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    @Order(2)
    void aConsumerSignsConfirmsFromTheInboxAndIsCounted() throws Exception {
        long before = count();
        String email = "Ada.Lovelace." + shortId() + "@gmail.com";

        HttpResponse<String> signed = sign(email, "GB");

        assertThat(signed.statusCode()).isEqualTo(202);
        JsonNode mail = awaitMailTo(email, CONFIRM);
        assertThat(mail.get("text").asText()).isNotBlank();
        assertThat(mail.get("html").asText()).isNotBlank();
        String link = verificationLink(mail);
        assertThat(link).startsWith(endpoints.web().toString().replaceAll("/$", ""));

        // a mail scanner fetching the link confirms nothing: the page it gets only offers to confirm
        HttpResponse<String> scanned = getAbsolute(link);
        assertThat(scanned.statusCode()).isEqualTo(200);
        assertThat(scanned.body()).contains("<form method=\"post\"");
        assertThat(count()).isEqualTo(before);

        HttpResponse<String> firstConfirm = confirm(link);
        HttpResponse<String> secondConfirm = confirm(link);

        assertThat(firstConfirm.statusCode()).isEqualTo(200);
        assertThat(secondConfirm.body()).isEqualTo(firstConfirm.body()).contains("confirmed");
        eventually("the count includes the new signature", this::count, n -> n == before + 1);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(awaitMailTo(email, THANK_YOU).get("subject").asText()).contains("forced labour");
    }

    @Test
    @Order(3)
    void signingAgainWithTheSameAddressOrItsGmailAliasesLeavesTheCountAlone() throws Exception {
        String id = shortId();
        String email = "grace.hopper" + id + "@gmail.com";
        String alias = "Grace.Hopper" + id + "+pledge@googlemail.com";
        long before = count();
        sign(email, "US");
        confirm(verificationLink(awaitMailTo(email, CONFIRM)));
        long afterFirst = eventually("the first signature counts", this::count, n -> n == before + 1);

        HttpResponse<String> sameInCapitals = sign(email.toUpperCase(), "US");
        HttpResponse<String> gmailAlias = sign(alias, "US");

        assertThat(sameInCapitals.statusCode()).isEqualTo(202);
        assertThat(gmailAlias.statusCode()).isEqualTo(202);
        assertThat(gmailAlias.body()).as("a repeat is answered exactly like a first signature")
                .isEqualTo(sameInCapitals.body());
        // the person learns by mail, at the address they typed, that they had signed already
        assertThat(awaitMailTo(alias, ALREADY_SIGNED).get("subject").asText()).startsWith(ALREADY_SIGNED);
        awaitMailTo(email.toUpperCase(), ALREADY_SIGNED);
        assertThat(mailsTo(email).stream().filter(m -> m.get("subject").asText().startsWith(CONFIRM)))
                .as("no second confirmation mail: no second signature").hasSize(1);
        assertThat(mailsTo(alias).stream().filter(m -> m.get("subject").asText().startsWith(CONFIRM))).isEmpty();
        assertThat(count()).isEqualTo(afterFirst);
    }

    @Test
    @Order(4)
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextPledgeStillFlows() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> poison = new ProducerRecord<>("pledges", poisonKey, "{\"this is\": not json");
            poison.headers().add("ce_type", "pledge-signed.v1".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        String email = "after.poison." + shortId() + "@example.org";

        assertThat(sign(email, "DE").statusCode()).isEqualTo(202);

        awaitMailTo(email, CONFIRM);
        ConsumerRecord<String, String> dead = awaitRecord("pledges.dlt", r -> poisonKey.equals(r.key()));
        assertThat(dead.value()).isEqualTo("{\"this is\": not json");
    }

    @Test
    @Order(5)
    @RequiresBrowser
    void inTheBrowserTheSignFormNamesEachMistakeAtItsFieldAndSendsNothing() {
        WebDriver page = browser().driver();
        page.get(endpoints.web().resolve("/campaign.html?slug=" + DEMO).toString());
        WebElement form = look().until(d -> visible(signForm(d)));
        WebElement name = labelled(form, "Your name");
        WebElement email = labelled(form, "Email address");
        WebElement country = labelled(form, "Country");

        email.sendKeys("ada.lovelace.example.org");
        new Select(country).selectByVisibleText("United Kingdom");
        button(form, "Sign the pledge").click();

        List<String> nameMessages = look().until(d -> nonEmpty(browser.descriptionsOf(name)));
        assertThat(nameMessages).containsExactly("Enter your name.");
        assertThat(browser.descriptionsOf(email)).contains("Enter an email address like name@example.org.");
        assertThat(browser.descriptionsOf(country)).isEmpty();
        assertThat(name.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(email.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(country.getDomAttribute("aria-invalid")).isNull();
        assertThat(page.switchTo().activeElement()).as("focus moves to the first mistake").isEqualTo(name);
        assertThat(page.findElement(CHECK_YOUR_EMAIL).isDisplayed()).as("nothing was sent").isFalse();
        assertThat(form.isDisplayed()).isTrue();

        // mended, the same form goes through, and the messages go away
        name.sendKeys("Ada Lovelace");
        email.clear();
        email.sendKeys("ada.lovelace." + shortId() + "@example.org");
        button(form, "Sign the pledge").click();

        look().until(d -> visible(d.findElement(CHECK_YOUR_EMAIL)));
        assertThat(browser.descriptionsOf(name)).isEmpty();
    }

    @Test
    @Order(6)
    @RequiresBrowser
    void inTheBrowserAConsumerSignsConfirmsFromTheDevInboxAndSeesTheCountRiseWithoutReloading() throws Exception {
        String title = json.readTree(get("/api/campaigns/" + DEMO).body()).get("title").asText();
        String email = "rosalind.franklin." + shortId() + "@example.org";
        WebDriver page = browser().driver();

        page.get(endpoints.web().toString());
        look().until(d -> d.findElement(By.linkText(title))).click();
        WebElement form = look().until(d -> visible(signForm(d)));
        long before = look().until(d -> shownCount(d));
        ((JavascriptExecutor) page).executeScript("window.pledgeworksE2eSamePage = true");
        labelled(form, "Your name").sendKeys("Rosalind Franklin");
        labelled(form, "Email address").sendKeys(email);
        new Select(labelled(form, "Country")).selectByVisibleText("United Kingdom");
        labelled(form, "Keep me updated about this campaign by email. I can unsubscribe at any time.").click();
        button(form, "Sign the pledge").click();

        WebElement told = look().until(d -> visible(d.findElement(CHECK_YOUR_EMAIL)));
        assertThat(told.getText()).contains("We have sent you a link");
        String campaignWindow = page.getWindowHandle();

        // the person's mail client: the dev inbox, in a window of its own
        page.switchTo().newWindow(WindowType.WINDOW);
        openMailInDevInbox(page, email, CONFIRM);
        WebElement mailFrame = look().until(d -> d.findElement(By.cssSelector("iframe[title='HTML part of the message']")));
        page.switchTo().frame(mailFrame);
        look().until(d -> d.findElement(By.linkText("Confirm my signature"))).click();
        page.switchTo().defaultContent();
        look().until(d -> d.getCurrentUrl().contains("/verify/"));
        String confirmation = look().until(d -> textContaining(d, "confirmed"));
        assertThat(confirmation).contains("confirmed");

        page.switchTo().window(campaignWindow);
        Boolean rose = look().until(d -> Long.valueOf(before + 1).equals(shownCount(d)));
        assertThat(rose).isTrue();
        assertThat(((JavascriptExecutor) page).executeScript("return window.pledgeworksE2eSamePage === true"))
                .as("the count rose in the page as it was, not after a reload").isEqualTo(true);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    @Order(7)
    @RequiresBrowser
    void inTheBrowserAStaffMemberPublishesAnUpdateAndASubscriberReceivesIt() throws Exception {
        // a subscriber: signed with consent to updates and confirmed (the browser test above does the same by hand)
        String subscriber = "update.reader." + shortId() + "@example.org";
        assertThat(sign(subscriber, "FR", true).statusCode()).isEqualTo(202);
        assertThat(confirm(verificationLink(awaitMailTo(subscriber, CONFIRM))).statusCode()).isEqualTo(200);
        awaitMailTo(subscriber, THANK_YOU);
        String campaignTitle = json.readTree(get("/api/campaigns/" + DEMO).body()).get("title").asText();
        Map<String, String> admin = firstAdmin();
        String updateTitle = "The first brand has answered " + shortId();
        WebDriver page = browser().driver();

        page.get(endpoints.web().resolve("/staff/").toString());
        WebElement signIn = look().until(d -> visible(d.findElement(By.xpath("//form[.//button[normalize-space()='Sign in']]"))));
        labelled(signIn, "Email address").sendKeys(admin.get("email"));
        labelled(signIn, "Password").sendKeys(admin.get("password"));
        button(signIn, "Sign in").click();
        // the printed password signs in only to choose one's own (issue 25)
        WebElement choose = look().until(d -> visible(d.findElement(By.xpath("//form[.//button[normalize-space()='Set password and sign in']]"))));
        String chosen = "a new password for the end to end walk " + shortId();
        labelled(choose, "New password").sendKeys(chosen);
        labelled(choose, "New password again").sendKeys(chosen);
        button(choose, "Set password and sign in").click();
        look().until(d -> visible(d.findElement(By.linkText(campaignTitle)))).click();

        WebElement form = look().until(d -> visible(d.findElement(By.xpath("//form[.//*[normalize-space()='Write an update']]"))));
        labelled(form, "Title").sendKeys(updateTitle);
        labelled(form, "Text (Markdown)").sendKeys("It will publish the list of its **suppliers** by March.");
        button(form, "Save as draft").click();
        By row = By.xpath("//tr[td[1][normalize-space()=" + literal(updateTitle) + "]]");
        look().until(d -> visible(d.findElement(row)));
        button(page.findElement(row), "Preview").click();
        WebElement preview = look().until(d -> visible(d.findElement(By.id("update-preview"))));
        assertThat(preview.getText()).contains(updateTitle, "It will publish the list of its suppliers by March.")
                .doesNotContain("**");
        button(page.findElement(row), "Publish now").click();

        String published = look().until(d -> textContaining(d, "subscribers will receive it"));
        assertThat(published).contains("Published");
        look().until(d -> d.findElement(row).findElement(By.xpath("td[2]")).getText().startsWith("published"));

        page.get(endpoints.inbox().orElseThrow().toString());
        openMailInDevInbox(page, subscriber, updateTitle);
        assertThat(page.findElement(By.tagName("h1")).getText()).contains(updateTitle);
        JsonNode mail = eventually("the update mail to " + subscriber, () -> mailsTo(subscriber).stream()
                .filter(m -> m.get("subject").asText().contains(updateTitle)).toList(), m -> !m.isEmpty()).get(0);
        assertThat(header(mail, "List-Unsubscribe")).as("one-click unsubscribe (RFC 8058)")
                .startsWith("<" + endpoints.web().toString().replaceAll("/$", "")).contains("/unsubscribe/");
        assertThat(header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mailsTo(subscriber)).as("one update mail, not one per retry").filteredOn(
                m -> m.get("subject").asText().contains(updateTitle)).hasSize(1);
    }

    @Test
    @Order(8)
    void aSecondStartOnTheSameDataKeepsEverySignature() {
        long before = count();
        assertThat(before).as("earlier tests left verified signatures").isPositive();
        stack.close();

        stack = new LocalStack(config.withFreePorts(), line -> System.out.println("[stack again] " + line));
        endpoints = stack.start();

        long after = eventually("counts are served again", this::countOrMinusOne, n -> n >= 0);
        eventually("the count is what it was", this::countOrMinusOne, n -> n == before);
        assertThat(after).isLessThanOrEqualTo(before);
    }

    /**
     * One pledge followed by the trace id the gateway returns: the gateway's, pledge-service's and
     * notification-service's log lines (ECS {@code trace.id}), the Kafka record between them and the mail's
     * delivery record all name it. After the restart test, so it also holds for a stack started again.
     */
    @Test
    @Order(9)
    void onePledgeIsFollowedByOneTraceIdFromTheGatewayThroughKafkaToTheMailsDelivery() throws Exception {
        String email = "Grace.Hopper." + shortId() + "@gmail.com";

        HttpResponse<String> signed = sign(email, "US");

        assertThat(signed.statusCode()).isEqualTo(202);
        String traceId = signed.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(signed.headers().firstValue("X-Request-Id")).as("the request id is the trace's alias")
                .contains(traceId);
        awaitMailTo(email, CONFIRM);

        ConsumerRecord<String, String> record = awaitRecord("pledges", r -> r.value().contains(email));
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .contains("-" + traceId + "-");
        try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
            Document delivery = mongo.getDatabase("pledgeworks-notifications").getCollection("deliveries")
                    .find(Filters.eq("to", email)).first();
            assertThat(delivery).isNotNull();
            assertThat(delivery.getString("traceId")).isEqualTo(traceId);
        }
        assertThat(eventually("gateway log lines of the trace", () -> logLinesOf("gateway", traceId),
                lines -> !lines.isEmpty())).anyMatch(line -> line.contains("route pledge-signing 202"));
        assertThat(eventually("pledge-service log lines of the trace", () -> logLinesOf("pledge-service", traceId),
                lines -> !lines.isEmpty())).anyMatch(line -> line.contains("POST /api/campaigns/{slug}/pledges 202"));
        assertThat(eventually("notification-service log lines of the trace",
                () -> logLinesOf("notification-service", traceId), lines -> !lines.isEmpty()))
                .anyMatch(line -> line.contains(":verification (verification) recorded"));
    }

    // --- the outside world as a person and a script see it ---

    private HttpResponse<String> sign(String email, String country) throws Exception {
        return sign(email, country, false);
    }

    private HttpResponse<String> sign(String email, String country, boolean consentToUpdates) throws Exception {
        String body = json.writeValueAsString(Map.of("name", "Test Signer", "email", email, "country", country,
                "consentToUpdates", consentToUpdates));
        return http.send(HttpRequest.newBuilder(endpoints.web().resolve("/api/campaigns/" + DEMO + "/pledges"))
                        .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long count() {
        try {
            return json.readTree(get("/api/campaigns/" + DEMO + "/count").body()).get("total").asLong();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long countOrMinusOne() {
        try {
            return count();
        }
        catch (RuntimeException e) {
            return -1;
        }
    }

    private JsonNode awaitMailTo(String address, String subjectStart) {
        return eventually("a mail '" + subjectStart + "…' to " + address, () -> mailsTo(address).stream()
                .filter(m -> m.get("subject").asText().startsWith(subjectStart)).toList(), mails -> !mails.isEmpty())
                .get(0);
    }

    private List<JsonNode> mailsTo(String address) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoints.inboxApi().orElseThrow())
                    .timeout(REQUEST_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> found = new ArrayList<>();
            json.readTree(response.body()).forEach(message -> message.get("to").forEach(to -> {
                if (to.asText().equalsIgnoreCase(address)) {
                    found.add(message);
                }
            }));
            return found;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String verificationLink(JsonNode mail) {
        List<String> links = new ArrayList<>();
        mail.get("links").forEach(l -> links.add(l.asText()));
        return links.stream().filter(l -> l.contains("/verify/")).findFirst()
                .orElseThrow(() -> new AssertionError("no verification link in " + links));
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> matching) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (matching.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + PATIENCE);
    }

    private HttpResponse<String> get(String path) {
        return getAbsolute(endpoints.web().resolve(path).toString());
    }

    /** What the verification page's script does: a POST to the link itself. */
    private HttpResponse<String> confirm(String link) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(link)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> getAbsolute(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "text/html,application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the browser ---

    private Browser browser() {
        if (browser == null) {
            browser = Browser.start();
        }
        return browser;
    }

    private Wait<WebDriver> look() {
        return browser().waitUpTo(PATIENCE);
    }

    /**
     * Opens, in the dev inbox's own pages, the newest mail to {@code address} whose subject contains
     * {@code subjectPart}. The inbox list reloads itself every few seconds, so the wait simply
     * looks again until the mail is listed.
     */
    private void openMailInDevInbox(WebDriver page, String address, String subjectPart) {
        page.get(endpoints.inbox().orElseThrow().toString());
        look().until(d -> d.findElement(By.xpath("//tr[td[contains(., " + literal(address) + ")]]"
                + "//a[contains(normalize-space(), " + literal(subjectPart) + ")]"))).click();
        look().until(d -> d.getCurrentUrl().contains("/messages/"));
    }

    /** The sign form, told apart from the page's other forms by its button. */
    private static WebElement signForm(WebDriver page) {
        return page.findElement(By.xpath("//form[.//button[normalize-space()='Sign the pledge']]"));
    }

    /** The count as the campaign page shows it, or null while it shows none yet. */
    private static Long shownCount(WebDriver page) {
        String shown = page.findElement(By.id("count-total")).getText().replaceAll("[^0-9]", "");
        return shown.isEmpty() ? null : Long.parseLong(shown);
    }

    private static String textContaining(WebDriver page, String words) {
        String text = page.findElement(By.tagName("body")).getText();
        return text.contains(words) ? text : null;
    }

    private static WebElement visible(WebElement element) {
        return element.isDisplayed() ? element : null;
    }

    private static <T> List<T> nonEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "") + "'";
    }

    private static String header(JsonNode mail, String name) {
        for (Map.Entry<String, JsonNode> field : mail.get("headers").properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue().asText();
            }
        }
        throw new AssertionError("no " + name + " header; headers: " + mail.get("headers"));
    }

    /** The first admin's email and one-time password, as the gateway wrote them under the stack's data dir. */
    private Map<String, String> firstAdmin() {
        Path file = endpoints.dataDir().resolve("secrets").resolve("first-admin.txt");
        List<String> lines = eventually("the first admin in " + file, () -> {
            try {
                return Files.readAllLines(file);
            }
            catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, l -> l.stream().anyMatch(line -> line.startsWith("password=")));
        Map<String, String> admin = new java.util.HashMap<>();
        lines.forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                admin.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        return admin;
    }

    private static <T> T eventually(String what, Eventually.Check<T> check, Predicate<T> done) {
        return Eventually.eventually(what, PATIENCE, check, done);
    }

    /** The messages of a process's ECS log lines whose {@code trace.id} is this trace's. */
    private List<String> logLinesOf(String process, String traceId) {
        try (var lines = Files.lines(endpoints.logsDir().resolve(process + ".log"))) {
            List<String> messages = new ArrayList<>();
            lines.filter(line -> line.contains(traceId)).forEach(line -> {
                try {
                    JsonNode entry = json.readTree(line);
                    if (traceId.equals(entry.path("trace.id").asText())) {
                        messages.add(entry.path("message").asText());
                    }
                }
                catch (Exception e) {
                    // not a JSON line (a JVM warning): it carries no trace
                }
            });
            return messages;
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
