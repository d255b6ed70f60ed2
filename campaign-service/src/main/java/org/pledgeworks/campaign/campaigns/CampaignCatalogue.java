package org.pledgeworks.campaign.campaigns;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.conversions.Bson;
import org.pledgeworks.campaign.audit.AuditAction;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.audit.AuditLog;
import org.pledgeworks.campaign.campaigns.Campaign.Translation;
import org.pledgeworks.campaign.campaigns.CampaignInput.PledgeTextInput;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.InvalidInputException.FieldProblem;
import org.pledgeworks.campaign.system.NotAllowedException;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Service;

/** Creating, changing, publishing and finding campaigns. */
@Service
class CampaignCatalogue {

    private final CampaignRepository repository;
    private final CampaignAccess access;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    CampaignCatalogue(CampaignRepository repository, CampaignAccess access, EventOutbox outbox, AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates an open campaign and publishes {@code campaign-published}.
     *
     * @return false when a campaign with this id or slug exists already
     */
    boolean createOpen(Campaign campaign) {
        CampaignPublished published = CampaignPublished.of(campaign, clock.instant());
        List<PendingEvent> caused = List.of(
                outbox.pending(CampaignPublished.TYPE, campaign.id(), published.eventId(), published));
        if (!repository.insert(campaign, caused, clock.instant())) {
            return false;
        }
        outbox.relay(CampaignRepository.COLLECTION, campaign.id(), caused);
        return true;
    }

    /** A new draft of the caller's organisation; editors and admins of the owner may create. */
    Campaign createDraft(StaffMember member, CampaignInput input) {
        if (!member.roleIn(input.ownerOrganisation()).map(r -> r.canChange()).orElse(false)) {
            throw new NotAllowedException("You can create campaigns only for an organisation you edit for.");
        }
        check(input);
        Campaign draft = new Campaign("c-" + UUID.randomUUID(), input.slug(), input.title(), input.summary(),
                input.description(), input.pledgeText(), 1, input.defaultLocale(), translations(input),
                input.goal(), input.ownerOrganisation(), partners(input), CampaignStatus.DRAFT, input.startsAt(),
                input.endsAt(), input.imageUrl(), input.milestoneThresholds(), 0);
        if (!repository.insert(draft, List.of(), clock.instant())) {
            throw new ConflictException("Slug taken", "Another campaign has the slug '" + input.slug() + "'.");
        }
        return draft;
    }

    Campaign edit(StaffMember member, String id, CampaignInput input) {
        Campaign current = access.forChanging(member, id);
        check(input);
        List<FieldProblem> problems = new ArrayList<>();
        if (!current.ownerOrganisation().equals(input.ownerOrganisation())) {
            problems.add(new FieldProblem("ownerOrganisation", "cannot be changed"));
        }
        if (current.status() != CampaignStatus.DRAFT) {
            if (!current.slug().equals(input.slug())) {
                problems.add(new FieldProblem("slug", "can be changed only while the campaign is a draft"));
            }
            if (!current.pledgeText().equals(input.pledgeText())) {
                problems.add(new FieldProblem("pledgeText", "revise a published pledge text through /pledge-text"));
            }
        }
        if (current.status() == CampaignStatus.ARCHIVED) {
            throw new ConflictException("Campaign archived", "An archived campaign cannot be changed.");
        }
        InvalidInputException.throwIfAny(problems);
        Bson update = CampaignRepository.edited(input, translations(input), partners(input));
        if (!repository.updateIfUnchanged(id, current.revision(), update, List.of())) {
            throw changedMeanwhile();
        }
        return access.byId(id).orElseThrow();
    }

    Campaign publish(StaffMember member, String id) {
        Campaign current = access.forChanging(member, id);
        if (current.status() != CampaignStatus.DRAFT) {
            throw new ConflictException("Not a draft", "Only a draft can be published; this campaign is "
                    + current.status().wireName() + ".");
        }
        Instant now = clock.instant();
        if (current.endsAt() != null && !current.endsAt().isAfter(now)) {
            throw new InvalidInputException("endsAt", "must be in the future to publish");
        }
        CampaignPublished published = CampaignPublished.of(current, now);
        List<PendingEvent> caused = List.of(outbox.pending(CampaignPublished.TYPE, id, published.eventId(), published));
        if (!repository.updateIfUnchanged(id, current.revision(), CampaignRepository.published(now), caused)) {
            throw changedMeanwhile();
        }
        outbox.relay(CampaignRepository.COLLECTION, id, caused);
        audited(member, current, AuditAction.CAMPAIGN_PUBLISHED);
        return access.byId(id).orElseThrow();
    }

    Campaign close(StaffMember member, String id) {
        Campaign current = access.forChanging(member, id);
        if (current.status() != CampaignStatus.OPEN) {
            throw new ConflictException("Not open", "Only an open campaign can be closed; this campaign is "
                    + current.status().wireName() + ".");
        }
        if (closeIfOpen(current)) {
            audited(member, current, AuditAction.CAMPAIGN_CLOSED);
        }
        return access.byId(id).orElseThrow();
    }

    /** Closes the campaign if it is still open; safe to race with other instances. */
    boolean closeIfOpen(Campaign campaign) {
        CampaignClosed closed = new CampaignClosed(UUID.randomUUID(), clock.instant(), campaign.id(), campaign.slug());
        PendingEvent event = outbox.pending(CampaignClosed.TYPE, campaign.id(), closed.eventId(), closed);
        if (!repository.closeIfOpen(campaign.id(), event, clock.instant())) {
            return false;
        }
        outbox.relay(CampaignRepository.COLLECTION, campaign.id(), List.of(event));
        return true;
    }

    Campaign archive(StaffMember member, String id) {
        Campaign current = access.forChanging(member, id);
        if (current.status() != CampaignStatus.CLOSED && current.status() != CampaignStatus.DRAFT) {
            throw new ConflictException("Not closed", "Close the campaign before archiving it; it is "
                    + current.status().wireName() + ".");
        }
        if (!repository.updateIfUnchanged(id, current.revision(),
                CampaignRepository.archived(), List.of())) {
            throw changedMeanwhile();
        }
        return access.byId(id).orElseThrow();
    }

    /**
     * A new version of the pledge text. A draft's text is simply replaced (nobody has signed it);
     * a published one gets the next version and {@code pledge-text-revised}.
     */
    Campaign revisePledgeText(StaffMember member, String id, PledgeTextInput input) {
        Campaign current = access.forChanging(member, id);
        if (current.status() == CampaignStatus.CLOSED || current.status() == CampaignStatus.ARCHIVED) {
            throw new ConflictException("Campaign closed", "The pledge text of a closed campaign stays as signed.");
        }
        Map<String, String> texts = input.translations() == null ? Map.of() : input.translations();
        Map<String, String> revisedTranslations = new LinkedHashMap<>();
        texts.forEach((locale, text) -> {
            if (current.translations().containsKey(locale)) {
                revisedTranslations.put(locale, text);
            }
        });
        Bson update;
        List<PendingEvent> caused = List.of();
        if (current.status() == CampaignStatus.DRAFT) {
            update = CampaignRepository.draftTextReplaced(input.pledgeText(), revisedTranslations,
                    new PledgeTextVersion(1, input.pledgeText(), clock.instant(), member.id()));
        }
        else {
            int next = current.pledgeTextVersion() + 1;
            update = CampaignRepository.textRevised(input.pledgeText(), revisedTranslations,
                    new PledgeTextVersion(next, input.pledgeText(), clock.instant(), member.id()));
            PledgeTextRevised revised = new PledgeTextRevised(UUID.randomUUID(), clock.instant(), id, current.slug(),
                    next, input.pledgeText());
            caused = List.of(outbox.pending(PledgeTextRevised.TYPE, id, revised.eventId(), revised));
        }
        if (!repository.updateIfUnchanged(id, current.revision(), update, caused)) {
            throw changedMeanwhile();
        }
        outbox.relay(CampaignRepository.COLLECTION, id, caused);
        return access.byId(id).orElseThrow();
    }

    List<PledgeTextVersion> pledgeTextVersions(StaffMember member, String id) {
        access.forReading(member, id);
        return repository.pledgeTextVersions(id);
    }

    List<Campaign> forMember(StaffMember member, int page, int size) {
        if (member.organisations().isEmpty()) {
            return List.of();
        }
        return repository.findForOrganisations(member.organisations().keySet(), page, size);
    }

    /** Closes every open campaign whose end date has passed; returns how many this call closed. */
    int closeDue(int limit) {
        int closed = 0;
        for (String id : repository.findIdsDueToClose(clock.instant(), limit)) {
            Campaign campaign = access.byId(id).orElse(null);
            if (campaign != null && closeIfOpen(campaign)) {
                closed++;
            }
        }
        return closed;
    }

    Campaign publishedBySlug(String slug) {
        return access.publishedBySlug(slug);
    }

    List<Campaign> open(int page, int size, Bson sort) {
        return repository.findOpen(page, size, sort);
    }

    long countOpen() {
        return repository.countOpen();
    }

    private void audited(StaffMember member, Campaign campaign, AuditAction action) {
        audit.onCampaign(member, campaign.ownerOrganisation(), campaign.organisations(), action,
                Subject.campaign(campaign.id(), campaign.title()), Map.of());
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("Changed meanwhile", "The campaign changed while this request ran; reload and retry.");
    }

    private static void check(CampaignInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.startsAt() != null && input.endsAt() != null && !input.endsAt().isAfter(input.startsAt())) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (input.imageUrl() != null && !input.imageUrl().isBlank() && !isHttpsUrl(input.imageUrl())) {
            problems.add(new FieldProblem("imageUrl", "must be an https URL"));
        }
        if (input.partnerOrganisations() != null && input.partnerOrganisations().contains(input.ownerOrganisation())) {
            problems.add(new FieldProblem("partnerOrganisations", "must not contain the owner organisation"));
        }
        InvalidInputException.throwIfAny(problems);
    }

    /** Validated, never fetched: the browser loads it, the server does not (no SSRF). */
    static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    private static Map<String, Translation> translations(CampaignInput input) {
        Map<String, Translation> result = new LinkedHashMap<>();
        if (input.translations() != null) {
            input.translations().forEach((locale, t) -> result.put(locale,
                    new Translation(t.title(), t.summary(), t.pledgeText())));
        }
        return result;
    }

    private static List<String> partners(CampaignInput input) {
        return input.partnerOrganisations() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(input.partnerOrganisations()));
    }
}
