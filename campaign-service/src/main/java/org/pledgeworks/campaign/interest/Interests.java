package org.pledgeworks.campaign.interest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.pledgeworks.campaign.interest.Interest.Consent;
import org.pledgeworks.campaign.interest.Interest.Status;
import org.pledgeworks.campaign.opportunities.OpportunityDirectory;
import org.pledgeworks.campaign.opportunities.OpportunityDirectory.Listing;
import org.pledgeworks.campaign.organisations.OrganisationProfiles;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.KafkaTopics;
import org.pledgeworks.campaign.system.NotFoundException;
import org.pledgeworks.campaign.system.PersonErasure;
import org.pledgeworks.campaign.system.UnconfirmedPurge;
import org.pledgeworks.kit.links.SignedLinks.Check;
import org.pledgeworks.kit.links.SignedLinks.Link;
import org.pledgeworks.kit.links.SignedLinks.Outcome;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Service;

/**
 * Expressing, confirming and withdrawing interest, and what staff of the posting organisation do with it.
 * Whoever asks, the public answer to an expression is the same, whether the address is new, pending or
 * confirmed: nobody learns from it who is interested.
 */
@Service
class Interests implements PersonErasure, UnconfirmedPurge {

    private final InterestRepository repository;
    private final OpportunityDirectory opportunities;
    private final InterestLinks links;
    private final EventOutbox outbox;
    private final Clock clock;
    private final String publicBaseUrl;
    private final java.time.Duration confirmValidity;
    private final Map<String, String> consentWordings;
    private final OrganisationProfiles organisations;

    Interests(InterestRepository repository, OpportunityDirectory opportunities, InterestLinks links,
            EventOutbox outbox, Clock clock, CampaignServiceProperties properties, OrganisationProfiles organisations) {
        this.repository = repository;
        this.opportunities = opportunities;
        this.organisations = organisations;
        this.consentWordings = properties.interest().consentWordings();
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
        this.confirmValidity = properties.links().confirmValidity();
    }

