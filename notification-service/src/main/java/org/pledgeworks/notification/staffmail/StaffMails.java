package org.pledgeworks.notification.staffmail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.delivery.DeliveryRequest;
import org.pledgeworks.notification.mail.Links;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailTemplates;
import org.pledgeworks.notification.mail.SealedLinks;
import org.pledgeworks.notification.subscribers.RecipientKeys;
import org.pledgeworks.notification.subscribers.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The handlers of {@code staff}: one mail per invitation or reset event. The delivery's id is the event's, so
 * a redelivered event sends nothing more (a resent invitation is a new event with a new link, so a new mail);
 * it is keyed to the recipient too, so that erasure strips it like the person's other mail. Neither is sent
 * past its link's expiry.
 *
 * <p>The mail is rendered with the sealed link where the link goes and stored so; the sender opens it as it
 * sends ({@link SealedLinks}). It is opened here too, once, so that a link that cannot be opened is
 * dead-lettered with its event rather than found out by the sender, and a link that is not http(s) never
 * reaches an {@code href}.
 */
@Configuration(proxyBeanMethods = false)
class StaffMails {

    static final String INVITATION = "staff-invitation";
    static final String PASSWORD_RESET = "staff-password-reset";

    private static final Logger log = LoggerFactory.getLogger(StaffMails.class);

    /** The words the mails take from code, per language of the template chosen; English for any other. */
    private record Words(Map<String, String> roles, String someone, DateTimeFormatter expiry, String anHour,
            String hours, String minutes) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            "en", new Words(Map.of("admin", "an administrator", "editor", "an editor", "viewer", "a viewer"),
                    "Someone", expiry("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH), "an hour", "%d hours",
                    "%d minutes"),
            "fr", new Words(Map.of("admin", "administrateur", "editor", "éditeur", "viewer", "lecteur"),
                    "Quelqu’un", expiry("d MMMM yyyy 'à' HH:mm 'UTC'", Locale.FRENCH), "une heure", "%d heures",
                    "%d minutes"),
            "es", new Words(Map.of("admin", "administrador", "editor", "editor", "viewer", "lector"),
                    "Alguien", expiry("d 'de' MMMM 'de' yyyy, HH:mm 'UTC'", Locale.forLanguageTag("es")), "una hora",
                    "%d horas", "%d minutos"),
            "de", new Words(Map.of("admin", "Administrator", "editor", "Redakteur", "viewer", "Leser"),
                    "Jemand", expiry("d. MMMM yyyy, HH:mm 'UTC'", Locale.GERMAN), "eine Stunde", "%d Stunden",
                    "%d Minuten"));

    private final MailTemplates templates;
    private final Deliveries deliveries;
    private final RecipientKeys keys;
    private final Subscriptions subscriptions;
    private final SealedLinks sealedLinks;

    StaffMails(MailTemplates templates, Deliveries deliveries, RecipientKeys keys, Subscriptions subscriptions,
            SealedLinks sealedLinks) {
        this.templates = templates;
        this.deliveries = deliveries;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.sealedLinks = sealedLinks;
    }

    @Bean
    EventHandler<StaffInvitationSent> staffInvitationSent() {
        return EventHandler.of(StaffInvitationSent.TYPE, StaffInvitationSent.class, (invited, eventId) -> {
            requireOpens(StaffInvitationSent.TYPE, eventId, invited.sealedLink());
            Words words = words(INVITATION, invited.locale());
            String role = words.roles().getOrDefault(invited.role(), invited.role());
            send(eventId, INVITATION, invited.invitationId(), invited.locale(), invited.email(), invited.sealedLink(),
                    invited.expiresAt(), invited.occurredAt(), Map.of(
                            "inviter", invited.invitedBy().known().orElse(words.someone()),
                            "organisation", invited.organisation(),
                            "role", role,
                            "acceptUrl", invited.sealedLink(),
                            "expiresAt", words.expiry().format(invited.expiresAt())));
        });
    }

    @Bean
    EventHandler<StaffPasswordResetRequested> staffPasswordResetRequested() {
        return EventHandler.of(StaffPasswordResetRequested.TYPE, StaffPasswordResetRequested.class,
                (requested, eventId) -> {
                    requireOpens(StaffPasswordResetRequested.TYPE, eventId, requested.sealedLink());
                    Words words = words(PASSWORD_RESET, requested.locale());
                    send(eventId, PASSWORD_RESET, requested.accountId(), requested.locale(), requested.email(),
                            requested.sealedLink(), requested.expiresAt(), requested.occurredAt(), Map.of(
                                    "name", requested.name().orElse(requested.email()),
                                    "resetUrl", requested.sealedLink(),
                                    "validFor", validFor(words, requested.occurredAt(), requested.expiresAt()),
                                    "expiresAt", words.expiry().format(requested.expiresAt())));
                });
    }

    /** Opened only to be checked: a link that cannot be opened or is not http(s) can never make a mail. */
    private void requireOpens(String type, String eventId, String sealed) {
        String link = sealedLinks.open(sealed).orElseThrow(() -> {
            log.warn("{} {}: its sealedLink does not open with this service's PLEDGEWORKS_TOKEN_SECRET (sealed under "
                    + "another secret, or changed on the way): dead-lettered, nothing mailed", type, eventId);
            return new MalformedEventException(type + " with a sealedLink that does not open under this service's "
                    + "PLEDGEWORKS_TOKEN_SECRET");
        });
        Links.requireHttp(type, "sealedLink", link);
    }

    private void send(String eventId, String kind, String aggregateId, String locale, String email, String sealed,
            Instant expiresAt, Instant causedAt, Map<String, String> variables) {
        if (subscriptions.isUndeliverable(email)) {
            log.info("{} {}: the address is suppressed (bounce, complaint or rejection): no mail", kind, eventId);
            return;
        }
        Mail mail = templates.render(kind, locale, email, variables);
        deliveries.request(new DeliveryRequest(eventId + ":" + kind, kind, aggregateId, mail, expiresAt, causedAt,
                false, null, keys.idOf(email), null, List.of(sealed)));
    }

    private Words words(String template, String locale) {
        String language = Locale.forLanguageTag(templates.localeOf(template, locale)).getLanguage();
        return WORDS.getOrDefault(language, WORDS.get("en"));
    }

    /** "an hour", as the gateway sets it today; said from the event's own times so it stays true if that changes. */
    private static String validFor(Words words, Instant from, Instant until) {
        long minutes = Duration.between(from, until).toMinutes();
        if (minutes == 60) {
            return words.anHour();
        }
        return minutes % 60 == 0 ? words.hours().formatted(minutes / 60) : words.minutes().formatted(minutes);
    }

    private static DateTimeFormatter expiry(String pattern, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneOffset.UTC);
    }
}
