package org.pledgeworks.campaign.card;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.card.CardInput.AssessmentInput;
import org.pledgeworks.campaign.card.CardInput.FrameworkInput;
import org.pledgeworks.campaign.card.CardInput.ReplyInput;
import org.pledgeworks.campaign.card.CardInput.ReplyRequestInput;
import org.pledgeworks.campaign.card.CardInput.TargetInput;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Keeps the card. An assessment is one upsert of its own document (id: target, indicator, cycle);
 * the target's scores are then recomputed from the cycle's assessments and written to the target
 * with the {@code progress-updated} event, in one write conditional on the target's revision (a
 * concurrent recomputation makes us recompute again), so a score and its event never part.
 */
@Service
class ProgressCard {

    static final String TARGETS = "card-targets";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> frameworks;
    private final MongoCollection<Document> targets;
    private final MongoCollection<Document> assessments;
    private final CampaignAccess campaigns;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String publicBaseUrl;

    ProgressCard(MongoDatabase database, CampaignAccess campaigns, EventSerializer events, OutboxRelay relay,
            Clock clock, CampaignServiceProperties properties) {
        this.frameworks = database.getCollection("card-frameworks");
        this.targets = database.getCollection(TARGETS);
        this.assessments = database.getCollection("card-assessments");
        this.campaigns = campaigns;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
        targets.createIndex(Indexes.ascending("campaignId", "name"));
        assessments.createIndex(Indexes.ascending("targetId", "cycle"));
    }

    // --- framework

    Framework putFramework(StaffMember member, String campaignId, FrameworkInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int t = 0; t < input.themes().size(); t++) {
            var theme = input.themes().get(t);
            if (seen.contains(theme.themeId())) {
                problems.add(new InvalidInputException.FieldProblem("themes[" + t + "].themeId", "is used twice"));
            }
            seen.add(theme.themeId());
            for (int i = 0; i < theme.indicators().size(); i++) {
                var indicator = theme.indicators().get(i);
                if (seen.contains(indicator.indicatorId())) {
                    problems.add(new InvalidInputException.FieldProblem(
                            "themes[" + t + "].indicators[" + i + "].indicatorId", "is used twice"));
                }
                seen.add(indicator.indicatorId());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Framework framework = new Framework(input.themes().stream().map(theme -> new Framework.Theme(theme.themeId(),
                theme.name(), theme.indicators().stream().map(i -> new Framework.Indicator(i.indicatorId(), i.name(),
                        i.scale())).toList())).toList());
        frameworks.replaceOne(eq("_id", campaign.id()), framework.toDocument().append("_id", campaign.id()),
                new ReplaceOptions().upsert(true));
        return framework;
    }

    Framework framework(String campaignId) {
        Document d = frameworks.find(eq("_id", campaignId)).first();
        return d == null ? new Framework(List.of()) : Framework.fromDocument(d);
    }

    // --- targets

    Document addTarget(StaffMember member, String campaignId, TargetInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        Document target = new Document("_id", "t-" + UUID.randomUUID())
                .append("campaignId", campaign.id())
                .append("name", input.name())
                .append("kind", input.kind())
                .append("createdAt", Date.from(clock.instant()))
                .append("revision", 0L)
                .append("scores", new Document())
                .append("replies", List.of());
        targets.insertOne(target);
        return target;
    }

    // --- assessments

    Document assess(StaffMember member, String campaignId, String targetId, AssessmentInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        Document target = target(campaign, targetId);
        Framework.Indicator indicator = framework(campaign.id()).indicator(input.indicatorId())
                .orElseThrow(() -> new InvalidInputException("indicatorId", "is not an indicator of this card"));
        Scale scale = Scale.parse(indicator.scale()).orElseThrow();
        Scale.Score score = scale.score(input.value()).orElseThrow(() -> new InvalidInputException("value",
                scale == Scale.PERCENT ? "must be a number from 0 to 100, or no-data"
                        : "must be yes, partial, no or no-data"));
        if (input.evidenceLink() != null && !input.evidenceLink().isBlank()
                && !input.evidenceLink().matches("^https?://[^\\s]+$")) {
            throw new InvalidInputException("evidenceLink", "must be an http(s) URL");
        }
        Document assessment = new Document("_id", targetId + "|" + input.indicatorId() + "|" + input.cycle())
                .append("campaignId", campaign.id())
                .append("targetId", targetId)
                .append("indicatorId", input.indicatorId())
                .append("cycle", input.cycle())
                .append("value", input.value().trim().toLowerCase(java.util.Locale.ROOT))
                .append("score", score.value())
                .append("evidenceLink", input.evidenceLink())
                .append("evidenceNote", input.evidenceNote())
                .append("reviewedBy", member.name())
                .append("reviewedAt", Date.from(clock.instant()));
        assessments.replaceOne(eq("_id", assessment.getString("_id")), assessment, new ReplaceOptions().upsert(true));
        rescore(campaign, target.getString("_id"), input.cycle());
        return assessment;
    }

    /** Recomputes a target's scores for a cycle and, if the overall score moved, records the event with them. */
    private void rescore(Campaign campaign, String targetId, String cycle) {
        Framework framework = framework(campaign.id());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document target = targets.find(eq("_id", targetId)).first();
            long revision = target.get("revision") instanceof Number n ? n.longValue() : 0;
            Map<String, Double> byIndicator = new LinkedHashMap<>();
            assessments.find(and(eq("targetId", targetId), eq("cycle", cycle))).batchSize(200)
                    .forEach(a -> byIndicator.put(a.getString("indicatorId"), a.getDouble("score")));
            Document themes = new Document();
            List<Double> themeScores = new ArrayList<>();
            for (Framework.Theme theme : framework.themes()) {
                Double themeScore = mean(theme.indicators().stream().map(i -> byIndicator.get(i.indicatorId())).toList());
                themes.append(theme.themeId(), themeScore);
                themeScores.add(themeScore);
            }
            Double overall = mean(themeScores);
            Document scores = target.get("scores", Document.class);
            Document before = scores == null ? null : scores.get(cycle, Document.class);
            Double previousInCycle = before == null ? null : before.getDouble("overall");
            List<Bson> updates = new ArrayList<>(List.of(
                    Updates.set("scores." + cycle, new Document("overall", overall).append("themes", themes)
                            .append("computedAt", Date.from(clock.instant()))),
                    Updates.inc("revision", 1)));
            PendingEvent event = null;
            boolean changed = before == null ? overall != null : !Objects.equals(previousInCycle, overall);
            if (changed && campaign.isPublic()) {
                Double previous = before != null ? previousInCycle : previousCycleScore(scores, cycle);
                ProgressUpdated updated = new ProgressUpdated(UUID.randomUUID(), clock.instant(), campaign.id(),
                        campaign.slug(), campaign.title(), targetId, target.getString("name"), cycle, overall, previous,
                        publicBaseUrl + "/campaign.html?slug=" + campaign.slug() + "#card-" + targetId);
                event = events.pending("campaigns", ProgressUpdated.TYPE, campaign.id(), updated.eventId(), updated);
                updates.add(Updates.push("pendingEvents", event.toDocument()));
            }
            if (targets.updateOne(and(eq("_id", targetId), eq("revision", revision)), Updates.combine(updates))
                    .getModifiedCount() == 1) {
                if (event != null) {
                    relay.publish(TARGETS, targetId, List.of(event));
                }
                return;
            }
        }
        throw new ConflictException("Changed meanwhile", "The target's scores changed while this request ran; retry.");
    }

