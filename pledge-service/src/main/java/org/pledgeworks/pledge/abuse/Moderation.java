package org.pledgeworks.pledge.abuse;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.pledgeworks.pledge.counting.Counters;
import org.pledgeworks.pledge.signatures.PersonalData;
import org.pledgeworks.pledge.signatures.Review;
import org.pledgeworks.pledge.signatures.Signature;
import org.pledgeworks.pledge.signatures.Signatures;

import org.springframework.stereotype.Service;

/**
 * Staff decisions on quarantined signatures, in bulk: release (they count once verified) or
 * invalidate (they never count). Each signature changes in its own write with its count op, so the
 * counts follow exactly, and with {@code pledge-released.v1} when a verified one starts counting, so
 * campaign-service's milestone count follows too.
 */
@Service
public class Moderation {

    private final Signatures signatures;
    private final Counters counters;
    private final Clock clock;
    private volatile Map<String, Transparency> transparency = Map.of();
    private volatile Instant transparencyAt = Instant.EPOCH;

    Moderation(Signatures signatures, Counters counters, Clock clock) {
        this.signatures = signatures;
        this.counters = counters;
        this.clock = clock;
    }

    /** Which quarantined signatures a bulk decision applies to; all given criteria must hold. */
    public record Selection(String ipHash, String domain, Instant from, Instant to) {

        public boolean isEmpty() {
            return ipHash == null && domain == null && from == null && to == null;
        }
    }

    /** A quarantined signature as staff see it: the address masked. */
    public record Held(String signatureId, String maskedEmail, String domain, String country, String status,
            String reason, String ipHash, Instant createdAt) {
    }

    public List<Held> quarantined(String campaignId, int limit) {
        return signatures.quarantined(campaignId, limit).stream().map(s -> {
            PersonalData signer = s.signer();
            return new Held(s.id(), signer == null ? null : mask(signer.email()),
                    signer == null ? null : signer.emailDomain(), s.country(),
                    s.status().name().toLowerCase(Locale.ROOT), s.review().reason() == null ? null
                            : s.review().reason().code(), signer == null ? null : signer.ipHash(), s.createdAt());
        }).toList();
    }

    /** @return how many signatures changed */
    public int decide(String campaignId, Selection selection, boolean release) {
        Instant now = clock.instant();
        int changed = 0;
        for (String id : signatures.quarantinedIds(campaignId, selection.ipHash(), selection.domain(),
                selection.from(), selection.to())) {
            Optional<Signature> decided = signatures.change(id, s -> s.review(release, now));
            if (decided.isPresent()) {
                counters.settle(decided.get());
                changed++;
            }
        }
        transparencyAt = Instant.EPOCH;
        return changed;
    }

    /** Counts only, by reason: what the public may know about held-back signatures. Cached 10 s. */
    public Transparency transparency(String campaignId) {
        Instant now = clock.instant();
        if (now.isAfter(transparencyAt.plusSeconds(10))) {
            Map<String, Map<Review.State, Map<String, Long>>> byCampaign = new HashMap<>();
            signatures.reviewTallies().forEach(tally -> byCampaign
                    .computeIfAbsent(tally.campaignId(), k -> new HashMap<>())
                    .computeIfAbsent(tally.state(), k -> new TreeMap<>())
                    .put(tally.reason(), tally.signatures()));
            Map<String, Transparency> all = new HashMap<>();
            byCampaign.forEach((id, reviews) -> all.put(id, new Transparency(
                    reviews.getOrDefault(Review.State.QUARANTINED, Map.of()),
                    reviews.getOrDefault(Review.State.INVALIDATED, Map.of()),
                    reviews.getOrDefault(Review.State.RELEASED, Map.of()))));
            transparency = all;
            transparencyAt = now;
        }
        return transparency.getOrDefault(campaignId, new Transparency(Map.of(), Map.of(), Map.of()));
    }

    /** Numbers of signatures per reason: held now, invalidated, released after review. */
    public record Transparency(Map<String, Long> quarantined, Map<String, Long> invalidated,
            Map<String, Long> released) {
    }

    static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
