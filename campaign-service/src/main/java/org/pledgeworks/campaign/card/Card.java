package org.pledgeworks.campaign.card;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The card as readers see it: each target's latest scores, and on request its history. */
record Card(String campaignId, String slug, Framework framework, List<TargetScore> targets) {

    /** A target's scores in its latest assessed cycle, and where its right of reply stands. */
    record TargetScore(String targetId, String name, String kind, String cycle, Double overallScore,
            Map<String, Double> themeScores, List<Reply> replies) {

        static TargetScore of(Target target, Instant now) {
            var latest = target.scores().lastEntry();
            return new TargetScore(target.id(), target.name(), target.kind(),
                    latest == null ? null : latest.getKey(),
                    latest == null ? null : latest.getValue().overall(),
                    latest == null ? Map.of() : latest.getValue().themes(), Card.replies(target, now));
        }
    }

    record CycleScore(String cycle, Double overallScore, Map<String, Double> themeScores) {
    }

    record Assessment(String cycle, String value, Double score, String evidenceLink, String evidenceNote,
            String reviewedBy, Instant reviewedAt) {

        static Assessment of(TargetAssessment a) {
            return new Assessment(a.cycle(), a.value(), a.score(), a.evidenceLink(), a.evidenceNote(), a.reviewedBy(),
                    a.reviewedAt());
        }
    }

    record IndicatorHistory(String indicatorId, List<Assessment> assessments) {
    }

    /**
     * @param status responded, pending (deadline ahead) or overdue (deadline passed, no response)
     */
    record Reply(String replyId, Instant requestedAt, Instant deadline, String status, Instant respondedAt,
            String response, String link) {
    }

    record TargetHistory(String targetId, String name, List<CycleScore> cycles, List<IndicatorHistory> indicators,
            List<Reply> replies) {

        static TargetHistory of(Target target, Map<String, List<Assessment>> byIndicator, Instant now) {
            List<CycleScore> cycles = new ArrayList<>();
            target.scores().forEach((cycle, s) -> cycles.add(new CycleScore(cycle, s.overall(), s.themes())));
            List<IndicatorHistory> indicators = new ArrayList<>();
            byIndicator.forEach((id, list) -> indicators.add(new IndicatorHistory(id, list)));
            return new TargetHistory(target.id(), target.name(), cycles, indicators, Card.replies(target, now));
        }
    }

    private static List<Reply> replies(Target target, Instant now) {
        return target.replies().stream().map(r -> {
            String status = r.respondedAt() != null ? "responded" : now.isAfter(r.deadline()) ? "overdue" : "pending";
            return new Reply(r.replyId(), r.requestedAt(), r.deadline(), status, r.respondedAt(), r.response(),
                    r.link());
        }).toList();
    }
}
