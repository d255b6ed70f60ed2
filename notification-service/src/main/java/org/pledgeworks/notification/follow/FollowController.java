package org.pledgeworks.notification.follow;

import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.bson.Document;
import org.pledgeworks.notification.campaigns.CampaignDirectory;
import org.pledgeworks.notification.subscribers.MailLinks;
import org.pledgeworks.notification.system.Pages;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow API and the confirm page. The API answers 202 with the same body whether the address is
 * new, known, subscribed or suppressed (no one learns who is on a list). {@code GET /follow/{token}}
 * only shows a button, because mail scanners and link previews fetch every link in a mail;
 * {@code POST /follow/{token}} confirms, and confirming twice shows the same page. No cookie involved.
 */
@RestController
class FollowController {

    static final Map<String, String> ACCEPTED = Map.of("status", "pending",
            "detail", "If this address can receive mail from us, a confirmation link is on its way.");

    private final Follows follows;
    private final MailLinks links;
    private final CampaignDirectory campaigns;

    FollowController(Follows follows, MailLinks links, CampaignDirectory campaigns) {
        this.follows = follows;
        this.links = links;
        this.campaigns = campaigns;
    }

    @Operation(summary = "Follow a campaign by email: mails a confirm link (double opt-in); always 202")
    @PostMapping("/api/notifications/follow")
    ResponseEntity<Map<String, String>> follow(@Valid @RequestBody FollowRequest request, HttpServletRequest http) {
        String campaignId = follows.campaignOf(request);
        follows.request(request, campaignId, clientIp(http));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Cache-Control", "no-store").body(ACCEPTED);
    }

    @Operation(summary = "Confirm page with a button; confirms nothing")
    @GetMapping("/follow/{token}")
    ResponseEntity<String> page(@PathVariable String token) {
        Optional<Document> pending = links.readFollow(token).flatMap(follows::pending);
        if (pending.isEmpty()) {
            return invalid();
        }
        String title = campaigns.titleOf(pending.get().getString("campaignId"));
        return Pages.page(HttpStatus.OK, "Follow " + title + "?",
                "<p>Get email updates about " + Pages.escape(title) + ". You can unsubscribe at any time.</p>"
                        + Pages.postButton("/follow/" + token, "Yes, keep me updated", null, null, false));
    }

    @Operation(summary = "Confirms the follow (idempotent): consent recorded, subscribed")
    @PostMapping("/follow/{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        Optional<Follows.Confirmed> confirmed = links.readFollow(token).flatMap(follows::confirm);
        if (confirmed.isEmpty()) {
            return invalid();
        }
        String title = campaigns.titleOf(confirmed.get().campaignId());
        return Pages.page(HttpStatus.OK, "You are following " + title,
                "<p>We will email you when there is news about " + Pages.escape(title)
                        + ". Every such email has a link to unsubscribe.</p>");
    }

    private static ResponseEntity<String> invalid() {
        return Pages.page(HttpStatus.BAD_REQUEST, "This link does not work",
                "<p>The link is incomplete, was changed, or has expired. Ask for a new one on the campaign's page.</p>");
    }

    /** The gateway appends the caller to X-Forwarded-For; only hashed, as proof of where consent came from. */
    private static String clientIp(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return http.getRemoteAddr();
    }
}
