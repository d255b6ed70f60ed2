package org.pledgeworks.campaign.embeds;

import static org.pledgeworks.campaign.system.HttpCaching.PUBLIC_MINUTE;

import java.time.Clock;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.staff.StaffMember;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sites allowed to embed a campaign: staff of its organisations read them, editors and admins set them
 * (the whole list each time); the gateway reads the public list for the embed's {@code frame-ancestors}.
 * The list is no secret: every framed response names it in its policy.
 */
@RestController
class EmbedController {

    private final CampaignAccess campaigns;
    private final EmbedSettings settings;
    private final Clock clock;

    EmbedController(CampaignAccess campaigns, EmbedSettings settings, Clock clock) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/campaigns/{slug}/embed")
    ResponseEntity<EmbedView> forPage(@PathVariable @Size(max = 100) String slug) {
        Campaign campaign = campaigns.publishedBySlug(slug);
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE)
                .body(new EmbedView(campaign.id(), campaign.slug(), settings.origins(campaign.id())));
    }

    @GetMapping("/api/staff/campaigns/{campaignId}/embed")
    ResponseEntity<EmbedView> read(StaffMember member, @PathVariable @Size(max = 64) String campaignId) {
        Campaign campaign = campaigns.forReading(member, campaignId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new EmbedView(campaign.id(), campaign.slug(), settings.origins(campaign.id())));
    }

    @PutMapping("/api/staff/campaigns/{campaignId}/embed")
    ResponseEntity<EmbedView> change(StaffMember member, @PathVariable @Size(max = 64) String campaignId,
            @RequestBody EmbedInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        List<String> origins = EmbedOrigins.normalise(input == null ? null : input.origins());
        settings.save(campaign.id(), origins, member.id(), clock.instant());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new EmbedView(campaign.id(), campaign.slug(), origins));
    }

    record EmbedInput(List<String> origins) {
    }

    /** @param origins the sites that may frame {@code /embed/{slug}}, as {@code frame-ancestors} names them */
    record EmbedView(String campaignId, String slug, List<String> origins) {
    }
}
