package org.pledgeworks.notification.bulk;

import java.util.Date;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.pledgeworks.notification.campaigns.CampaignDirectory;
import org.pledgeworks.notification.stats.DeliveryStats;
import org.pledgeworks.notification.system.StaffAccess;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Staff: the bulk messages of a campaign and their delivery stats, live (read on every request). */
@RestController
class StaffMessagesController {

    record MessageStats(String messageId, String campaignId, String kind, String status, int published,
            Date createdAt, Map<String, Long> counts) {
    }

    private final BulkMessages messages;
    private final CampaignDirectory campaigns;
    private final DeliveryStats stats;

    StaffMessagesController(BulkMessages messages, CampaignDirectory campaigns, DeliveryStats stats) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.stats = stats;
    }

    @Operation(summary = "Delivery stats of one bulk message (staff of the campaign's owner or a partner)")
    @GetMapping("/api/staff/notifications/messages/{messageId}")
    MessageStats message(@PathVariable String messageId, @AuthenticationPrincipal Jwt staff) {
        Document message = messages.find(messageId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        authorise(staff, message.getString("campaignId"));
        return view(message);
    }

    @Operation(summary = "The latest bulk messages of a campaign with their delivery stats")
    @GetMapping("/api/staff/notifications/campaigns/{campaignId}/messages")
    List<MessageStats> ofCampaign(@PathVariable String campaignId, @AuthenticationPrincipal Jwt staff) {
        authorise(staff, campaignId);
        return messages.ofCampaign(campaignId, 50).stream().map(this::view).toList();
    }

    private void authorise(Jwt staff, String campaignId) {
        StaffAccess.requireMemberOfAny(staff, campaigns.organisationsOf(campaignId));
    }

    private MessageStats view(Document m) {
        return new MessageStats(m.getString("_id"), m.getString("campaignId"), m.getString("kind"),
                m.getString("status"), m.getInteger("published", 0), m.getDate("createdAt"),
                stats.counts(m.getString("_id")));
    }
}