    private static Double previousCycleScore(Document scores, String cycle) {
        if (scores == null) {
            return null;
        }
        TreeMap<String, Document> ordered = new TreeMap<>();
        scores.forEach((c, s) -> ordered.put(c, (Document) s));
        var earlier = ordered.lowerEntry(cycle);
        return earlier == null ? null : earlier.getValue().getDouble("overall");
    }

    static Double mean(List<Double> values) {
        List<Double> known = values.stream().filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return null;
        }
        double mean = known.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return Math.round(mean * 10) / 10.0;
    }

    // --- right of reply

    Document requestReply(StaffMember member, String campaignId, String targetId, ReplyRequestInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        target(campaign, targetId);
        Document reply = new Document("replyId", "r-" + UUID.randomUUID())
                .append("requestedAt", Date.from(clock.instant()))
                .append("requestedBy", member.name())
                .append("deadline", Date.from(input.deadline()))
                .append("note", input.note())
                .append("respondedAt", null)
                .append("response", null)
                .append("link", null);
        targets.updateOne(eq("_id", targetId), Updates.combine(Updates.push("replies", reply), Updates.inc("revision", 1)));
        return reply;
    }

    Document recordReply(StaffMember member, String campaignId, String targetId, String replyId, ReplyInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        Document target = target(campaign, targetId);
        boolean known = target.getList("replies", Document.class, List.of()).stream()
                .anyMatch(r -> replyId.equals(r.getString("replyId")));
        if (!known) {
            throw new NotFoundException("No reply request '" + replyId + "' on this target.");
        }
        Document recorded = new Document("respondedAt", Date.from(clock.instant())).append("response", input.response())
                .append("link", input.link());
        targets.updateOne(eq("_id", targetId), Updates.combine(
                        Updates.set("replies.$[r].respondedAt", recorded.getDate("respondedAt")),
                        Updates.set("replies.$[r].response", input.response()),
                        Updates.set("replies.$[r].link", input.link()),
                        Updates.inc("revision", 1)),
                new com.mongodb.client.model.UpdateOptions().arrayFilters(List.of(eq("r.replyId", replyId))));
        return recorded.append("replyId", replyId);
    }

    // --- reading

    Card card(Campaign campaign) {
        Framework framework = framework(campaign.id());
        List<Card.TargetScore> result = new ArrayList<>();
        Instant now = clock.instant();
        targets.find(eq("campaignId", campaign.id())).projection(Projections.exclude("pendingEvents"))
                .sort(Sorts.ascending("name")).batchSize(200)
                .forEach(t -> result.add(Card.TargetScore.of(t, now)));
        return new Card(campaign.id(), campaign.slug(), framework, result);
    }

    Card.TargetHistory history(Campaign campaign, String targetId) {
        Document target = target(campaign, targetId);
        Map<String, List<Card.Assessment>> byIndicator = new TreeMap<>();
        assessments.find(eq("targetId", targetId)).sort(Sorts.ascending("cycle")).batchSize(500)
                .forEach(a -> byIndicator.computeIfAbsent(a.getString("indicatorId"), k -> new ArrayList<>())
                        .add(Card.Assessment.of(a)));
        return Card.TargetHistory.of(target, byIndicator, clock.instant());
    }

    Campaign forReading(StaffMember member, String campaignId) {
        return campaigns.forReading(member, campaignId);
    }

    Campaign published(String slug) {
        return campaigns.publishedBySlug(slug);
    }

    private Document target(Campaign campaign, String targetId) {
        Document target = targets.find(and(eq("_id", targetId), eq("campaignId", campaign.id())))
                .projection(Projections.exclude("pendingEvents")).first();
        if (target == null) {
            throw new NotFoundException("No target '" + targetId + "' on this campaign.");
        }
        return target;
    }
}