    /**
     * A new interest is stored pending with its confirmation mail's event; one still pending gets what was
     * typed this time and the mail again; a confirmed one is left as it is (and nothing is sent).
     */
    void express(String opportunityId, InterestInput input) {
        String wording = consentWordings.get(input.consentVersion());
        if (wording == null) {
            throw new InvalidInputException("consentVersion", "must be a version of the consent wording this service "
                    + "knows (" + String.join(", ", consentWordings.keySet().stream().sorted().toList()) + ")");
        }
        Listing opportunity = opportunities.openForInterest(opportunityId);
        Instant now = clock.instant();
        String locale = input.locale() == null ? opportunity.defaultLocale() : input.locale();
        Consent consent = new Consent(agreedTo(wording, opportunity.postingOrganisation()), input.consentVersion(), now);
        String message = input.message() == null || input.message().isBlank() ? null : input.message().strip();
        String name = input.name().strip();
        String email = input.email().strip();
        // two attempts: a first expression that lost a race to an identical one is then a repeat
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<Interest> existing = repository.find(Interest.idFor(opportunityId, email));
            if (existing.isEmpty()) {
                Interest interest = Interest.pending(opportunityId, opportunity.campaignId(),
                        opportunity.postingOrganisation(), name, email, message, locale, consent, now);
                List<PendingEvent> events = requested(interest, opportunity, now);
                if (outbox.write(InterestRepository.COLLECTION, interest.id(), events,
                        written -> repository.insert(interest, written))) {
                    return;
                }
                continue;
            }
            Interest current = existing.get();
            if (current.confirmed()) {
                return;
            }
            Interest again = current.expressedAgain(name, email, message, locale, consent, now);
            List<PendingEvent> events = requested(again, opportunity, now);
            outbox.write(InterestRepository.COLLECTION, again.id(), events,
                    written -> repository.changeIfUnchanged(again, written));
            // when it did not write, a concurrent expression (or the confirmation) won, and that one's mail is on its way
            return;
        }
    }

    /**
     * The words of the version the page showed, as the page showed them: the organisation by its profile's name
     * (by its id without one, as the page names it). What the client sends as the wording is not what is kept:
     * a record of consent must not say what a client chose to write.
     */
    private String agreedTo(String wording, String organisationId) {
        String organisation = organisations.find(organisationId).map(OrganisationProfiles.Listed::name)
                .orElse(organisationId);
        return wording.replace("{organisation}", organisation);
    }

    /** What the link's page offers, without changing anything: a GET (a mail scanner) confirms nothing. */
    LinkOutcome confirmPage(String token) {
        Check check = links.check(InterestLinks.CONFIRM, token, clock.instant());
        if (check.outcome() != Outcome.VALID) {
            return check.outcome() == Outcome.EXPIRED ? LinkOutcome.EXPIRED : LinkOutcome.INVALID;
        }
        return repository.find(check.subject().orElseThrow())
                .map(i -> i.confirmed() ? LinkOutcome.CONFIRMED : LinkOutcome.CONFIRM_READY)
                .orElse(LinkOutcome.GONE);
    }

    /** Confirms; again and again it answers the same. */
    LinkOutcome confirm(String token) {
        Instant now = clock.instant();
        Check check = links.check(InterestLinks.CONFIRM, token, now);
        if (check.outcome() != Outcome.VALID) {
            return check.outcome() == Outcome.EXPIRED ? LinkOutcome.EXPIRED : LinkOutcome.INVALID;
        }
        if (repository.confirm(check.subject().orElseThrow(), now)) {
            return LinkOutcome.CONFIRMED;
        }
        return repository.find(check.subject().orElseThrow()).isPresent() ? LinkOutcome.CONFIRMED : LinkOutcome.GONE;
    }

    LinkOutcome withdrawPage(String token) {
        Check check = links.check(InterestLinks.WITHDRAW, token, clock.instant());
        if (check.outcome() != Outcome.VALID) {
            return check.outcome() == Outcome.EXPIRED ? LinkOutcome.EXPIRED : LinkOutcome.INVALID;
        }
        return repository.find(check.subject().orElseThrow()).isPresent() ? LinkOutcome.WITHDRAW_READY : LinkOutcome.WITHDRAWN;
    }

    /** Deletes the interest and the person's details with it; a second time there is nothing left to delete. */
    LinkOutcome withdraw(String token) {
        Check check = links.check(InterestLinks.WITHDRAW, token, clock.instant());
        if (check.outcome() != Outcome.VALID) {
            return check.outcome() == Outcome.EXPIRED ? LinkOutcome.EXPIRED : LinkOutcome.INVALID;
        }
        repository.delete(check.subject().orElseThrow());
        return LinkOutcome.WITHDRAWN;
    }

    record StaffList(Listing opportunity, List<Interest> confirmed, long pending) {
    }

    StaffList forStaff(StaffMember member, String opportunityId) {
        Listing opportunity = opportunities.forPostingStaff(member, opportunityId, false);
        return new StaffList(opportunity, repository.confirmed(opportunityId), repository.countPending(opportunityId));
    }

    Interest changeStatus(StaffMember member, String opportunityId, String interestId, Status status) {
        opportunities.forPostingStaff(member, opportunityId, true);
        return repository.setStatus(opportunityId, interestId, status, member.id(), clock.instant())
                .orElseThrow(() -> new NotFoundException("No confirmed interest '" + interestId
                        + "' in this opportunity."));
    }

    /**
     * Deletes the pending interests whose last confirm link has expired by {@code now}: the person never
     * confirmed, so their name and address are not kept. A repeat moves {@code expressedAt}, and its link
     * expires no later than {@code expressedAt} + the validity, so no working link loses its interest.
     */
    @Override
    public long purgeUnconfirmed(Instant now) {
        return repository.deletePendingBefore(now.minus(confirmValidity));
    }

    /** {@code signer-erased}: every interest of the person goes, pending or confirmed, on every opportunity. */
    @Override
    public long erase(String email) {
        return repository.deleteByEmailHash(Interest.emailHash(email));
    }

    @Override
    public String what() {
        return "interest(s) in opportunities";
    }

    private List<PendingEvent> requested(Interest interest, Listing opportunity, Instant now) {
        Link confirm = links.confirm(interest.id(), now);
        OpportunityInterestRequested event = new OpportunityInterestRequested(UUID.randomUUID(), now, interest.id(),
                opportunity.opportunityId(), opportunity.title(), opportunity.campaignId(), opportunity.campaignSlug(),
                opportunity.campaignTitle(), opportunity.postingOrganisation(), interest.name(), interest.email(),
                interest.locale(), confirm.url(), confirm.expiresAt(), links.withdraw(interest.id(), now).url(),
                URI.create(publicBaseUrl + "/campaigns/" + opportunity.campaignSlug() + "#opportunity-"
                        + opportunity.opportunityId()));
        return List.of(outbox.pendingOn(KafkaTopics.OPPORTUNITY_INTERESTS, OpportunityInterestRequested.TYPE,
                opportunity.opportunityId(), event.eventId(), event));
    }
}
