package org.pledgeworks.campaign.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.InterestMother;
import org.pledgeworks.campaign.support.OpportunityMother;
import org.pledgeworks.campaign.support.OrganisationMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Interest in an opportunity as a volunteer and the posting organisation meet it: expressed without
 * signing in, confirmed by the mailed link's button (never by opening the link), withdrawn, listed and
 * exported for the posting organisation's staff, and forgotten when the person is erased.
 */
class InterestIT extends ServiceIT {

    static final String TOPIC = "opportunity-interests";
    static final String TYPE = "opportunity-interest-requested.v1";
    static final String DIGEST = "opportunity-interest-digest-due.v1";
    private static final String BASE = "/api/staff/campaigns/";

    @Autowired
    InterestLinks links;

    @Autowired
    Interests interests;

    @Autowired
    InterestDigests digests;

    @Autowired
    MeterRegistry meters;

    private final String ownerAdmin = CampaignMother.ownerAdmin();

    @Test
    void anInterestIsPendingUntilTheMailedButtonConfirmsItAndItsOtherLinkWithdrawsIt() {
        Opened o = openOpportunity();
        Map<String, Object> body = InterestMother.interest();
        String email = (String) body.get("email");

        HttpResponse<String> expressed = post("/api/opportunities/" + o.id + "/interest", null, body);

        assertThat(expressed.statusCode()).as(expressed.body()).isEqualTo(202);
        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord(TOPIC,
                r -> r.value().contains(o.id) && r.value().contains(email), Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/" + TYPE, record.value());
        assertThat(record.key()).isEqualTo(o.id);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(TYPE);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("organisation").asString()).isEqualTo(CampaignMother.OWNER);
        assertThat(event.get("opportunityTitle").asString()).isEqualTo("Speak at a school");
        assertThat(event.get("name").asString()).isEqualTo("Ada Volunteer");
        assertThat(event.get("locale").asString()).isEqualTo("en");
        assertThat(event.get("confirmUrl").asString()).startsWith("http://127.0.0.1:8080/api/opportunities/interest/confirm/");
        String confirm = URI.create(event.get("confirmUrl").asString()).getPath();
        String withdraw = URI.create(event.get("withdrawUrl").asString()).getPath();
        assertThat(read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin)).get("pending").asLong())
                .isEqualTo(1);

        // a mail scanner opens the link: a page with a button, nothing confirmed
        HttpResponse<String> page = get(confirm);
        HttpResponse<String> scannedAgain = get(confirm);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("<form method=\"post\">").contains("Confirm my interest")
                .doesNotContain(confirm.substring(confirm.lastIndexOf('/') + 1));
        assertThat(scannedAgain.statusCode()).isEqualTo(200);
        JsonNode beforeConfirming = read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin));
        assertThat(beforeConfirming.get("items")).as("pending: counted, not listed").isEmpty();
        assertThat(beforeConfirming.get("pending").asLong()).isEqualTo(1);

        HttpResponse<String> confirmed = postForm(confirm);
        HttpResponse<String> confirmedTwice = postForm(confirm);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Interest confirmed").doesNotContain("<form");
        assertThat(confirmedTwice.statusCode()).as("a second press answers the same").isEqualTo(200);
        assertThat(confirmedTwice.body()).contains("Interest confirmed");
        JsonNode list = read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin));
        assertThat(list.get("pending").asLong()).isZero();
        assertThat(list.get("confirmed").asLong()).isEqualTo(1);
        JsonNode interest = list.get("items").get(0);
        assertThat(interest.get("email").asString()).isEqualTo(email);
        assertThat(interest.get("message").asString()).isEqualTo("I teach maths and can do Tuesdays.");
        assertThat(interest.get("status").asString()).isEqualTo("new");
        assertThat(interest.get("consent").get("wording").asString())
                .as("the service's words of the version the page showed, not the client's")
                .isEqualTo("I agree that " + CampaignMother.OWNER + " may contact me about this opportunity, using the "
                        + "details I give here.")
                .isNotEqualTo(InterestMother.WORDING);
        assertThat(interest.get("consent").get("version").asString()).isEqualTo("2026-12");
        assertThat(java.time.Instant.parse(interest.get("consent").get("givenAt").asString()))
                .isCloseTo(TestClock.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));

        assertThat(postForm(withdraw.replace("/withdraw/", "/confirm/")).statusCode())
                .as("a withdraw token does not confirm, nor the reverse").isEqualTo(404);
        HttpResponse<String> withdrawPage = get(withdraw);
        assertThat(withdrawPage.body()).contains("Withdraw my interest");
        assertThat(read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin)).get("confirmed").asLong())
                .as("opening the withdraw link withdraws nothing").isEqualTo(1);

        HttpResponse<String> withdrawn = postForm(withdraw);

        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("Interest withdrawn");
        JsonNode after = read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin));
        assertThat(after.get("confirmed").asLong()).isZero();
        assertThat(after.get("pending").asLong()).isZero();
        assertThat(postForm(confirm).statusCode()).as("nothing left to confirm").isEqualTo(404);
    }

    @Test
    void theAnswerIsTheSameWhoeverAsksAndARepeatWhilePendingResendsTheMailInsteadOfAddingAnInterest()
            throws Exception {
        Opened o = openOpportunity();
        String path = "/api/opportunities/" + o.id + "/interest";
        HttpResponse<String> first = post(path, null, InterestMother.interest("Grace.Hopper+help@example.org"));
        HttpResponse<String> again = post(path, null, InterestMother.with(
                InterestMother.interest("grace.hopper@EXAMPLE.org"), "name", "Grace H."));
        HttpResponse<String> someoneElse = post(path, null, InterestMother.interest());

        assertThat(List.of(first.statusCode(), again.statusCode(), someoneElse.statusCode())).containsOnly(202);
        assertThat(again.body()).isEqualTo(first.body()).isEqualTo(someoneElse.body());
        List<ConsumerRecord<String, String>> mails = KafkaProbe.awaitRecords(TOPIC,
                r -> r.value().contains(o.id) && r.value().toLowerCase().contains("grace.hopper"), 2,
                Duration.ofSeconds(20));
        JsonNode resent = json.readTree(mails.get(1).value());
        assertThat(resent.get("interestId").asString()).isEqualTo(json.readTree(mails.get(0).value())
                .get("interestId").asString());
        assertThat(resent.get("name").asString()).as("what was typed last counts").isEqualTo("Grace H.");
        assertThat(resent.get("email").asString()).isEqualTo("grace.hopper@EXAMPLE.org");
        assertThat(read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin)).get("pending").asLong())
                .isEqualTo(2);

        // confirmed: a repeat gets the same answer and sends nothing
        assertThat(postForm(URI.create(resent.get("confirmUrl").asString()).getPath()).statusCode()).isEqualTo(200);
        HttpResponse<String> afterConfirming = post(path, null, InterestMother.interest("grace.hopper@example.org"));

        assertThat(afterConfirming.statusCode()).isEqualTo(202);
        assertThat(afterConfirming.body()).isEqualTo(first.body());
        Thread.sleep(500);
        assertThat(KafkaProbe.count(TOPIC, r -> r.value().contains(o.id)
                && r.value().toLowerCase().contains("grace.hopper"))).isEqualTo(2);
        JsonNode list = read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin));
        assertThat(list.get("confirmed").asLong()).isEqualTo(1);
        assertThat(list.get("pending").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAPublishedOpportunityOfAnOpenCampaignTakesInterest() {
        String campaignId = openCampaign(CampaignMother.draft());
        String draft = read(post(BASE + campaignId + "/opportunities", ownerAdmin,
                OpportunityMother.inPerson(CampaignMother.OWNER))).get("opportunityId").asString();
        String closed = published(campaignId);
        post(BASE + campaignId + "/opportunities/" + closed + "/close", ownerAdmin, null);
        String filled = published(campaignId);
        post(BASE + campaignId + "/opportunities/" + filled + "/fill", ownerAdmin, null);
        String stillOpen = published(campaignId);
        String otherCampaign = openCampaign(CampaignMother.draft());
        String onEndedCampaign = published(otherCampaign);
        post("/api/staff/campaigns/" + otherCampaign + "/close", ownerAdmin, null);

        assertProblem(expressIn(draft), 404, "Opportunity not found");
        assertProblem(expressIn("o-no-such-thing"), 404, "Opportunity not found");
        assertProblem(expressIn(closed), 409, "Opportunity not open");
        assertProblem(expressIn(filled), 409, "Opportunity not open");
        assertProblem(expressIn(onEndedCampaign), 409, "Opportunity not open");
        assertThat(expressIn(stillOpen).statusCode()).isEqualTo(202);
    }

    @Test
    void anExpiredOrTamperedLinkConfirmsNothingAndSaysSo() {
        Opened o = openOpportunity();
        String email = "late-" + System.nanoTime() + "@example.org";
        assertThat(expressIn(o.id, email).statusCode()).isEqualTo(202);
        String id = Interest.idFor(o.id, email);
        String expired = links.confirm(id, TestClock.now().minus(8, ChronoUnit.DAYS)).url().getPath();
        String valid = links.confirm(id, TestClock.now()).url().getPath();
        String tampered = valid.substring(0, valid.length() - 3) + (valid.endsWith("AAA") ? "BBB" : "AAA");

        assertThat(get(expired).statusCode()).isEqualTo(410);
        assertThat(postForm(expired).statusCode()).isEqualTo(410);
        assertThat(postForm(expired).body()).contains("Link expired");
        assertThat(postForm(tampered).statusCode()).isEqualTo(404);
        assertThat(postForm("/api/opportunities/interest/confirm/not-a-token").body()).contains("Link not valid");
        assertThat(read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin)).get("pending").asLong())
                .isEqualTo(1);
        assertThat(postForm(valid).statusCode()).isEqualTo(200);
    }

    @Test
    void staffOfThePostingOrganisationExportConfirmedInterestAsCsvThatNoSpreadsheetRunsAsAFormula() {
        Opened o = openOpportunity();
        confirmed(o.id, InterestMother.with(InterestMother.with(InterestMother.interest(), "name",
                "=HYPERLINK(\"http://evil.example\",\"x\")"), "message", "+1, \"quoted\"\nsecond line"));
        confirmed(o.id, InterestMother.with(InterestMother.interest(), "name", "@SUM(A1)"));
        confirmed(o.id, InterestMother.with(InterestMother.interest(), "name", "-2+3"));
        expressIn(o.id, "pending-" + System.nanoTime() + "@example.org");

        HttpResponse<String> csv = get("/api/staff/opportunities/" + o.id + "/interest.csv", ownerAdmin);
        HttpResponse<String> byFormat = get("/api/staff/opportunities/" + o.id + "/interest?format=csv", ownerAdmin);

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(byFormat.body()).isEqualTo(csv.body());
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", InterestCsv.HEADER));
        assertThat(lines).as("a header and three confirmed interests; the pending one is not in it")
                .hasSize(4);
        assertThat(csv.body()).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",")
                .contains(",\"'+1, \"\"quoted\"\"\nsecond line\",")
                .contains(",'@SUM(A1),").contains(",'-2+3,")
                .doesNotContain(",=").doesNotContain(",@").doesNotContain(",+");
    }

    @Test
    void staffTrackWhatCameOfAnInterest() {
        Opened o = openOpportunity();
        String id = confirmed(o.id, InterestMother.interest());
        String editor = org.pledgeworks.kit.testing.StaffTokens.forRoles(Map.of(CampaignMother.OWNER, "editor"));

        HttpResponse<String> contacted = patch("/api/staff/opportunities/" + o.id + "/interest/" + id, editor,
                "{\"status\":\"contacted\"}");
        HttpResponse<String> placed = put("/api/staff/opportunities/" + o.id + "/interest/" + id + "/status", editor,
                Map.of("status", "placed"));

        assertThat(contacted.statusCode()).as(contacted.body()).isEqualTo(200);
        assertThat(read(contacted).get("status").asString()).isEqualTo("contacted");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        JsonNode item = read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin)).get("items").get(0);
        assertThat(item.get("status").asString()).isEqualTo("placed");
        assertThat(item.get("statusChangedBy").asString()).isNotBlank();
        String pending = Interest.idFor(o.id, "still-pending-" + System.nanoTime() + "@example.org");
        assertThat(patch("/api/staff/opportunities/" + o.id + "/interest/" + pending, editor,
                "{\"status\":\"contacted\"}").statusCode()).as("a pending interest is nobody's to track yet")
                .isEqualTo(404);
    }

    @Test
    void anUnconfirmedInterestIsDeletedOnceItsConfirmLinkHasExpiredAndAConfirmedOneStays() {
        Opened o = openOpportunity();
        expressIn(o.id, "never-confirms-" + System.nanoTime() + "@example.org");
        confirmed(o.id, InterestMother.interest());

        interests.purgeUnconfirmed(TestClock.now().plus(6, ChronoUnit.DAYS));
        long pendingWithinAWeek = read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin))
                .get("pending").asLong();
        interests.purgeUnconfirmed(TestClock.now().plus(7, ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES));

        assertThat(pendingWithinAWeek).as("its link still works").isEqualTo(1);
        JsonNode after = read(get("/api/staff/opportunities/" + o.id + "/interest", ownerAdmin));
        assertThat(after.get("pending").asLong()).isZero();
        assertThat(after.get("confirmed").asLong()).isEqualTo(1);
    }

    @Test
    void anErasedSignerLosesEveryInterestTheyExpressed() {
        Opened first = openOpportunity();
        Opened second = openOpportunity();
        String email = "Erase.Me+vol-" + System.nanoTime() + "@Example.org";
        confirmed(first.id, InterestMother.interest(email));
        expressIn(second.id, email);
        confirmed(second.id, InterestMother.interest());
        String erased = EventContract.exampleNow("pledges/signer-erased.v1")
                .replace("ada.example@example.org", org.pledgeworks.kit.email.EmailIdentity.normalise(email));

        KafkaProbe.publishEvent("pledges", "hash-of-address", "signer-erased.v1", erased);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(read(get("/api/staff/opportunities/" + first.id + "/interest", ownerAdmin))
                    .get("confirmed").asLong()).isZero();
            JsonNode other = read(get("/api/staff/opportunities/" + second.id + "/interest", ownerAdmin));
            assertThat(other.get("pending").asLong()).isZero();
            assertThat(other.get("confirmed").asLong()).as("someone else's stays").isEqualTo(1);
        });
    }

    @Test
    void thePostingOrganisationGetsOneDigestAnHourOfWhoConfirmedSinceTheLastOneAndNoneWhenNobodyDid()
            throws Exception {
        Opened o = openOpportunity();
        String ada = "ada-" + System.nanoTime() + "@example.org";
        String grace = "grace-" + System.nanoTime() + "@example.org";
        confirmed(o.id, InterestMother.interest(ada));
        confirmed(o.id, InterestMother.with(InterestMother.interest(grace), "message", null));
        expressIn(o.id, "never-confirms-" + System.nanoTime() + "@example.org");

        // two instances run the job at once: one claims the opportunity's digest
        Instant first = TestClock.now();
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> digests.digest(first)),
                CompletableFuture.runAsync(() -> digests.digest(first))).get();

        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord(TOPIC, r -> digestOf(r, o),
                Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/" + DIGEST, record.value());
        assertThat(record.key()).isEqualTo(o.id);
        JsonNode digest = json.readTree(record.value());
        assertThat(digest.get("to").asString()).as("the opportunity's contact").isEqualTo("volunteers@example.org");
        assertThat(digest.get("organisation").asString()).isEqualTo(CampaignMother.OWNER);
        assertThat(digest.get("total").asInt()).isEqualTo(2);
        assertThat(digest.get("people").findValuesAsString("email")).containsExactly(ada, grace);
        assertThat(digest.get("people").get(0).get("name").asString()).isEqualTo("Ada Volunteer");
        assertThat(digest.get("people").get(0).get("message").asString()).isEqualTo("I teach maths and can do Tuesdays.");
        assertThat(digest.get("people").get(1).get("message").isNull()).isTrue();
        assertThat(Instant.parse(digest.get("until").asString())).isEqualTo(first);

        String alan = "alan-" + System.nanoTime() + "@example.org";
        confirmed(o.id, InterestMother.interest(alan));
        digests.digest(TestClock.now());
        Thread.sleep(500);
        assertThat(KafkaProbe.count(TOPIC, r -> digestOf(r, o))).as("within the hour: nothing more").isEqualTo(1);

        Instant nextHour = TestClock.now().plus(InterestDigests.EVERY);
        digests.digest(nextHour);

        List<ConsumerRecord<String, String>> both = KafkaProbe.awaitRecords(TOPIC, r -> digestOf(r, o), 2,
                Duration.ofSeconds(20));
        JsonNode second = json.readTree(both.get(1).value());
        assertThat(second.get("people").findValuesAsString("email")).as("only who confirmed since").containsExactly(alan);
        assertThat(Instant.parse(second.get("since").asString())).isEqualTo(first.truncatedTo(ChronoUnit.MILLIS));

        digests.digest(nextHour.plus(InterestDigests.EVERY).plusSeconds(1));
        Thread.sleep(500);
        assertThat(KafkaProbe.count(TOPIC, r -> digestOf(r, o))).as("nobody new: no digest").isEqualTo(2);
    }

    @Test
    void withoutAnAddressOnTheOpportunityTheDigestGoesToTheOrganisationsProfileAndWithoutOneThereItIsCounted()
            throws Exception {
        String profiled = OrganisationMother.newId();
        assertThat(post("/api/staff/organisations", OrganisationMother.operator(), OrganisationMother.profile(profiled))
                .statusCode()).isEqualTo(201);
        String unprofiled = OrganisationMother.newId();
        String campaignId = openCampaign(CampaignMother.with(CampaignMother.draft(), "partnerOrganisations",
                List.of(CampaignMother.PARTNER, profiled, unprofiled)));
        String staff = StaffTokens.forRoles(Map.of(profiled, "admin", unprofiled, "admin"));
        Opened toProfile = new Opened(campaignId, published(campaignId, staff, OpportunityMother.remote(profiled)));
        Opened nowhere = new Opened(campaignId, published(campaignId, staff, OpportunityMother.remote(unprofiled)));
        confirmed(toProfile.id, InterestMother.interest());
        confirmed(nowhere.id, InterestMother.interest());
        double unaddressed = meters.counter("pledgeworks.interest.digests.unaddressed").count();

        digests.digest(TestClock.now());

        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord(TOPIC, r -> digestOf(r, toProfile),
                Duration.ofSeconds(20));
        assertThat(json.readTree(record.value()).get("to").asString()).isEqualTo("hello@" + profiled + ".example.org");
        assertThat(read(get("/api/staff/opportunities/" + toProfile.id + "/interest", staff)).get("items").get(0)
                .get("consent").get("wording").asString()).as("the organisation by its profile's name, as the page shows it")
                .startsWith("I agree that Coalition member " + profiled + " may contact me");
        assertThat(meters.counter("pledgeworks.interest.digests.unaddressed").count()).isEqualTo(unaddressed + 1);

        // the next hour's, claimed over the first's record: counted again, still no event
        confirmed(nowhere.id, InterestMother.interest());
        digests.digest(TestClock.now().plus(InterestDigests.EVERY));
        assertThat(meters.counter("pledgeworks.interest.digests.unaddressed").count()).isEqualTo(unaddressed + 2);
        Thread.sleep(500);
        assertThat(KafkaProbe.count(TOPIC, r -> digestOf(r, nowhere))).isZero();
    }

    private static boolean digestOf(ConsumerRecord<String, String> record, Opened o) {
        return KafkaProbe.header(record, "ce_type").equals(DIGEST) && record.key().equals(o.id);
    }

    record Opened(String campaignId, String id) {
    }

    Opened openOpportunity() {
        String campaignId = openCampaign(CampaignMother.draft());
        return new Opened(campaignId, published(campaignId));
    }

    String published(String campaignId) {
        return published(campaignId, ownerAdmin, OpportunityMother.inPerson(CampaignMother.OWNER));
    }

    String published(String campaignId, String staff, Map<String, Object> opportunity) {
        HttpResponse<String> created = post(BASE + campaignId + "/opportunities", staff, opportunity);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = read(created).get("opportunityId").asString();
        assertThat(post(BASE + campaignId + "/opportunities/" + id + "/publish", staff, null).statusCode())
                .isEqualTo(200);
        return id;
    }

    HttpResponse<String> expressIn(String opportunityId) {
        return post("/api/opportunities/" + opportunityId + "/interest", null, InterestMother.interest());
    }

    HttpResponse<String> expressIn(String opportunityId, String email) {
        return post("/api/opportunities/" + opportunityId + "/interest", null, InterestMother.interest(email));
    }

    /** Expressed and confirmed by its button, with the link the mail would carry; returns the interest id. */
    String confirmed(String opportunityId, Map<String, Object> body) {
        HttpResponse<String> expressed = post("/api/opportunities/" + opportunityId + "/interest", null, body);
        assertThat(expressed.statusCode()).as(expressed.body()).isEqualTo(202);
        String id = Interest.idFor(opportunityId, (String) body.get("email"));
        assertThat(postForm(links.confirm(id, TestClock.now()).url().getPath()).statusCode()).isEqualTo(200);
        return id;
    }

    /** What the page's button sends: a form POST without a body. */
    HttpResponse<String> postForm(String path) {
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> patch(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(response).get("title").asString()).isEqualTo(title);
    }
}
