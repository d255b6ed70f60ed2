package org.pledgeworks.campaign.card;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

/** The card as readers see it: each target's latest scores, and on request its history. */
record Card(String campaignId, String slug, Framework framework, List<TargetScore> targets) {

    /** A target's scores in its latest assessed cycle, and where its right of reply stands. */
    record TargetScore(String targetId, String name, String kind, String cycle, Double overallScore,
            Map<String, Double> themeScores, List<Reply> replies) {

        static TargetScore of(Document target, Instant now) {
            TreeMap<String, Document> cycles = cycles(target);
            var latest = cycles.lastEntry();
            return new TargetScore(target.getString("_id"), target.getString("name"), target.getString("kind"),
                    latest == null ? null : latest.getKey(),
                    latest == null ? null : latest.getValue().getDouble("overall"),
                    latest == null ? Map.of() : Card.themes(latest.getValue()), Card.replies(target, now));
        }
    }

    record CycleScore(String cycle, Double overallScore, Map<String, Double> themeScores) {
    }

    record Assessment(String cycle, String value, Double score, String evidenceLink, String evidenceNote,
            String reviewedBy, Instant reviewedAt) {

        static Assessment of(Document a) {
            Date at = a.getDate("reviewedAt");
            return new Assessment(a.getString("cycle"), a.getString("value"), a.getDouble("score"),
                    a.getString("evidenceLink"), a.getString("evidenceNote"), a.getString("reviewedBy"),
                    at == null ? null : at.toInstant());
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

        static TargetHistory of(Document target, Map<String, List<Assessment>> byIndicator, Instant now) {
            List<CycleScore> cycles = new ArrayList<>();
            Card.cycles(target).forEach((cycle, s) -> cycles.add(new CycleScore(cycle, s.getDouble("overall"), Card.themes(s))));
            List<IndicatorHistory> indicators = new ArrayList<>();
            byIndicator.forEach((id, list) -> indicators.add(new IndicatorHistory(id, list)));
            return new TargetHistory(target.getString("_id"), target.getString("name"), cycles, indicators,
                    Card.replies(target, now));
        }
    }

    private static TreeMap<String, Document> cycles(Document target) {
        TreeMap<String, Document> cycles = new TreeMap<>();
        Document scores = target.get("scores", Document.class);
        if (scores != null) {
            scores.forEach((cycle, s) -> cycles.put(cycle, (Document) s));
        }
        return cycles;
    }

    private static Map<String, Double> themes(Document cycleScore) {
        Map<String, Double> result = new LinkedHashMap<>();
        Document themes = cycleScore.get("themes", Document.class);
        if (themes != null) {
            themes.forEach((theme, score) -> result.put(theme, score == null ? null : ((Number) score).doubleValue()));
        }
        return result;
    }

    private static List<Reply> replies(Document target, Instant now) {
        return target.getList("replies", Document.class, List.of()).stream().map(r -> {
            Instant deadline = r.getDate("deadline").toInstant();
            Date responded = r.getDate("respondedAt");
            String status = responded != null ? "responded" : now.isAfter(deadline) ? "overdue" : "pending";
            return new Reply(r.getString("replyId"), r.getDate("requestedAt").toInstant(), deadline, status,
                    responded == null ? null : responded.toInstant(), r.getString("response"), r.getString("link"));
        }).toList();
    }
}
