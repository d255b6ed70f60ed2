package org.pledgeworks.campaign.card;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.pledgeworks.campaign.campaigns.Campaign;

/**
 * A company or government a campaign's card tracks: its scores per assessment cycle and its right of
 * reply. {@link #rescored} is the one change that causes an event.
 *
 * @param countryCode ISO 3166 alpha-2 of a country (or a company's home country), null when not given
 * @param organisationId the organisation this target is, when it endorsed the campaign: its "commitment to
 *                 action" is then followed by the assessments of the action; null for any other target
 * @param scores   by cycle label, in order (labels such as 2025, 2026-q1 sort as they read)
 * @param revision counts the writes, so that a recomputation writes only over what it read
 */
record Target(String id, String campaignId, String name, String kind, String countryCode, String organisationId,
        Instant createdAt, long revision,
        NavigableMap<String, CycleScores> scores, List<ReplyRequest> replies) {

    Target {
        scores = Collections.unmodifiableNavigableMap(new TreeMap<>(scores));
        replies = List.copyOf(replies);
    }

    static Target create(String campaignId, String name, String kind, String countryCode, String organisationId,
            Instant now) {
        return new Target("t-" + UUID.randomUUID(), campaignId, name, kind, countryCode, organisationId, now, 0,
                new TreeMap<>(), List.of());
    }

    /**
     * @param overall null when no indicator of the cycle has data
     * @param themes  by theme id, in the framework's order; a theme's score is null when it has no data
     */
    record CycleScores(Double overall, Map<String, Double> themes, Instant computedAt) {
    }

    /** A request for the target's response by a deadline, and the response once staff record it. */
    record ReplyRequest(String replyId, Instant requestedAt, String requestedBy, Instant deadline, String note,
            Instant respondedAt, String response, String link) {

        static ReplyRequest of(String requestedBy, Instant deadline, String note, Instant now) {
            return new ReplyRequest("r-" + UUID.randomUUID(), now, requestedBy, deadline, note, null, null, null);
        }
    }

    /** New scores for one cycle, and the events writing them causes. */
    record Rescored(String cycle, CycleScores scores, List<ProgressUpdated> events) {
    }

    boolean hasReplyRequest(String replyId) {
        return replies.stream().anyMatch(r -> replyId.equals(r.replyId()));
    }

    /**
     * The cycle's scores replaced by {@code after}: a change of the overall score of a public campaign's
     * target causes {@code progress-updated}, with the score it had before (in this cycle, or else in the
     * cycle before it).
     */
    Rescored rescored(Campaign campaign, String cycle, CycleScores after, String publicBaseUrl) {
        CycleScores before = scores.get(cycle);
        boolean changed = before == null ? after.overall() != null : !Objects.equals(before.overall(), after.overall());
        if (!changed || !campaign.isPublic()) {
            return new Rescored(cycle, after, List.of());
        }
        Double previous = before != null ? before.overall() : previousCycleScore(cycle);
        ProgressUpdated updated = new ProgressUpdated(UUID.randomUUID(), after.computedAt(), campaign.id(),
                campaign.slug(), campaign.title(), id, name, cycle, after.overall(), previous,
                campaign.pageUrl(publicBaseUrl, "card-" + id));
        return new Rescored(cycle, after, List.of(updated));
    }

    private Double previousCycleScore(String cycle) {
        var earlier = scores.lowerEntry(cycle);
        return earlier == null ? null : earlier.getValue().overall();
    }
}
