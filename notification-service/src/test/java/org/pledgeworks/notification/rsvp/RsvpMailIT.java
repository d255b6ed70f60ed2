package org.pledgeworks.notification.rsvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.notification.support.MailCatcher;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.ServiceIT;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * campaign-service's {@code event-rsvps} become mails, one per event, at the address as typed: the
 * confirmation with its confirm link, then "going" (with the event in its own time zone and its .ics link),
 * "waiting" (with the position) or "promoted"; every one with the cancel link. What the person typed is
 * escaped in the HTML; a redelivery sends nothing more; a link that is not http(s) is dead-lettered.
 */
class RsvpMailIT extends ServiceIT {

    private static final String REQUESTED = "event-rsvp-requested.v1";
    private static final String CONFIRMED = "event-rsvp-confirmed.v1";
    private static final String TOPIC = "event-rsvps";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final LocalDateTime STARTS = LocalDate.ofInstant(TestClock.now(), ZoneId.of("Europe/Berlin"))
            .plusDays(7).atTime(19, 0);
    /** How the mails state it: "Wednesday 9 December 2026, 19:00–21:00 (Europe/Berlin)". */
    private static final String WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH)
            .format(STARTS) + "–21:00 (Europe/Berlin)";

    private final MailCatcher smtp = MailServers.smtp();

    @Test
    void theRequestExampleBecomesOneConfirmationMailWithBothLinksAndARedeliverySendsNoSecond() throws Exception {
        ObjectNode example = example(REQUESTED);
        String email = address();
        example.put("email", email).put("name", "<b>Ada</b> & co");
        String json = JSON.writeValueAsString(example);
        EventContract.assertValid("campaigns/" + REQUESTED, json);

        publishTwice(example, REQUESTED, json);

        MimeMessage mail = smtp.awaitMessagesTo(email, 1, Duration.ofSeconds(30)).get(0);
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your RSVP: Supply chains, an evening of questions");
        String text = text(mail);
        String html = html(mail);
        assertThat(text).contains(example.get("confirmUrl").asString()).contains(example.get("cancelUrl").asString())
                .contains("When: " + WHEN)
                .contains("Where: Volkshaus, Karl-Liebknecht-Straße 30, Leipzig, DE")
                .contains("Hello <b>Ada</b> & co");
        assertThat(html).contains("href=\"" + example.get("confirmUrl").asString() + "\"")
                .contains("href=\"" + example.get("cancelUrl").asString() + "\"")
                .contains("&lt;b&gt;Ada&lt;/b&gt; &amp; co").doesNotContain("<b>Ada");
        assertOnlyOne(email);
    }

    @Test
    void goingMailsCarryTheIcsLinkAndTheCancelLinkAndWaitingSaysThePosition() throws Exception {
        ObjectNode going = example(CONFIRMED);
        String goingTo = address();
        going.put("email", goingTo);
        ObjectNode waiting = example(CONFIRMED).put("status", "waiting").put("waitingPosition", 3);
        String waitingTo = address();
        waiting.put("email", waitingTo);
        ObjectNode promoted = example(CONFIRMED).put("promoted", true);
        String promotedTo = address();
        promoted.put("email", promotedTo);
        EventContract.assertValid("campaigns/" + CONFIRMED, JSON.writeValueAsString(waiting));

        publishTwice(going, CONFIRMED, JSON.writeValueAsString(going));
        publishTwice(waiting, CONFIRMED, JSON.writeValueAsString(waiting));
        publishTwice(promoted, CONFIRMED, JSON.writeValueAsString(promoted));

        MimeMessage goingMail = smtp.awaitMessagesTo(goingTo, 1, Duration.ofSeconds(30)).get(0);
        String ics = going.get("calendarEvent").get("icsUrl").asString();
        assertThat(goingMail.getSubject()).isEqualTo("You're going: Supply chains, an evening of questions");
        assertThat(text(goingMail)).contains(ics).contains(going.get("cancelUrl").asString())
                .contains(WHEN);
        assertThat(html(goingMail)).contains("href=\"" + ics + "\"");
        MimeMessage waitingMail = smtp.awaitMessagesTo(waitingTo, 1, Duration.ofSeconds(30)).get(0);
        assertThat(waitingMail.getSubject()).startsWith("On the waiting list");
        assertThat(text(waitingMail)).contains("waiting list, number 3").contains(waiting.get("cancelUrl").asString())
                .doesNotContain(ics);
        MimeMessage promotedMail = smtp.awaitMessagesTo(promotedTo, 1, Duration.ofSeconds(30)).get(0);
        assertThat(promotedMail.getSubject()).startsWith("A place came free");
        assertThat(text(promotedMail)).contains(ics);
        assertOnlyOne(goingTo);
        assertOnlyOne(waitingTo);
        assertOnlyOne(promotedTo);
    }

    @Test
    void aReminderAndAChangeOrCancellationAreMailedOnceEach() throws Exception {
        ObjectNode reminder = example("event-rsvp-reminder-due.v1");
        String remindedTo = address();
        reminder.put("email", remindedTo);
        ObjectNode revised = example("event-rsvp-event-changed.v1");
        String revisedTo = address();
        revised.put("email", revisedTo);
        ObjectNode cancelled = example("event-rsvp-event-changed.v1").put("change", "cancelled");
        String cancelledTo = address();
        cancelled.put("email", cancelledTo);
        EventContract.assertValid("campaigns/event-rsvp-event-changed.v1", JSON.writeValueAsString(cancelled));

        publishTwice(reminder, "event-rsvp-reminder-due.v1", JSON.writeValueAsString(reminder));
        publishTwice(revised, "event-rsvp-event-changed.v1", JSON.writeValueAsString(revised));
        publishTwice(cancelled, "event-rsvp-event-changed.v1", JSON.writeValueAsString(cancelled));

        MimeMessage reminderMail = smtp.awaitMessagesTo(remindedTo, 1, Duration.ofSeconds(30)).get(0);
        assertThat(reminderMail.getSubject()).isEqualTo("Reminder: Supply chains, an evening of questions");
        assertThat(text(reminderMail)).contains(WHEN).contains(reminder.get("calendarEvent").get("icsUrl").asString())
                .contains(reminder.get("cancelUrl").asString());
        MimeMessage revisedMail = smtp.awaitMessagesTo(revisedTo, 1, Duration.ofSeconds(30)).get(0);
        assertThat(revisedMail.getSubject()).startsWith("Changed: ");
        assertThat(text(revisedMail)).contains("how it stands now").contains(WHEN);
        MimeMessage cancelledMail = smtp.awaitMessagesTo(cancelledTo, 1, Duration.ofSeconds(30)).get(0);
        assertThat(cancelledMail.getSubject()).startsWith("Called off: ");
        assertThat(text(cancelledMail)).contains("called off this event").contains(WHEN);
        assertOnlyOne(remindedTo);
        assertOnlyOne(revisedTo);
        assertOnlyOne(cancelledTo);
    }

    @Test
    void aCancelLinkThatIsNotHttpIsDeadLetteredAndNeverMailed() {
        ObjectNode example = example(CONFIRMED);
        String email = address();
        example.put("email", email).put("cancelUrl", "javascript:alert(1)");

        KafkaProbe.publishEvent(TOPIC, example.get("calendarEvent").get("calendarEventId").asString(), CONFIRMED,
                example.get("eventId").asString(), JSON.writeValueAsString(example));

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord(TOPIC + ".dlt",
                r -> r.value().contains(email), Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(smtp.messagesTo(email)).isEmpty();
    }

    private static void publishTwice(ObjectNode example, String type, String json) {
        String key = example.get("calendarEvent").get("calendarEventId").asString();
        KafkaProbe.publishEvent(TOPIC, key, type, example.get("eventId").asString(), json);
        KafkaProbe.publishEvent(TOPIC, key, type, example.get("eventId").asString(), json);
    }

    private void assertOnlyOne(String email) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(email).size() == 1);
    }

    private static String address() {
        return "Ada.Example+rsvp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String text(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    }

    private static String html(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
    }

    /**
     * The contract's example at the test clock's now, with an event id of its own, the event a week ahead
     * (its local times are no instants, which the rebasing moves).
     */
    private static ObjectNode example(String type) {
        ObjectNode example = (ObjectNode) JSON.readTree(EventContract.exampleNow("campaigns/" + type));
        ((ObjectNode) example.get("calendarEvent")).put("startsAt", STARTS.toString())
                .put("endsAt", STARTS.plusHours(2).toString());
        return example.put("eventId", UUID.randomUUID().toString());
    }
}
