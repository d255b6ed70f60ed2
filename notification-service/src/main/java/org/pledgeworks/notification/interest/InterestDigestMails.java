package org.pledgeworks.notification.interest;

import java.util.Map;
import java.util.stream.Collectors;

import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.delivery.DeliveryRequest;
import org.pledgeworks.notification.interest.OpportunityInterestDigestDue.Person;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailTemplates;
import org.pledgeworks.notification.subscribers.RecipientKeys;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * On {@code opportunity-interest-digest-due.v1}: one mail to the posting organisation listing who confirmed
 * interest, each with the name, address and message they gave. The delivery's id is the event's, so a
 * redelivered digest sends nothing more. The templates have no loops: the list is written here, escaped for
 * the HTML part, and handed to it as one raw variable.
 */
@Component
class InterestDigestMails implements EventHandler<OpportunityInterestDigestDue> {

    static final String KIND = "interest-digest";
    private static final String ROW = "<tr><td style=\"padding:0 32px 16px 32px;font-size:16px;line-height:24px;\">"
            + "<strong>%s</strong><br><a href=\"mailto:%s\" style=\"color:#15803d;word-break:break-all;\">%s</a>%s</td></tr>";
    private static final String MESSAGE = "<br><span style=\"color:#52525b;white-space:pre-line;\">%s</span>";

    private final MailTemplates templates;
    private final Deliveries deliveries;
    private final RecipientKeys keys;

    InterestDigestMails(MailTemplates templates, Deliveries deliveries, RecipientKeys keys) {
        this.templates = templates;
        this.deliveries = deliveries;
        this.keys = keys;
    }

    @Override
    public String type() {
        return OpportunityInterestDigestDue.TYPE;
    }

    @Override
    public Class<OpportunityInterestDigestDue> eventClass() {
        return OpportunityInterestDigestDue.class;
    }

    @Override
    public void handle(OpportunityInterestDigestDue due, String eventId) {
        int unlisted = due.total() - due.people().size();
        Mail mail = templates.render(KIND, due.locale(), due.to(), Map.of(
                "opportunityTitle", due.opportunityTitle(),
                "campaignTitle", due.campaignTitle(),
                "count", Integer.toString(due.total()),
                "who", due.total() == 1 ? "1 person" : due.total() + " people",
                "peopleText", due.people().stream().map(InterestDigestMails::text).collect(Collectors.joining("\n")),
                "peopleHtml", due.people().stream().map(InterestDigestMails::html).collect(Collectors.joining("\n")),
                "more", unlisted > 0 ? "Not listed here: " + unlisted + " more. " : "",
                "consoleUrl", due.consoleUrl()));
        deliveries.request(new DeliveryRequest(eventId + ":" + KIND, KIND, due.opportunityId(), mail, null,
                due.occurredAt(), false, null, keys.idOf(due.to())));
    }

    private static String text(Person person) {
        String entry = "- " + person.name() + " <" + person.email() + ">";
        return blank(person.message()) ? entry : entry + "\n  " + person.message().replace("\n", "\n  ");
    }

    private static String html(Person person) {
        String email = escape(person.email());
        return ROW.formatted(escape(person.name()), email, email,
                blank(person.message()) ? "" : MESSAGE.formatted(escape(person.message())));
    }

    private static boolean blank(String message) {
        return message == null || message.isBlank();
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
