package org.pledgeworks.campaign.rsvp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.pledgeworks.campaign.calendar.EventDirectory;
import org.pledgeworks.campaign.calendar.EventDirectory.Listing;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.rsvp.Rsvp.Status;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.KafkaTopics;
import org.pledgeworks.campaign.system.PersonErasure;
import org.pledgeworks.campaign.system.UnconfirmedPurge;
import org.pledgeworks.campaign.system.PersonKeys;
import org.pledgeworks.kit.links.SignedLinks.Check;
import org.pledgeworks.kit.links.SignedLinks.Link;
import org.pledgeworks.kit.links.SignedLinks.Outcome;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Service;

/**
 * Answering, confirming and cancelling RSVPs, the seats and the waiting list, and what staff see of them.
 * Whoever asks, the public answer to an RSVP is the same, whether the address is new, pending, going or
 * cancelled: nobody learns from it who is coming.
 */
@Service
class Rsvps implements PersonErasure, UnconfirmedPurge {

    /** The most failed promotions one pass of the waiting list tolerates: each failure is a racing cancel. */
    private static final int PROMOTION_TRIES = 20;

    private final RsvpRepository repository;
    private final EventDirectory directory;
    private final RsvpLinks links;
    private final EventOutbox outbox;
    private final Clock clock;
    private final Duration resendAfter;
    private final Duration confirmValidity;

    Rsvps(RsvpRepository repository, EventDirectory directory, RsvpLinks links, EventOutbox outbox, Clock clock,
            CampaignServiceProperties properties) {
        this.repository = repository;
        this.directory = directory;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
        this.resendAfter = properties.rsvp().resendAfter();
        this.confirmValidity = properties.links().confirmValidity();
    }

