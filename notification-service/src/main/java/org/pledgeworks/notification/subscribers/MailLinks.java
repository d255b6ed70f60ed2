package org.pledgeworks.notification.subscribers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pledgeworks.notification.system.NotificationServiceProperties;

import org.springframework.stereotype.Component;

/**
 * The links this service signs itself, on the gateway's public URL: one-click unsubscribe
 * ({@code /unsubscribe/{token}}, never expires: RFC 8058 links must keep working), the preference page
 * ({@code /preferences/{token}}) and the follow confirmation ({@code /follow/{token}}, expires).
 */
@Component
public class MailLinks {

    static final String UNSUBSCRIBE = "u1";
    static final String PREFERENCES = "p1";
    static final String FOLLOW = "f1";
    private static final String NONE = "-";

    /** What an unsubscribe token names. @param campaignId null for "everything"; @param messageRef null when not from a bulk message */
    public record Unsubscribe(String recipientId, String campaignId, String messageRef) {
    }

    private final SignedTokens tokens;
    private final String base;
    private final String mailbox;

    MailLinks(SignedTokens tokens, NotificationServiceProperties properties) {
        this.tokens = tokens;
        this.base = properties.publicBaseUrl().replaceAll("/+$", "");
        this.mailbox = properties.mail().unsubscribeMailbox();
    }

    public String unsubscribeUrl(String recipientId, String campaignId, String messageRef) {
        return base + "/unsubscribe/" + unsubscribeToken(recipientId, campaignId, messageRef);
    }

    public String unsubscribeToken(String recipientId, String campaignId, String messageRef) {
        return tokens.sign(UNSUBSCRIBE, null, recipientId, campaignId == null ? NONE : campaignId,
                messageRef == null ? NONE : messageRef);
    }

    /** {@code mailto:} for List-Unsubscribe; the token in the subject identifies the subscription. */
    public String unsubscribeMailto(String recipientId, String campaignId, String messageRef) {
        return "mailto:" + mailbox + "?subject=unsubscribe%20" + unsubscribeToken(recipientId, campaignId, messageRef);
    }

    public Optional<Unsubscribe> readUnsubscribe(String token) {
        return tokens.verify(UNSUBSCRIBE, token).filter(f -> f.size() == 3)
                .map(f -> new Unsubscribe(f.get(0), orNull(f.get(1)), orNull(f.get(2))));
    }

    public String preferencesUrl(String recipientId) {
        return base + "/preferences/" + tokens.sign(PREFERENCES, null, recipientId);
    }

    public Optional<String> readPreferences(String token) {
        return tokens.verify(PREFERENCES, token).filter(f -> f.size() == 1).map(f -> f.get(0));
    }

    public String followUrl(String followId, Instant expiresAt) {
        return base + "/follow/" + tokens.sign(FOLLOW, expiresAt, followId);
    }

    public Optional<String> readFollow(String token) {
        return tokens.verify(FOLLOW, token).filter(f -> f.size() == 1).map(f -> f.get(0));
    }

    private static String orNull(String field) {
        return NONE.equals(field) ? null : field;
    }
}
