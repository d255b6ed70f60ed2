package org.pledgeworks.campaign.calendar;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.pledgeworks.campaign.calendar.CalendarEvent.Change;
import org.pledgeworks.campaign.calendar.CalendarEvent.Status;
import org.pledgeworks.campaign.audit.AuditAction;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.audit.AuditLog;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.staff.Role;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.NotAllowedException;
import org.pledgeworks.campaign.system.NotFoundException;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Service;

/**
 * Posting, revising, publishing and cancelling a campaign's events, and reading them. Who may: staff of
 * any organisation on the campaign read (others get 404, as for the rest of a campaign); only editors and
 * admins of the organising organisation change one (403 for the rest).
 */
@Service
class CalendarEvents {

    /** How far back a calendar subscription reaches, so that last week's meeting stays in people's calendars. */
    private static final Duration SUBSCRIPTION_PAST = Duration.ofDays(90);
    private static final int SUBSCRIPTION_LIMIT = 500;

    private final CalendarEventRepository repository;
    private final CampaignAccess campaigns;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicBaseUrl;

    CalendarEvents(CalendarEventRepository repository, CampaignAccess campaigns, EventOutbox outbox, AuditLog audit,
            Clock clock, CampaignServiceProperties properties) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    CalendarEvent post(StaffMember member, String campaignId, CalendarEventInput input) {
        Campaign campaign = campaigns.forReading(member, campaignId);
        mayChangeFor(member, input.organisingOrganisation());
        InvalidInputException.throwIfAny(input.problems());
        if (!campaign.organisations().contains(input.organisingOrganisation())) {
            throw new InvalidInputException("organisingOrganisation", "must be the campaign's owner or one of its partners");
        }
        CalendarEvent draft = CalendarEvent.draft(campaign.id(), input.organisingOrganisation(), input.details(),
                member.id(), clock.instant());
        repository.insert(draft);
        return draft;
    }

    CalendarEvent revise(StaffMember member, String campaignId, String eventId, CalendarEventInput input) {
        return change(member, campaignId, eventId, (campaign, current) -> {
            InvalidInputException.throwIfAny(input.problems());
            if (!current.organisingOrganisation().equals(input.organisingOrganisation())) {
                throw new InvalidInputException("organisingOrganisation", "cannot change; post a new event instead");
            }
            return current.revised(input.details(), campaign, clock.instant(), publicBaseUrl);
        });
    }

    CalendarEvent publish(StaffMember member, String campaignId, String eventId) {
        return audited(member, AuditAction.EVENT_PUBLISHED, change(member, campaignId, eventId,
                (campaign, current) -> current.published(campaign, clock.instant(), publicBaseUrl)));
    }

    CalendarEvent cancel(StaffMember member, String campaignId, String eventId) {
        return audited(member, AuditAction.EVENT_CANCELLED, change(member, campaignId, eventId,
                (campaign, current) -> current.cancelled(campaign, clock.instant(), publicBaseUrl)));
    }

    /** In the log of the organising organisation, and in the campaign owner's. */
    private CalendarEvent audited(StaffMember member, AuditAction action, CalendarEvent event) {
        campaigns.byId(event.campaignId()).ifPresent(c -> audit.onOrganisations(member,
                List.of(event.organisingOrganisation(), c.ownerOrganisation()), action,
                new Subject("event", event.id(), event.details().title()), Map.of("campaignId", c.id())));
        return event;
    }

    CalendarEvent one(StaffMember member, String campaignId, String eventId) {
        return find(campaigns.forReading(member, campaignId), eventId);
    }

    List<CalendarEvent> forStaff(StaffMember member, String campaignId) {
        return repository.forCampaign(campaigns.forReading(member, campaignId).id(), 500);
    }

    Campaign publicCampaign(String slug) {
        return campaigns.publishedBySlug(slug);
    }

    List<CalendarEventView> publicPage(Campaign campaign, boolean past, int page, int size) {
        return repository.publicPage(campaign.id(), past, clock.instant(), page, size).stream()
                .map(e -> CalendarEventView.of(e, campaign, publicBaseUrl)).toList();
    }

    long countPublic(Campaign campaign, boolean past) {
        return repository.countPublic(campaign.id(), past, clock.instant());
    }

    /** The public events a subscribed calendar shows: the coming ones and those of the last 90 days. */
    List<CalendarEventView> forSubscription(Campaign campaign) {
        return repository.forSubscription(campaign.id(), clock.instant().minus(SUBSCRIPTION_PAST), SUBSCRIPTION_LIMIT)
                .stream().map(e -> CalendarEventView.of(e, campaign, publicBaseUrl)).toList();
    }

    /**
     * An event as the public sees it: published or cancelled (a link or a calendar entry keeps working and
     * says so), of a public campaign; with that campaign, which the calendar is named after. Drafts and
     * everything of a draft campaign are not found.
     */
    PublicEvent publicView(String eventId) {
        CalendarEvent event = repository.find(eventId).filter(e -> e.status() != Status.DRAFT)
                .orElseThrow(() -> new CalendarEventNotFoundException(eventId));
        Campaign campaign = campaigns.byId(event.campaignId()).filter(Campaign::isPublic)
                .orElseThrow(() -> new CalendarEventNotFoundException(eventId));
        return new PublicEvent(campaign, CalendarEventView.of(event, campaign, publicBaseUrl));
    }

    record PublicEvent(Campaign campaign, CalendarEventView event) {
    }

    /**
     * Reads, authorises, computes the change and writes it with its events if nothing changed the event
     * meanwhile; then hands the events to the relay (the sweep retries if that fails).
     */
    private CalendarEvent change(StaffMember member, String campaignId, String eventId,
            BiFunction<Campaign, CalendarEvent, Change> change) {
        Campaign campaign = campaigns.forReading(member, campaignId);
        CalendarEvent current = find(campaign, eventId);
        mayChangeFor(member, current.organisingOrganisation());
        Change result = change.apply(campaign, current);
        List<PendingEvent> pending = result.events().stream()
                .map(e -> outbox.pending(e.wireType(), e.campaignId(), e.eventId(), e)).toList();
        if (!outbox.write(CalendarEventRepository.COLLECTION, eventId, pending,
                events -> repository.changeIfUnchanged(result.after(), events))) {
            throw new ConflictException("Event changed meanwhile",
                    "Someone else changed this event since it was read; read it again and retry.");
        }
        return find(campaign, eventId);
    }

    private static void mayChangeFor(StaffMember member, String organisingOrganisation) {
        if (!member.roleIn(organisingOrganisation).map(Role::canChange).orElse(false)) {
            throw new NotAllowedException("Only editors and admins of the organising organisation change an event.");
        }
    }

    private CalendarEvent find(Campaign campaign, String eventId) {
        return repository.find(eventId).filter(e -> e.campaignId().equals(campaign.id()))
                .orElseThrow(() -> new NotFoundException("No event '" + eventId + "' on this campaign."));
    }
}
