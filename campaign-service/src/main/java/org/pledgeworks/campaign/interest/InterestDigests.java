package org.pledgeworks.campaign.interest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.pledgeworks.campaign.interest.InterestRepository.DigestMark;
import org.pledgeworks.campaign.opportunities.OpportunityDirectory;
import org.pledgeworks.campaign.opportunities.OpportunityDirectory.Listing;
import org.pledgeworks.campaign.organisations.OrganisationProfiles;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.KafkaTopics;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The posting organisation's digest of new interest: at most one mail an hour per opportunity, listing who
 * confirmed since the last one. Every instance runs the job; a digest is claimed by one conditional write on
 * the opportunity's digest document (its last digest must still be the one read), which carries the digest's
 * event, so of two instances one sends it, as the RSVP reminders do. With nowhere to send it (neither the
 * opportunity nor the organisation's profile names an address) the window is closed all the same, without a
 * mail, and counted ({@code pledgeworks.interest.digests.unaddressed}): staff still see everyone in the console.
 */
@Component
class InterestDigests {

    static final Duration EVERY = Duration.ofHours(1);
    /** A digest names at most this many people (and says how many more): the console has them all. */
    static final int MOST_LISTED = 200;
    private static final int MOST_OPPORTUNITIES = 500;
    private static final Logger log = LoggerFactory.getLogger(InterestDigests.class);

    private final InterestRepository repository;
    private final OpportunityDirectory opportunities;
    private final OrganisationProfiles organisations;
    private final EventOutbox outbox;
    private final Clock clock;
    private final String publicBaseUrl;
    private final Counter unaddressed;

    InterestDigests(InterestRepository repository, OpportunityDirectory opportunities,
            OrganisationProfiles organisations, EventOutbox outbox, Clock clock, CampaignServiceProperties properties,
            MeterRegistry meters) {
        this.repository = repository;
        this.opportunities = opportunities;
        this.organisations = organisations;
        this.outbox = outbox;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
        this.unaddressed = Counter.builder("pledgeworks.interest.digests.unaddressed")
                .description("digests of new interest not sent: no contact address on the opportunity or its organisation")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${pledgeworks.jobs.interval:15s}", initialDelayString = "${pledgeworks.jobs.interval:15s}")
    void scheduled() {
        digest(clock.instant());
    }

    /** @return the digests this call claimed (sent or, without an address, counted) */
    int digest(Instant now) {
        int claimed = 0;
        for (String opportunityId : repository.awaitingDigest(MOST_OPPORTUNITIES)) {
            if (digest(opportunityId, now)) {
                claimed++;
            }
        }
        return claimed;
    }

    private boolean digest(String opportunityId, Instant now) {
        DigestMark last = repository.lastDigest(opportunityId).orElse(null);
        if (last != null && now.isBefore(last.sentAt().plus(EVERY))) {
            return false;
        }
        Instant since = last == null ? null : last.through();
        List<Interest> fresh = repository.confirmedBetween(opportunityId, since, now, InterestRepository.MOST);
        Optional<Listing> opportunity = opportunities.find(opportunityId);
        if (fresh.isEmpty() || opportunity.isEmpty()) {
            repository.digested(opportunityId, now);
            return false;
        }
        Optional<String> to = Optional.ofNullable(opportunity.get().contactEmail()).filter(e -> !e.isBlank())
                .or(() -> organisations.contactEmail(opportunity.get().postingOrganisation()));
        List<PendingEvent> events = to.map(address -> due(opportunity.get(), address, since, now, fresh))
                .map(due -> List.of(outbox.pendingOn(KafkaTopics.OPPORTUNITY_INTERESTS, OpportunityInterestDigestDue.TYPE,
                        opportunityId, due.eventId(), due))).orElse(List.of());
        if (!outbox.write(InterestRepository.DIGESTS, opportunityId, events,
                written -> repository.claimDigest(opportunityId, last, now, now, written))) {
            return false;
        }
        repository.digested(opportunityId, now);
        if (to.isEmpty()) {
            unaddressed.increment();
            log.warn("Digest of {} new interest(s) in opportunity {} not sent: no contact address", fresh.size(),
                    opportunityId);
        }
        return true;
    }

    private OpportunityInterestDigestDue due(Listing o, String to, Instant since, Instant now, List<Interest> fresh) {
        List<OpportunityInterestDigestDue.Person> people = fresh.stream().limit(MOST_LISTED)
                .map(i -> new OpportunityInterestDigestDue.Person(i.id(), i.name(), i.email(), i.message(),
                        i.confirmedAt()))
                .toList();
        return new OpportunityInterestDigestDue(UUID.randomUUID(), now, o.opportunityId(), o.title(), o.campaignId(),
                o.campaignSlug(), o.campaignTitle(), o.postingOrganisation(), to, o.defaultLocale(), since, now,
                fresh.size(), people, URI.create(publicBaseUrl + "/staff/"));
    }
}
