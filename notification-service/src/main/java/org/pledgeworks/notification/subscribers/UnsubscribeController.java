package org.pledgeworks.notification.subscribers;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import org.pledgeworks.notification.campaigns.CampaignDirectory;
import org.pledgeworks.notification.stats.DeliveryStats;
import org.pledgeworks.notification.system.Pages;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /unsubscribe/{token}}, the link in every bulk mail's footer and {@code List-Unsubscribe}.
 * GET shows a page with a button and changes nothing (mail scanners and link previews open links);
 * POST unsubscribes at once: the page's button, and the RFC 8058 one-click POST a mail client sends
 * with the body {@code List-Unsubscribe=One-Click}. Idempotent.
 */
@RestController
class UnsubscribeController {

    private final MailLinks links;
    private final Subscriptions subscriptions;
    private final CampaignDirectory campaigns;
    private final DeliveryStats stats;

    UnsubscribeController(MailLinks links, Subscriptions subscriptions, CampaignDirectory campaigns,
            DeliveryStats stats) {
        this.links = links;
        this.subscriptions = subscriptions;
        this.campaigns = campaigns;
        this.stats = stats;
    }

    @Operation(summary = "Confirmation page; unsubscribes nothing")
    @GetMapping("/unsubscribe/{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        Optional<MailLinks.Unsubscribe> link = links.readUnsubscribe(token);
        if (link.isEmpty()) {
            return invalid();
        }
        String about = link.get().campaignId() == null ? "all email from Pledgeworks"
                : "updates about " + campaigns.titleOf(link.get().campaignId());
        String action = "/unsubscribe/" + token;
        return Pages.page(HttpStatus.OK, "Unsubscribe?", "<p>Stop " + Pages.escape(about) + "?</p>"
                + Pages.postButton(action, "Unsubscribe", null, null, false)
                + (link.get().campaignId() == null ? ""
                        : Pages.postButton(action, "Unsubscribe from everything", "scope", "all", true)));
    }

    @Operation(summary = "Unsubscribes at once (the page's button, or the RFC 8058 one-click POST)")
    @PostMapping("/unsubscribe/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token,
            @RequestParam(name = "scope", required = false) String scope) {
        Optional<MailLinks.Unsubscribe> link = links.readUnsubscribe(token);
        if (link.isEmpty()) {
            return invalid();
        }
        MailLinks.Unsubscribe u = link.get();
        String campaignId = "all".equals(scope) ? null : u.campaignId();
        subscriptions.unsubscribe(u.recipientId(), campaignId);
        if (u.messageRef() != null) {
            stats.add(u.messageRef(), "unsubscribed");
        }
        String what = campaignId == null ? "any more email from Pledgeworks"
                : "any more updates about " + campaigns.titleOf(campaignId);
        return Pages.page(HttpStatus.OK, "You are unsubscribed",
                "<p>You will not get " + Pages.escape(what) + ".</p>"
                        + "<p><a href=\"" + Pages.escape(links.preferencesUrl(u.recipientId()).replaceFirst("^https?://[^/]+", ""))
                        + "\">Your email preferences</a></p>");
    }

    private static ResponseEntity<String> invalid() {
        return Pages.page(HttpStatus.BAD_REQUEST, "This link does not work",
                "<p>The unsubscribe link is incomplete or was changed. Copy the whole link from the email, or use "
                        + "the unsubscribe button of your mail program.</p>");
    }
}