    /**
     * A new RSVP is stored pending with its confirmation mail's event; one still pending gets what was typed
     * this time and the mail again, but not before {@code resendAfter}; a cancelled one is pending again; a
     * confirmed one is left as it is (and nothing is sent).
     */
    void request(String calendarEventId, RsvpInput input) {
        Listing event = directory.openForRsvp(calendarEventId);
        Instant now = clock.instant();
        String locale = input.locale() == null ? event.defaultLocale() : input.locale();
        String wording = input.consentWording() == null || input.consentWording().isBlank() ? null
                : input.consentWording().strip();
        String name = input.name().strip();
        String email = input.email().strip();
        // two attempts: a first answer that lost a race to an identical one is then a repeat
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<Rsvp> existing = repository.find(Rsvp.idFor(calendarEventId, email));
            if (existing.isEmpty()) {
                Rsvp rsvp = Rsvp.pending(calendarEventId, event.campaignId(), name, email, locale, wording, now);
                if (outbox.write(RsvpRepository.COLLECTION, rsvp.id(), requested(rsvp, event, now),
                        written -> repository.insert(rsvp, written))) {
                    return;
                }
                continue;
            }
            Rsvp current = existing.get();
            boolean again = current.status() == Status.CANCELLED
                    || current.status() == Status.PENDING && !now.isBefore(current.requestedAt().plus(resendAfter));
            if (again) {
                Rsvp after = current.requestedAgain(name, email, locale, wording, now);
                // when it did not write, a racing answer (or the confirmation) won, and its mail is on its way
                outbox.write(RsvpRepository.COLLECTION, after.id(), requested(after, event, now),
                        written -> repository.changeIfUnchanged(after, written));
            }
            return;
        }
    }

    /** What the confirm link's page offers, without changing anything: a GET (a mail scanner) confirms nothing. */
    RsvpOutcome.Shown confirmPage(String token) {
        return checked(RsvpLinks.CONFIRM, token).map(rsvp -> switch (rsvp.status()) {
            case PENDING -> RsvpOutcome.CONFIRM_READY.shown();
            case CANCELLED -> RsvpOutcome.GONE.shown();
            default -> shown(rsvp);
        }).orElseGet(() -> failed(RsvpLinks.CONFIRM, token));
    }

    /**
     * Confirms: going while a seat is free and nobody waits for one (so that no newcomer passes the waiting
     * list), else waiting. Again and again it answers the same.
     */
    RsvpOutcome.Shown confirm(String token) {
        Optional<Rsvp> found = checked(RsvpLinks.CONFIRM, token);
        if (found.isEmpty()) {
            return failed(RsvpLinks.CONFIRM, token);
        }
        Rsvp rsvp = found.get();
        if (rsvp.status() != Status.PENDING) {
            return rsvp.status() == Status.CANCELLED ? RsvpOutcome.GONE.shown() : shown(rsvp);
        }
        Instant now = clock.instant();
        Optional<Listing> event = directory.find(rsvp.calendarEventId()).filter(e -> e.open(now));
        if (event.isEmpty()) {
            return RsvpOutcome.EVENT_CLOSED.shown();
        }
        boolean seated = repository.count(rsvp.calendarEventId(), Status.WAITING) == 0
                && repository.takeSeat(rsvp.calendarEventId(), rsvp.id(), event.get().capacity());
        Status to = seated ? Status.GOING : Status.WAITING;
        Long position = seated ? null : repository.count(rsvp.calendarEventId(), Status.WAITING) + 1;
        List<PendingEvent> events = confirmed(rsvp, event.get(), to, position, false, now);
        if (!outbox.write(RsvpRepository.COLLECTION, rsvp.id(), events,
                written -> repository.move(rsvp.id(), Status.PENDING, to, now, written)) && seated
                && repository.find(rsvp.id()).filter(r -> r.status() == Status.GOING).isEmpty()) {
            // a racing press of the same link won and put it on the waiting list (or it was cancelled): the
            // seat taken here goes to whoever waits first, which may be this very RSVP
            freeSeatOf(rsvp);
        }
        return repository.find(rsvp.id()).map(r -> r.status() == Status.CANCELLED ? RsvpOutcome.GONE.shown()
                : shown(r)).orElse(RsvpOutcome.GONE.shown());
    }

    RsvpOutcome.Shown cancelPage(String token) {
        Optional<Rsvp> found = checked(RsvpLinks.CANCEL, token);
        if (found.isEmpty()) {
            return cancelledIfGone(failed(RsvpLinks.CANCEL, token));
        }
        return found.get().status() == Status.CANCELLED ? RsvpOutcome.CANCELLED.shown()
                : RsvpOutcome.CANCEL_READY.shown();
    }

    /** Cancels, frees the seat and gives it to the first on the waiting list; a second time there is nothing to do. */
    RsvpOutcome.Shown cancel(String token) {
        Optional<Rsvp> found = checked(RsvpLinks.CANCEL, token);
        if (found.isEmpty()) {
            return cancelledIfGone(failed(RsvpLinks.CANCEL, token));
        }
        Rsvp rsvp = found.get();
        if (rsvp.status() != Status.CANCELLED
                && repository.move(rsvp.id(), rsvp.status(), Status.CANCELLED, clock.instant(), List.of())) {
            freeSeatOf(rsvp);
        }
        return RsvpOutcome.CANCELLED.shown();
    }

    record StaffList(Listing event, Map<Status, Long> figures, long seatsTaken, List<Rsvp> going,
            List<Rsvp> waiting) {
    }

    /** Attendees and the waiting list (in its order), with the figures: who sees the campaign's events sees them. */
    StaffList forStaff(StaffMember member, String campaignId, String calendarEventId) {
        Listing event = directory.forStaff(member, campaignId, calendarEventId);
        return new StaffList(event, repository.figures(calendarEventId), repository.seatsTaken(calendarEventId),
                repository.inStatus(calendarEventId, Status.GOING, RsvpRepository.MOST),
                repository.inStatus(calendarEventId, Status.WAITING, RsvpRepository.MOST));
    }

    /**
     * Claims the event's reminder and writes one reminder event per attendee with the claim; false when
     * nobody is going or the reminder was claimed already (by this instance or another).
     */
    boolean remind(Listing event, Instant now) {
        List<Rsvp> going = repository.inStatus(event.calendarEventId(), Status.GOING, RsvpRepository.MOST);
        if (going.isEmpty()) {
            return false;
        }
        List<PendingEvent> reminders = going.stream().map(r -> {
            EventRsvpReminderDue due = new EventRsvpReminderDue(UUID.randomUUID(), now, r.id(), r.name(), r.email(),
                    r.locale(), RsvpEvent.of(event), links.cancel(r.id(), now).url());
            return outbox.pendingOn(KafkaTopics.EVENT_RSVPS, EventRsvpReminderDue.TYPE, event.calendarEventId(),
                    due.eventId(), due);
        }).toList();
        return outbox.write(RsvpRepository.SEATS, event.calendarEventId(), reminders,
                written -> repository.claimReminder(event.calendarEventId(), now, written));
    }

    /**
     * Tells everyone going or waiting that the event changed (its state now: the latest revision) or was
     * cancelled, once per change {@code causeId}: the events are written with the record of the change
     * as told, by one conditional write.
     */
    boolean tellOfChange(String calendarEventId, UUID causeId, boolean cancelled) {
        Optional<Listing> event = directory.find(calendarEventId);
        if (event.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        List<Rsvp> told = new ArrayList<>(repository.inStatus(calendarEventId, Status.GOING,
                RsvpRepository.MOST));
        told.addAll(repository.inStatus(calendarEventId, Status.WAITING, RsvpRepository.MOST));
        if (told.isEmpty()) {
            return false;
        }
        List<PendingEvent> changes = told.stream().map(r -> {
            EventRsvpEventChanged changed = new EventRsvpEventChanged(UUID.randomUUID(), now, r.id(), r.name(),
                    r.email(), r.locale(), RsvpEvent.of(event.get()), cancelled ? "cancelled" : "revised",
                    r.status().wire(), causeId, links.cancel(r.id(), now).url());
            return outbox.pendingOn(KafkaTopics.EVENT_RSVPS, EventRsvpEventChanged.TYPE, calendarEventId,
                    changed.eventId(), changed);
        }).toList();
        return outbox.write(RsvpRepository.SEATS, calendarEventId, changes,
                written -> repository.claimChange(calendarEventId, causeId.toString(), written));
    }

    /**
     * Deletes the pending RSVPs whose last confirm link has expired by {@code now}: the person never
     * confirmed, so their name and address are not kept (the same delay as interest's).
     */
    @Override
    public long purgeUnconfirmed(Instant now) {
        return repository.deletePendingBefore(now.minus(confirmValidity));
    }

    /** {@code signer-erased}: every RSVP of the person goes; a seat they held goes to the waiting list. */
    @Override
    public long erase(String email) {
        long deleted = 0;
        for (Rsvp rsvp : repository.byEmailHash(PersonKeys.emailHash(email))) {
            if (repository.delete(rsvp.id())) {
                deleted++;
                freeSeatOf(rsvp);
            }
        }
        return deleted;
    }

    @Override
    public String what() {
        return "RSVP(s) to events";
    }

    /**
     * Gives the seat {@code rsvp} held (if any) back and promotes the first on the waiting list, in order of
     * confirmation (see {@link #promoteWhileSeatsFree}).
     */
    private void freeSeatOf(Rsvp rsvp) {
        if (repository.releaseSeat(rsvp.calendarEventId(), rsvp.id())) {
            promoteWhileSeatsFree(rsvp.calendarEventId());
        }
    }

    /**
     * Moves the waiting list up, first confirmed first, for as long as a seat is free under the event's capacity
     * now: after a cancellation that is one, after staff raised the capacity as many as it grew by. Each seat is
     * taken by the same conditional write as a confirmation's, so a racing confirmation cannot overbook, and one
     * that lost its place on the list (cancelled meanwhile) is passed. A capacity lowered below the seats taken
     * takes nobody's seat: nobody is promoted until enough have cancelled. Repeating it promotes nobody twice.
     *
     * @return how many were promoted
     */
    int promoteWhileSeatsFree(String calendarEventId) {
        Instant now = clock.instant();
        Optional<Listing> event = directory.find(calendarEventId).filter(e -> e.open(now));
        if (event.isEmpty()) {
            return 0;
        }
        int promoted = 0;
        for (int lost = 0; lost < PROMOTION_TRIES;) {
            List<Rsvp> first = repository.inStatus(calendarEventId, Status.WAITING, 1);
            if (first.isEmpty() || !repository.takeSeat(calendarEventId, first.get(0).id(), event.get().capacity())) {
                return promoted;
            }
            Rsvp next = first.get(0);
            if (outbox.write(RsvpRepository.COLLECTION, next.id(), confirmed(next, event.get(), Status.GOING, null,
                    true, now), written -> repository.move(next.id(), Status.WAITING, Status.GOING, now, written))) {
                promoted++;
            }
            else {
                repository.releaseSeat(calendarEventId, next.id());
                lost++;
            }
        }
        return promoted;
    }

    private RsvpOutcome.Shown shown(Rsvp rsvp) {
        return rsvp.status() == Status.WAITING
                ? new RsvpOutcome.Shown(RsvpOutcome.WAITING, repository.waitingAhead(rsvp) + 1)
                : RsvpOutcome.GOING.shown();
    }

    /** The RSVP a valid link names, if it is still there. */
    private Optional<Rsvp> checked(String purpose, String token) {
        Check check = links.check(purpose, token, clock.instant());
        return check.outcome() == Outcome.VALID ? repository.find(check.subject().orElseThrow()) : Optional.empty();
    }

    /** Why {@link #checked} found nothing: the link expired, is no link, or its RSVP is gone. */
    private RsvpOutcome.Shown failed(String purpose, String token) {
        Outcome outcome = links.check(purpose, token, clock.instant()).outcome();
        return (outcome == Outcome.VALID ? RsvpOutcome.GONE
                : outcome == Outcome.EXPIRED ? RsvpOutcome.EXPIRED : RsvpOutcome.INVALID).shown();
    }

    /** A valid cancel link whose RSVP is gone (purged, erased): there is nothing left to cancel. */
    private static RsvpOutcome.Shown cancelledIfGone(RsvpOutcome.Shown failed) {
        return failed.outcome() == RsvpOutcome.GONE ? RsvpOutcome.CANCELLED.shown() : failed;
    }

    private List<PendingEvent> requested(Rsvp rsvp, Listing event, Instant now) {
        Link confirm = links.confirm(rsvp.id(), now);
        EventRsvpRequested requested = new EventRsvpRequested(UUID.randomUUID(), now, rsvp.id(), rsvp.name(),
                rsvp.email(), rsvp.locale(), RsvpEvent.of(event), confirm.url(), confirm.expiresAt(),
                links.cancel(rsvp.id(), now).url());
        return List.of(outbox.pendingOn(KafkaTopics.EVENT_RSVPS, EventRsvpRequested.TYPE, event.calendarEventId(),
                requested.eventId(), requested));
    }

    private List<PendingEvent> confirmed(Rsvp rsvp, Listing event, Status to, Long position, boolean promoted,
            Instant now) {
        EventRsvpConfirmed confirmed = new EventRsvpConfirmed(UUID.randomUUID(), now, rsvp.id(), rsvp.name(),
                rsvp.email(), rsvp.locale(), RsvpEvent.of(event), to.wire(), position, promoted,
                links.cancel(rsvp.id(), now).url());
        return List.of(outbox.pendingOn(KafkaTopics.EVENT_RSVPS, EventRsvpConfirmed.TYPE, event.calendarEventId(),
                confirmed.eventId(), confirmed));
    }
}
