package org.pledgeworks.notification.subscribers;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import org.pledgeworks.notification.campaigns.CampaignDirectory;
import org.pledgeworks.notification.system.Pages;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /preferences/{token}}: the signed link in every bulk mail's footer. GET lists the person's
 * subscriptions (changes nothing); POST with {@code campaignId} leaves one, with {@code scope=all}
 * leaves everything. Idempotent.
 */
@RestController
class PreferencesController {

    private final MailLinks links;
    private final Subscriptions subscriptions;
    private final CampaignDirectory campaigns;

    PreferencesController(MailLinks links, Subscriptions subscriptions, CampaignDirectory campaigns) {
        this.links = links;
        this.subscriptions = subscriptions;
        this.campaigns = campaigns;
    }

    @Operation(summary = "Your subscriptions; changes nothing")
    @GetMapping("/preferences/{token}")
    ResponseEntity<String> show(@PathVariable String token) {
        Optional<String> recipientId = links.readPreferences(token);
        if (recipientId.isEmpty()) {
            return invalid();
        }
        String action = "/preferences/" + token;
        List<Subscriptions.Subscription> all = subscriptions.ofRecipient(recipientId.get());
        StringBuilder body = new StringBuilder();
        if (all.stream().noneMatch(s -> Subscriptions.ACTIVE.equals(s.status()))) {
            body.append("<p>You get no campaign updates from us.</p>");
        }
        else {
            body.append("<p>You get updates about:</p><ul>");
            for (Subscriptions.Subscription s : all) {
                if (Subscriptions.ACTIVE.equals(s.status())) {
                    body.append("<li>").append(Pages.escape(campaigns.titleOf(s.campaignId())))
                            .append(Pages.postButton(action, "Stop these", "campaignId", s.campaignId(), true))
                            .append("</li>");
                }
            }
            body.append("</ul>");
        }
        body.append(Pages.postButton(action, "Leave everything: no more email from Pledgeworks", "scope", "all", false));
        // what the person agreed to, when and from where: theirs to see and keep
        body.append("<p><a href=\"").append(Pages.escape(action + "/consents"))
                .append("\">Download your consent records</a></p>");
        return Pages.page(HttpStatus.OK, "Your email preferences", body.toString());
    }

    @Operation(summary = "Leave one campaign (campaignId) or everything (scope=all)")
    @PostMapping("/preferences/{token}")
    ResponseEntity<String> change(@PathVariable String token,
            @RequestParam(name = "campaignId", required = false) String campaignId,
            @RequestParam(name = "scope", required = false) String scope) {
        Optional<String> recipientId = links.readPreferences(token);
        if (recipientId.isEmpty()) {
            return invalid();
        }
        if ("all".equals(scope)) {
            subscriptions.unsubscribe(recipientId.get(), null);
        }
        else if (campaignId != null && !campaignId.isBlank()) {
            subscriptions.unsubscribe(recipientId.get(), campaignId);
        }
        return show(token);
    }

    private static ResponseEntity<String> invalid() {
        return Pages.page(HttpStatus.BAD_REQUEST, "This link does not work",
                "<p>The link is incomplete or was changed. Copy the whole link from the email.</p>");
    }
}
