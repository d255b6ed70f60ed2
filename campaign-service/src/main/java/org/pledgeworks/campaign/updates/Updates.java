package org.pledgeworks.campaign.updates;


import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.conversions.Bson;
import org.pledgeworks.campaign.audit.AuditAction;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.audit.AuditLog;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.Markdown;
import org.pledgeworks.campaign.system.NotFoundException;
import org.pledgeworks.campaign.updates.CampaignUpdate.UpdateStatus;
import org.pledgeworks.campaign.updates.CampaignUpdate.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/** Writing, scheduling and publishing updates. */
@Service
class Updates {

    private static final Logger log = LoggerFactory.getLogger(Updates.class);

    private final UpdateRepository repository;
    private final CampaignAccess campaigns;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicBaseUrl;

    Updates(UpdateRepository repository, CampaignAccess campaigns, EventOutbox outbox, AuditLog audit, Clock clock,
            CampaignServiceProperties properties) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    CampaignUpdate write(StaffMember member, String campaignId, UpdateInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        CampaignUpdate update = new CampaignUpdate("u-" + UUID.randomUUID(), campaign.id(), UpdateStatus.DRAFT,
                input.locale() == null ? campaign.defaultLocale() : input.locale(), input.title(), input.body(),
                variants(input), null, null, clock.instant(), member.id());
        repository.insert(update);
        return update;
    }

    CampaignUpdate edit(StaffMember member, String campaignId, String updateId, UpdateInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        find(campaign, updateId);
        Bson change = UpdateRepository.edited(input.title(), input.body(),
                input.locale() == null ? campaign.defaultLocale() : input.locale(), variants(input));
        if (!repository.changeUnpublished(updateId, change)) {
            throw published();
        }
        return find(campaign, updateId);
    }

    CampaignUpdate schedule(StaffMember member, String campaignId, String updateId, Instant publishAt) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        find(campaign, updateId);
        if (!publishAt.isAfter(clock.instant())) {
            throw new InvalidInputException("publishAt", "must be in the future; publish now instead");
        }
        if (!repository.changeUnpublished(updateId, UpdateRepository.scheduled(publishAt))) {
            throw published();
        }
        CampaignUpdate scheduled = find(campaign, updateId);
        audited(member, campaign, scheduled, AuditAction.UPDATE_SCHEDULED, Map.of("publishAt", publishAt.toString()));
        return scheduled;
    }

    /**
     * Takes a scheduled update back to draft (no publish time), so it waits until someone schedules or
     * publishes it again. The write is conditional on the update being unpublished, so of this and a
     * scheduler publishing it at that moment exactly one wins; a draft stays a draft.
     */
    CampaignUpdate unschedule(StaffMember member, String campaignId, String updateId) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        find(campaign, updateId);
        if (!repository.changeUnpublished(updateId, UpdateRepository.unscheduled())) {
            // no change: published meanwhile, or a draft without a publish time already
            CampaignUpdate current = find(campaign, updateId);
            if (current.status() == UpdateStatus.PUBLISHED) {
                throw published();
            }
            return current;
        }
        return find(campaign, updateId);
    }

    CampaignUpdate publishNow(StaffMember member, String campaignId, String updateId) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        CampaignUpdate update = find(campaign, updateId);
        if (!campaign.isPublic()) {
            throw new ConflictException("Campaign not published", "Publish the campaign before its updates.");
        }
        if (!publish(campaign, update, UpdateRepository.unpublished())) {
            throw published();
        }
        audited(member, campaign, update, AuditAction.UPDATE_PUBLISHED, Map.of());
        return find(campaign, updateId);
    }

    /** Publishes every scheduled update that is due; returns how many this call published. */
    int publishDue() {
        int published = 0;
        Instant now = clock.instant();
        for (CampaignUpdate update : repository.due(now, 100)) {
            Campaign campaign = campaigns.byId(update.campaignId()).orElse(null);
            if (campaign == null || !campaign.isPublic()) {
                log.warn("Scheduled update {} is due but its campaign is not published; it waits", update.id());
                continue;
            }
            if (publish(campaign, update, UpdateRepository.stillDue(now))) {
                published++;
            }
        }
        return published;
    }

    CampaignUpdate one(StaffMember member, String campaignId, String updateId) {
        return find(campaigns.forReading(member, campaignId), updateId);
    }

    List<CampaignUpdate> forStaff(StaffMember member, String campaignId) {
        return repository.forCampaign(campaigns.forReading(member, campaignId).id(), 200);
    }

    Campaign publicCampaign(String slug) {
        return campaigns.publishedBySlug(slug);
    }

    List<CampaignUpdate> published(Campaign campaign, int page, int size) {
        return repository.published(campaign.id(), page, size);
    }

    long countPublished(Campaign campaign) {
        return repository.countPublished(campaign.id());
    }

    /** The campaign's page, where its feed of updates is read. */
    String url(Campaign campaign) {
        return campaign.pageUrl(publicBaseUrl);
    }

    String url(Campaign campaign, String updateId) {
        return campaign.pageUrl(publicBaseUrl, "update-" + updateId);
    }

    private boolean publish(Campaign campaign, CampaignUpdate update, Bson condition) {
        CampaignUpdatePublished event = new CampaignUpdatePublished(UUID.randomUUID(), clock.instant(), campaign.id(),
                campaign.slug(), campaign.title(), update.id(), update.locale(), update.title(),
                Markdown.toHtml(update.body()), Markdown.toText(update.body()), url(campaign, update.id()),
                update.variants().stream().map(v -> new CampaignUpdatePublished.Variant(v.locale(), v.title(),
                        Markdown.toHtml(v.body()), Markdown.toText(v.body()))).toList());
        PendingEvent pending = outbox.pending(CampaignUpdatePublished.TYPE, campaign.id(), event.eventId(), event);
        if (!repository.claimForPublishing(update.id(), condition, pending, clock.instant())) {
            return false;
        }
        outbox.relay(UpdateRepository.COLLECTION, update.id(), List.of(pending));
        return true;
    }

    /** A scheduled update published by the scheduler is not logged again: its scheduling was, with the time. */
    private void audited(StaffMember member, Campaign campaign, CampaignUpdate update, AuditAction action,
            Map<String, String> details) {
        audit.onCampaign(member, campaign.ownerOrganisation(), campaign.organisations(), action,
                new Subject("update", update.id(), update.title()), details);
    }

    private CampaignUpdate find(Campaign campaign, String updateId) {
        return repository.find(campaign.id(), updateId)
                .orElseThrow(() -> new NotFoundException("No update '" + updateId + "' on this campaign."));
    }

    private static ConflictException published() {
        return new ConflictException("Update published", "A published update cannot be changed or published again.");
    }

    private static List<Variant> variants(UpdateInput input) {
        return input.variants() == null ? List.of()
                : input.variants().stream().map(v -> new Variant(v.locale(), v.title(), v.body())).toList();
    }
}
