package org.pledgeworks.notification.bulk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailTemplates;
import org.pledgeworks.notification.subscribers.MailLinks;

import org.springframework.stereotype.Component;

/**
 * Renders one bulk message for one recipient: the variant in their language when there is one, their
 * own unsubscribe and preference links, and the RFC 8058 headers: {@code List-Unsubscribe} (the HTTPS
 * link with its opaque signed token, and a mailto) and {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click}, plus {@code List-Id} naming the campaign.
 */
@Component
public class BulkMail {

    private final MailTemplates templates;
    private final MailLinks links;
    private final String listDomain;

    BulkMail(MailTemplates templates, MailLinks links,
            org.pledgeworks.notification.system.NotificationServiceProperties properties) {
        this.templates = templates;
        this.links = links;
        this.listDomain = properties.mail().messageIdDomain();
    }

    /** @param message a {@code messages} document; {@code name} may be blank */
    Mail render(Document message, String recipientId, String email, String name, String locale) {
        String campaignId = message.getString("campaignId");
        String messageId = message.getString("_id");
        Map<String, String> variables = new HashMap<>();
        Document stored = message.get("variables", Document.class);
        stored.forEach((k, v) -> variables.put(k, String.valueOf(v)));
        String chosenLocale = locale;
        List<Document> variants = message.getList("variants", Document.class, List.of());
        Document variant = pick(variants, locale);
        if (variant != null) {
            variant.get("variables", Document.class).forEach((k, v) -> variables.put(k, String.valueOf(v)));
            chosenLocale = variant.getString("locale");
        }
        else if (message.getString("locale") != null) {
            // the update is written in one language: the frame around it in the same one
            chosenLocale = message.getString("locale");
        }
        variables.put("name", name == null || name.isBlank() ? "there" : name);
        variables.put("campaignTitle", message.getString("campaignTitle"));
        String unsubscribeUrl = links.unsubscribeUrl(recipientId, campaignId, messageId);
        variables.put("unsubscribeUrl", unsubscribeUrl);
        variables.put("preferencesUrl", links.preferencesUrl(recipientId));
        Mail mail = templates.render(message.getString("kind"), chosenLocale, email, variables);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">, <"
                + links.unsubscribeMailto(recipientId, campaignId, messageId) + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "<" + campaignId.replaceAll("[^A-Za-z0-9-]", "-") + ".campaigns." + listDomain + ">");
        return mail.withHeaders(headers);
    }

    private static Document pick(List<Document> variants, String locale) {
        if (locale == null || variants.isEmpty()) {
            return null;
        }
        String wanted = Locale.forLanguageTag(locale.replace('_', '-')).toLanguageTag();
        String language = Locale.forLanguageTag(wanted).getLanguage();
        for (Document v : variants) {
            if (wanted.equalsIgnoreCase(v.getString("locale"))) {
                return v;
            }
        }
        for (Document v : variants) {
            if (language.equalsIgnoreCase(Locale.forLanguageTag(v.getString("locale")).getLanguage())) {
                return v;
            }
        }
        return null;
    }
}
