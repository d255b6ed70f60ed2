package org.pledgeworks.campaign.rsvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.support.CalendarEventMother;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.RsvpMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.email.EmailIdentity;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * RSVPs as a guest and the organisers meet them: answered without signing in, confirmed by the mailed
 * link's button (never by opening it), going or waiting by the event's capacity, cancelled by the link in
 * every mail with the seat going to the first on the waiting list; never overbooked however confirmations
 * race; listed, counted and exported for the campaign's staff; forgotten when the person is erased.
 */
class RsvpIT extends ServiceIT {

    static final String TOPIC = "event-rsvps";
    static final String REQUESTED = "event-rsvp-requested.v1";
    static final String CONFIRMED = "event-rsvp-confirmed.v1";
    static final String REMINDER = "event-rsvp-reminder-due.v1";
    static final String CHANGED = "event-rsvp-event-changed.v1";
    private static final String BASE = "/api/staff/campaigns/";

    @Autowired
    RsvpLinks links;

    @Autowired
    Rsvps rsvps;

    @Autowired
    MongoDatabase database;

    @Autowired
    RsvpReminders reminders;

    private final String ownerAdmin = CampaignMother.ownerAdmin();

    @Test
    void anRsvpIsPendingUntilTheMailedButtonConfirmsItAndTheLinkInEveryMailCancelsIt() {
        Event e = publishedEvent(CalendarEventMother.meeting(CampaignMother.OWNER));
        Map<String, Object> body = RsvpMother.rsvp();
        String email = (String) body.get("email");

        HttpResponse<String> answered = post("/api/events/" + e.id + "/rsvps", null, body);

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord(TOPIC,
                r -> r.value().contains(email) && KafkaProbe.header(r, "ce_type").equals(REQUESTED),
                Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/" + REQUESTED, record.value());
        assertThat(record.key()).isEqualTo(e.id);
        JsonNode requested = json.readTree(record.value());
        assertThat(requested.get("name").asString()).isEqualTo("Ada Guest");
        assertThat(requested.get("calendarEvent").get("timeZone").asString()).isEqualTo(CalendarEventMother.ZONE);
        assertThat(requested.get("calendarEvent").get("place").asString())
                .isEqualTo("Volkshaus, Karl-Liebknecht-Straße 30, Leipzig, DE");
        assertThat(requested.get("confirmUrl").asString()).startsWith("http://127.0.0.1:8080/api/events/rsvps/confirm/");
        String confirm = URI.create(requested.get("confirmUrl").asString()).getPath();
        String cancel = URI.create(requested.get("cancelUrl").asString()).getPath();
        assertThat(figures(e).get("pending").asLong()).isEqualTo(1);

        // a mail scanner opens the link: a page with a button, nothing confirmed
        HttpResponse<String> page = get(confirm);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<form method=\"post\">").contains("Confirm my RSVP")
                .doesNotContain(confirm.substring(confirm.lastIndexOf('/') + 1));
        assertThat(figures(e).get("going").asLong()).isZero();

        HttpResponse<String> confirmed = postForm(confirm);
        HttpResponse<String> confirmedTwice = postForm(confirm);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("re going").doesNotContain("<form");
        assertThat(confirmedTwice.body()).as("a second press answers the same").contains("re going");
        ConsumerRecord<String, String> going = KafkaProbe.awaitRecord(TOPIC,
                r -> r.value().contains(email) && KafkaProbe.header(r, "ce_type").equals(CONFIRMED),
                Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/" + CONFIRMED, going.value());
        JsonNode goingEvent = json.readTree(going.value());
        assertThat(goingEvent.get("status").asString()).isEqualTo("going");
        assertThat(goingEvent.get("calendarEvent").get("icsUrl").asString())
                .isEqualTo("http://127.0.0.1:8080/api/events/" + e.id + ".ics");
        assertThat(goingEvent.get("calendarEvent").get("startsAt").asString())
                .isEqualTo(CalendarEventMother.meeting(CampaignMother.OWNER).get("startsAt") + ":00");
        assertThat(goingEvent.get("cancelUrl").asString()).contains("/api/events/rsvps/cancel/");
        JsonNode list = read(get(BASE + e.campaignId + "/events/" + e.id + "/rsvps", ownerAdmin));
        assertThat(list.get("attendees")).hasSize(1);
        assertThat(list.get("attendees").get(0).get("email").asString()).isEqualTo(email);
        assertThat(list.get("attendees").get(0).get("consentWording").asString()).isEqualTo(RsvpMother.WORDING);
        assertThat(list.get("figures").get("going").asLong()).isEqualTo(1);
        assertThat(list.get("figures").get("seatsTaken").asLong()).isEqualTo(1);

        assertThat(postForm(cancel.replace("/cancel/", "/confirm/")).statusCode())
                .as("a cancel token does not confirm, nor the reverse").isEqualTo(404);
        assertThat(get(cancel).body()).contains("Cancel my RSVP");
        assertThat(figures(e).get("going").asLong()).as("opening the cancel link cancels nothing").isEqualTo(1);

        HttpResponse<String> cancelled = postForm(cancel);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("RSVP cancelled");
        JsonNode after = read(get(BASE + e.campaignId + "/events/" + e.id + "/rsvps", ownerAdmin));
        assertThat(after.get("attendees")).isEmpty();
        assertThat(after.get("figures").get("going").asLong()).isZero();
        assertThat(after.get("figures").get("cancelled").asLong()).isEqualTo(1);
        assertThat(after.get("figures").get("seatsTaken").asLong()).isZero();
        assertThat(postForm(cancel).body()).as("cancelling twice answers the same").contains("RSVP cancelled");
        assertThat(postForm(confirm).statusCode()).as("nothing left to confirm").isEqualTo(404);
    }

    @Test
    void theAnswerIsTheSameWhoeverAsksAndARepeatTakesNoSecondSeatAndMailsAtMostOnceInTenMinutes() throws Exception {
        Event e = publishedEvent(CalendarEventMother.meeting(CampaignMother.OWNER));
        String path = "/api/events/" + e.id + "/rsvps";
        String email = "Grace.Hopper+" + System.nanoTime() + "@example.org";
        HttpResponse<String> first = post(path, null, RsvpMother.rsvp(email));
        HttpResponse<String> again = post(path, null, RsvpMother.with(RsvpMother.rsvp(email.toUpperCase()),
                "name", "Grace H."));
        HttpResponse<String> someoneElse = post(path, null, RsvpMother.rsvp());

        assertThat(List.of(first.statusCode(), again.statusCode(), someoneElse.statusCode())).containsOnly(202);
        assertThat(again.body()).isEqualTo(first.body()).isEqualTo(someoneElse.body());
        KafkaProbe.awaitRecord(TOPIC, r -> r.value().contains(e.id) && r.value().contains(email),
                Duration.ofSeconds(20));
        Thread.sleep(500);
        assertThat(requestsFor(e, email)).as("the repeat within ten minutes mails nothing").isEqualTo(1);
        assertThat(figures(e).get("pending").asLong()).isEqualTo(2);

        // eleven minutes later (the stored RSVP aged, as the service's clock does not move), a repeat mails again
        String id = Rsvp.idFor(e.id, email);
        database.getCollection(RsvpRepository.COLLECTION).updateOne(Filters.eq("_id", id),
                Updates.set("requestedAt", Date.from(TestClock.now().minus(11, ChronoUnit.MINUTES))));
        assertThat(post(path, null, RsvpMother.with(RsvpMother.rsvp(email), "name", "Grace H.")).statusCode())
                .isEqualTo(202);
        List<ConsumerRecord<String, String>> mails = KafkaProbe.awaitRecords(TOPIC, r -> requestFor(r, e, email), 2,
                Duration.ofSeconds(20));
        JsonNode resent = json.readTree(mails.get(1).value());
        assertThat(resent.get("rsvpId").asString()).isEqualTo(id);
        assertThat(resent.get("name").asString()).as("what was typed last counts").isEqualTo("Grace H.");

        // confirmed: a repeat gets the same answer, takes no second seat and mails nothing
        assertThat(postForm(URI.create(resent.get("confirmUrl").asString()).getPath()).statusCode()).isEqualTo(200);
        database.getCollection(RsvpRepository.COLLECTION).updateOne(Filters.eq("_id", id),
                Updates.set("requestedAt", Date.from(TestClock.now().minus(1, ChronoUnit.DAYS))));
        HttpResponse<String> afterConfirming = post(path, null, RsvpMother.rsvp(email));

        assertThat(afterConfirming.body()).isEqualTo(first.body());
        Thread.sleep(500);
        assertThat(requestsFor(e, email)).isEqualTo(2);
        JsonNode figures = figures(e);
        assertThat(figures.get("going").asLong()).isEqualTo(1);
        assertThat(figures.get("seatsTaken").asLong()).isEqualTo(1);
        assertThat(figures.get("pending").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAPublishedEventThatIsNeitherCancelledNorOverTakesRsvps() {
        String campaignId = openCampaign(CampaignMother.draft());
        String draft = read(post(BASE + campaignId + "/events", ownerAdmin,
                CalendarEventMother.meeting(CampaignMother.OWNER))).get("calendarEventId").asString();
        Event cancelled = publishedEvent(CalendarEventMother.meeting(CampaignMother.OWNER));
        post(BASE + cancelled.campaignId + "/events/" + cancelled.id + "/cancel", ownerAdmin, null);
        Event over = publishedEvent(CalendarEventMother.meeting(CampaignMother.OWNER, -1));
        Event open = publishedEvent(CalendarEventMother.meeting(CampaignMother.OWNER));

        assertProblem(rsvpTo(draft), 404, "Event not found");
        assertProblem(rsvpTo("e-no-such-thing"), 404, "Event not found");
        assertProblem(rsvpTo(cancelled.id), 409, "Event cancelled");
        assertProblem(rsvpTo(over.id), 409, "Event over");
        assertThat(rsvpTo(open.id).statusCode()).isEqualTo(202);
    }

    @Test
    void whenFullConfirmationsWaitInOrderAndACancellationPromotesTheFirstWhoIsMailed() {
        Event e = publishedEvent(CalendarEventMother.with(CalendarEventMother.meeting(CampaignMother.OWNER),
                "capacity", 2));
        String a = confirmed(e.id, RsvpMother.rsvp());
        confirmed(e.id, RsvpMother.rsvp());
        String cEmail = "third-" + System.nanoTime() + "@example.org";
        String c = Rsvp.idFor(e.id, cEmail);
        assertThat(post("/api/events/" + e.id + "/rsvps", null, RsvpMother.rsvp(cEmail)).statusCode()).isEqualTo(202);
        HttpResponse<String> waitingPage = postForm(links.confirm(c, TestClock.now()).url().getPath());
        String d = confirmed(e.id, RsvpMother.rsvp());

        assertThat(waitingPage.body()).contains("waiting list, number 1");
        ConsumerRecord<String, String> waiting = KafkaProbe.awaitRecord(TOPIC,
                r -> r.value().contains(c) && KafkaProbe.header(r, "ce_type").equals(CONFIRMED), Duration.ofSeconds(20));
        assertThat(json.readTree(waiting.value()).get("status").asString()).isEqualTo("waiting");
        assertThat(json.readTree(waiting.value()).get("waitingPosition").asLong()).isEqualTo(1);
        JsonNode full = read(get(BASE + e.campaignId + "/events/" + e.id + "/rsvps", ownerAdmin));
        assertThat(full.get("figures").get("going").asLong()).isEqualTo(2);
        assertThat(full.get("waitingList").findValuesAsString("rsvpId")).containsExactly(c, d);
        assertThat(full.get("waitingList").get(1).get("waitingPosition").asLong()).isEqualTo(2);

        assertThat(postForm(links.cancel(a, TestClock.now()).url().getPath()).statusCode()).isEqualTo(200);

        ConsumerRecord<String, String> promoted = KafkaProbe.awaitRecord(TOPIC, r -> r.value().contains(c)
                && r.value().contains("\"promoted\":true"), Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/" + CONFIRMED, promoted.value());
        assertThat(json.readTree(promoted.value()).get("status").asString()).isEqualTo("going");
        assertThat(json.readTree(promoted.value()).get("email").asString()).isEqualTo(cEmail);
        JsonNode after = read(get(BASE + e.campaignId + "/events/" + e.id + "/rsvps", ownerAdmin));
        assertThat(after.get("attendees").findValuesAsString("rsvpId")).contains(c).doesNotContain(a);
        assertThat(after.get("waitingList").findValuesAsString("rsvpId")).containsExactly(d);
        assertThat(after.get("figures").get("cancelled").asLong()).isEqualTo(1);
        assertThat(after.get("figures").get("seatsTaken").asLong()).isEqualTo(2);
        assertThat(get(links.confirm(d, TestClock.now()).url().getPath()).body()).contains("waiting list, number 1");
    }

    @Test
    void raisingTheCapacityPromotesTheFirstWaitingInOrderAndLoweringItDropsNobody() {
        Map<String, Object> body = CalendarEventMother.with(CalendarEventMother.meeting(CampaignMother.OWNER),
                "capacity", 1);
        Event e = publishedEvent(body);
        String a = confirmed(e.id, RsvpMother.rsvp());
        String b = confirmed(e.id, RsvpMother.rsvp());
        String c = confirmed(e.id, RsvpMother.rsvp());
        String d = confirmed(e.id, RsvpMother.rsvp());

        assertThat(put(BASE + e.campaignId + "/events/" + e.id, ownerAdmin,
                CalendarEventMother.with(body, "capacity", 3)).statusCode()).isEqualTo(200);

        List<ConsumerRecord<String, String>> promoted = KafkaProbe.awaitRecords(TOPIC,
                r -> r.value().contains(e.id) && r.value().contains("\"promoted\":true"), 2, Duration.ofSeconds(30));
        assertThat(promoted.stream().map(r -> json.readTree(r.value()).get("rsvpId").asString()))
                .as("the first two on the list, by the mail a promotion sends").containsExactlyInAnyOrder(b, c);
        EventContract.assertValid("campaigns/" + CONFIRMED, promoted.get(0).value());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode list = list(e);
            assertThat(list.get("attendees").findValuesAsString("rsvpId")).containsExactlyInAnyOrder(a, b, c);
            assertThat(list.get("waitingList").findValuesAsString("rsvpId")).containsExactly(d);
            assertThat(list.get("figures").get("seatsTaken").asLong()).isEqualTo(3);
        });

        assertThat(put(BASE + e.campaignId + "/events/" + e.id, ownerAdmin,
                CalendarEventMother.with(body, "capacity", 2)).statusCode()).isEqualTo(200);
        KafkaProbe.awaitRecords(TOPIC, r -> changeOf(r, e, "revised"), 8, Duration.ofSeconds(30));
        String late = confirmed(e.id, RsvpMother.rsvp());

        JsonNode after = list(e);
        assertThat(after.get("attendees").findValuesAsString("rsvpId")).as("nobody going loses their seat")
                .containsExactlyInAnyOrder(a, b, c);
        assertThat(after.get("waitingList").findValuesAsString("rsvpId")).containsExactly(d, late);
        assertThat(KafkaProbe.count(TOPIC, r -> r.value().contains(e.id) && r.value().contains("\"promoted\":true")))
                .isEqualTo(2);
        assertThat(postForm(links.cancel(a, TestClock.now()).url().getPath()).statusCode()).isEqualTo(200);
        assertThat(list(e).get("waitingList").findValuesAsString("rsvpId"))
                .as("three going for two seats: a cancellation frees none").containsExactly(d, late);
    }

    @Test
    void confirmationsRacingForTheLastSeatNeverOverbook() {
        int racers = 8;
        Event e = publishedEvent(CalendarEventMother.with(CalendarEventMother.meeting(CampaignMother.OWNER),
                "capacity", 3));
        confirmed(e.id, RsvpMother.rsvp());
        confirmed(e.id, RsvpMother.rsvp());
        List<String> confirmLinks = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String email = "racer-" + i + "-" + System.nanoTime() + "@example.org";
            assertThat(post("/api/events/" + e.id + "/rsvps", null, RsvpMother.rsvp(email)).statusCode())
                    .isEqualTo(202);
            confirmLinks.add(links.confirm(Rsvp.idFor(e.id, email), TestClock.now()).url().getPath());
        }

        List<CompletableFuture<HttpResponse<String>>> presses = IntStream.range(0, racers * 2)
                .mapToObj(i -> HTTP.sendAsync(formPost(confirmLinks.get(i % racers)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(presses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(200);
        JsonNode list = read(get(BASE + e.campaignId + "/events/" + e.id + "/rsvps", ownerAdmin));
        assertThat(list.get("figures").get("going").asLong()).as("one seat was left").isEqualTo(3);
        assertThat(list.get("figures").get("waiting").asLong()).isEqualTo(racers - 1);
        assertThat(list.get("figures").get("seatsTaken").asLong()).isEqualTo(3);
        assertThat(list.get("attendees")).hasSize(3);
    }

    @Test
    void staffExportAttendeesThenTheWaitingListAsCsvThatNoSpreadsheetRunsAsAFormula() {
        Event e = publishedEvent(CalendarEventMother.with(CalendarEventMother.meeting(CampaignMother.OWNER),
                "capacity", 2));
        confirmed(e.id, RsvpMother.with(RsvpMother.rsvp(), "name", "=HYPERLINK(\"http://evil.example\",\"x\")"));
        confirmed(e.id, RsvpMother.with(RsvpMother.rsvp(), "name", "@SUM(A1)"));
        confirmed(e.id, RsvpMother.with(RsvpMother.rsvp(), "name", "+1, waiting"));
        rsvpTo(e.id);

        HttpResponse<String> csv = get(BASE + e.campaignId + "/events/" + e.id + "/rsvps.csv", ownerAdmin);
        HttpResponse<String> byFormat = get(BASE + e.campaignId + "/events/" + e.id + "/rsvps?format=csv", ownerAdmin);

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(byFormat.body()).isEqualTo(csv.body());
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", RsvpCsv.HEADER));
        assertThat(lines).as("a header, two going, one waiting; the pending one is not in it").hasSize(4);
        assertThat(lines[3]).contains(",waiting,1,");
        assertThat(csv.body()).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",")
                .contains(",'@SUM(A1),").contains(",\"'+1, waiting\",")
                .doesNotContain(",=").doesNotContain(",@").doesNotContain(",+");
    }

    @Test
    void anUnconfirmedRsvpIsDeletedOnceItsConfirmLinkHasExpiredAndAConfirmedOneStays() {
        Event e = publishedEvent(CalendarEventMother.meeting(CampaignMother.OWNER));
        rsvpTo(e.id);
        confirmed(e.id, RsvpMother.rsvp());

        rsvps.purgeUnconfirmed(TestClock.now().plus(6, ChronoUnit.DAYS));
        long pendingWithinAWeek = figures(e).get("pending").asLong();
        rsvps.purgeUnconfirmed(TestClock.now().plus(7, ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES));

        assertThat(pendingWithinAWeek).as("its link still works").isEqualTo(1);
        assertThat(figures(e).get("pending").asLong()).isZero();
        assertThat(figures(e).get("going").asLong()).isEqualTo(1);
    }

    @Test
    void anErasedSignerLosesEveryRsvpAndTheirSeatGoesToTheWaitingList() {
        Event first = publishedEvent(CalendarEventMother.with(CalendarEventMother.meeting(CampaignMother.OWNER),
                "capacity", 1));
        Event second = publishedEvent(CalendarEventMother.meeting(CampaignMother.OWNER));
        String email = "Erase.Me+rsvp-" + System.nanoTime() + "@Example.org";
        confirmed(first.id, RsvpMother.rsvp(email));
        String next = confirmed(first.id, RsvpMother.rsvp());
        assertThat(post("/api/events/" + second.id + "/rsvps", null, RsvpMother.rsvp(email)).statusCode())
                .isEqualTo(202);
        confirmed(second.id, RsvpMother.rsvp());
        String erased = EventContract.exampleNow("pledges/signer-erased.v1")
                .replace("ada.example@example.org", EmailIdentity.normalise(email));

        KafkaProbe.publishEvent("pledges", "hash-of-address", "signer-erased.v1", erased);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode list = read(get(BASE + first.campaignId + "/events/" + first.id + "/rsvps", ownerAdmin));
            assertThat(list.get("attendees").findValuesAsString("rsvpId")).containsExactly(next);
            assertThat(list.get("waitingList")).isEmpty();
            JsonNode other = figures(second);
            assertThat(other.get("pending").asLong()).isZero();
            assertThat(other.get("going").asLong()).as("someone else's stays").isEqualTo(1);
        });
        assertThat(list(first).toString()).doesNotContain(EmailIdentity.normalise(email));
    }

    @Test
    void anExpiredOrTamperedLinkConfirmsNothingAndSaysSo() {
        Event e = publishedEvent(CalendarEventMother.meeting(CampaignMother.OWNER));
        String email = "late-" + System.nanoTime() + "@example.org";
        assertThat(post("/api/events/" + e.id + "/rsvps", null, RsvpMother.rsvp(email)).statusCode()).isEqualTo(202);
        String id = Rsvp.idFor(e.id, email);
        String expired = links.confirm(id, TestClock.now().minus(8, ChronoUnit.DAYS)).url().getPath();
        String valid = links.confirm(id, TestClock.now()).url().getPath();
        String tampered = valid.substring(0, valid.length() - 3) + (valid.endsWith("AAA") ? "BBB" : "AAA");

        assertThat(postForm(expired).statusCode()).isEqualTo(410);
        assertThat(postForm(tampered).statusCode()).isEqualTo(404);
        assertThat(postForm("/api/events/rsvps/confirm/not-a-token").body()).contains("Link not valid");
        assertThat(figures(e).get("pending").asLong()).isEqualTo(1);
        assertThat(postForm(valid).statusCode()).isEqualTo(200);
    }

    @Test
    void theDayBeforeEachAttendeeIsRemindedOnceEvenWhenTwoInstancesRunTheJobAtOnce() throws Exception {
        LocalDateTime soon = LocalDateTime.ofInstant(TestClock.now().plus(3, ChronoUnit.HOURS),
                ZoneId.of(CalendarEventMother.ZONE)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = CalendarEventMother.with(CalendarEventMother.with(
                CalendarEventMother.meeting(CampaignMother.OWNER), "startsAt", soon.toString()),
                "endsAt", soon.plusHours(2).toString());
        Event e = publishedEvent(CalendarEventMother.with(body, "capacity", 2));
        Event later = publishedEvent(CalendarEventMother.meeting(CampaignMother.OWNER, 7));
        String first = confirmed(e.id, RsvpMother.rsvp());
        String second = confirmed(e.id, RsvpMother.rsvp());
        confirmed(e.id, RsvpMother.rsvp());
        rsvpTo(e.id);
        confirmed(later.id, RsvpMother.rsvp());

        // two instances of the service run the job at the same moment
        List<CompletableFuture<Integer>> instances = List.of(CompletableFuture.supplyAsync(reminders::remind),
                CompletableFuture.supplyAsync(reminders::remind));
        instances.forEach(CompletableFuture::join);
        reminders.remind();

        List<ConsumerRecord<String, String>> due = KafkaProbe.awaitRecords(TOPIC,
                r -> KafkaProbe.header(r, "ce_type").equals(REMINDER) && r.value().contains(e.id), 2,
                Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/" + REMINDER, due.get(0).value());
        assertThat(due.stream().map(r -> json.readTree(r.value()).get("rsvpId").asString()))
                .as("the going, not the waiting or the pending").containsExactlyInAnyOrder(first, second);
        assertThat(json.readTree(due.get(0).value()).get("calendarEvent").get("startsAt").asString())
                .isEqualTo(soon + ":00");
        Thread.sleep(500);
        assertThat(KafkaProbe.count(TOPIC, r -> KafkaProbe.header(r, "ce_type").equals(REMINDER)
                && r.value().contains(e.id))).as("once each, however many instances ran").isEqualTo(2);
        assertThat(KafkaProbe.count(TOPIC, r -> KafkaProbe.header(r, "ce_type").equals(REMINDER)
                && r.value().contains(later.id))).as("a week ahead: not yet").isZero();
    }

    @Test
    void whenStaffReviseOrCancelTheEventEveryoneGoingOrWaitingIsToldOnceEachTime() throws Exception {
        Event e = publishedEvent(CalendarEventMother.with(CalendarEventMother.meeting(CampaignMother.OWNER),
                "capacity", 1));
        String going = confirmed(e.id, RsvpMother.rsvp());
        String waiting = confirmed(e.id, RsvpMother.rsvp());
        rsvpTo(e.id);
        Map<String, Object> moved = CalendarEventMother.with(CalendarEventMother.meeting(CampaignMother.OWNER),
                "place", Map.of("name", "Werk 2", "city", "Leipzig", "countryCode", "DE"));

        assertThat(put(BASE + e.campaignId + "/events/" + e.id, ownerAdmin, moved).statusCode()).isEqualTo(200);

        List<ConsumerRecord<String, String>> revised = KafkaProbe.awaitRecords(TOPIC, r -> changeOf(r, e, "revised"),
                2, Duration.ofSeconds(30));
        EventContract.assertValid("campaigns/" + CHANGED, revised.get(0).value());
        assertThat(revised.stream().map(r -> json.readTree(r.value()).get("rsvpId").asString()))
                .containsExactlyInAnyOrder(going, waiting);
        assertThat(json.readTree(revised.get(0).value()).get("calendarEvent").get("place").asString())
                .isEqualTo("Werk 2, Leipzig, DE");
        // the calendar's event delivered again (a rebalance, a replay): nobody is told twice
        ConsumerRecord<String, String> cause = KafkaProbe.awaitRecord("campaigns",
                r -> KafkaProbe.header(r, "ce_type").equals("calendar-event-revised.v1") && r.value().contains(e.id),
                Duration.ofSeconds(20));
        KafkaProbe.publishEvent("campaigns", cause.key(), "calendar-event-revised.v1",
                json.readTree(cause.value()).get("eventId").asString(), cause.value());

        assertThat(post(BASE + e.campaignId + "/events/" + e.id + "/cancel", ownerAdmin, null).statusCode())
                .isEqualTo(200);

        List<ConsumerRecord<String, String>> cancelled = KafkaProbe.awaitRecords(TOPIC,
                r -> changeOf(r, e, "cancelled"), 2, Duration.ofSeconds(30));
        assertThat(json.readTree(cancelled.get(0).value()).get("calendarEvent").get("title").asString())
                .isEqualTo(moved.get("title"));
        Thread.sleep(1000);
        assertThat(KafkaProbe.count(TOPIC, r -> changeOf(r, e, "revised"))).isEqualTo(2);
        assertThat(KafkaProbe.count(TOPIC, r -> changeOf(r, e, "cancelled"))).isEqualTo(2);
    }

    static boolean changeOf(ConsumerRecord<String, String> r, Event e, String change) {
        return KafkaProbe.header(r, "ce_type").equals(CHANGED) && r.value().contains(e.id)
                && r.value().contains("\"change\":\"" + change + "\"");
    }

    record Event(String campaignId, String id) {
    }

    /** An event of a fresh open campaign, posted and published by the owner's admin. */
    Event publishedEvent(Map<String, Object> body) {
        String campaignId = openCampaign(CampaignMother.draft());
        HttpResponse<String> posted = post(BASE + campaignId + "/events", ownerAdmin, body);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String id = read(posted).get("calendarEventId").asString();
        assertThat(post(BASE + campaignId + "/events/" + id + "/publish", ownerAdmin, null).statusCode())
                .isEqualTo(200);
        return new Event(campaignId, id);
    }

    HttpResponse<String> rsvpTo(String eventId) {
        return post("/api/events/" + eventId + "/rsvps", null, RsvpMother.rsvp());
    }

    /** Answered and confirmed by its button, with the link the mail would carry; returns the RSVP id. */
    String confirmed(String eventId, Map<String, Object> body) {
        HttpResponse<String> answered = post("/api/events/" + eventId + "/rsvps", null, body);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        String id = Rsvp.idFor(eventId, (String) body.get("email"));
        assertThat(postForm(links.confirm(id, TestClock.now()).url().getPath()).statusCode()).isEqualTo(200);
        return id;
    }

    JsonNode list(Event e) {
        return read(get(BASE + e.campaignId + "/events/" + e.id + "/rsvps", ownerAdmin));
    }

    JsonNode figures(Event e) {
        return list(e).get("figures");
    }

    long requestsFor(Event e, String email) {
        return KafkaProbe.count(TOPIC, r -> requestFor(r, e, email));
    }

    static boolean requestFor(ConsumerRecord<String, String> r, Event e, String email) {
        return KafkaProbe.header(r, "ce_type").equals(REQUESTED) && r.value().contains(e.id)
                && r.value().toLowerCase().contains(email.toLowerCase());
    }

    /** What the page's button sends: a form POST without a body. */
    HttpResponse<String> postForm(String path) {
        return send(formPost(path));
    }

    HttpRequest.Builder formPost(String path) {
        return request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    private void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(response).get("title").asString()).isEqualTo(title);
    }
}
