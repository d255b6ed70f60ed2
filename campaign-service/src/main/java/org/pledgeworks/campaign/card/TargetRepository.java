package org.pledgeworks.campaign.card;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.campaign.card.Target.CycleScores;
import org.pledgeworks.campaign.card.Target.ReplyRequest;
import org.pledgeworks.campaign.outbox.EventDocuments;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/** Where the card's targets are stored, and the only place that knows their BSON shape. */
@Repository
class TargetRepository {

    static final String COLLECTION = "card-targets";

    private final MongoCollection<Document> targets;

    TargetRepository(MongoDatabase database) {
        this.targets = database.getCollection(COLLECTION);
        targets.createIndex(Indexes.ascending("campaignId", "name"));
    }

    void insert(Target target) {
        targets.insertOne(toDocument(target));
    }

    Optional<Target> find(String campaignId, String targetId) {
        return Optional.ofNullable(targets.find(and(eq("_id", targetId), eq("campaignId", campaignId)))
                .projection(EventDocuments.WITHOUT_EVENTS).first()).map(TargetRepository::fromDocument);
    }

    Optional<Target> findById(String targetId) {
        return Optional.ofNullable(targets.find(eq("_id", targetId)).projection(EventDocuments.WITHOUT_EVENTS).first())
                .map(TargetRepository::fromDocument);
    }

    /** A campaign's targets by name. */
    List<Target> forCampaign(String campaignId) {
        return targets.find(eq("campaignId", campaignId)).projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.ascending("name")).batchSize(200)
                .map(TargetRepository::fromDocument).into(new ArrayList<>());
    }

    /**
     * Writes a cycle's new scores with the events they cause, in one write, if the target is still at
     * the revision {@code before} was read at.
     *
     * @return false when someone else changed the target since
     */
    boolean rescoredIfUnchanged(Target before, Target.Rescored rescored, List<PendingEvent> events) {
        Bson scores = Updates.set("scores." + rescored.cycle(), toDocument(rescored.scores()));
        return targets.updateOne(EventDocuments.atRevision(before.id(), before.revision()),
                EventDocuments.revisedWith(scores, events)).getModifiedCount() == 1;
    }

    void replyRequested(String targetId, ReplyRequest reply) {
        targets.updateOne(eq("_id", targetId), Updates.combine(Updates.push("replies", toDocument(reply)),
                Updates.inc("revision", 1)));
    }

    void replyRecorded(String targetId, String replyId, Instant respondedAt, String response, String link) {
        targets.updateOne(eq("_id", targetId), Updates.combine(
                        Updates.set("replies.$[r].respondedAt", Date.from(respondedAt)),
                        Updates.set("replies.$[r].response", response),
                        Updates.set("replies.$[r].link", link),
                        Updates.inc("revision", 1)),
                new UpdateOptions().arrayFilters(List.of(eq("r.replyId", replyId))));
    }

    private static Document toDocument(Target t) {
        Document scores = new Document();
        t.scores().forEach((cycle, s) -> scores.append(cycle, toDocument(s)));
        return new Document("_id", t.id())
                .append("campaignId", t.campaignId())
                .append("name", t.name())
                .append("kind", t.kind())
                .append("countryCode", t.countryCode())
                .append("organisationId", t.organisationId())
                .append("createdAt", date(t.createdAt()))
                .append("revision", t.revision())
                .append("scores", scores)
                .append("replies", t.replies().stream().map(TargetRepository::toDocument).toList());
    }

    private static Target fromDocument(Document d) {
        TreeMap<String, CycleScores> scores = new TreeMap<>();
        Document stored = d.get("scores", Document.class);
        if (stored != null) {
            stored.forEach((cycle, s) -> scores.put(cycle, cycleScores((Document) s)));
        }
        return new Target(d.getString("_id"), d.getString("campaignId"), d.getString("name"), d.getString("kind"),
                d.getString("countryCode"), d.getString("organisationId"), instant(d.getDate("createdAt")), d.get("revision") instanceof Number n ? n.longValue() : 0, scores,
                d.getList("replies", Document.class, List.of()).stream().map(TargetRepository::replyRequest).toList());
    }

    private static Document toDocument(CycleScores s) {
        Document themes = new Document();
        s.themes().forEach(themes::append);
        return new Document("overall", s.overall()).append("themes", themes).append("computedAt", date(s.computedAt()));
    }

    private static CycleScores cycleScores(Document d) {
        Map<String, Double> themes = new LinkedHashMap<>();
        Document stored = d.get("themes", Document.class);
        if (stored != null) {
            stored.forEach((theme, score) -> themes.put(theme, score == null ? null : ((Number) score).doubleValue()));
        }
        return new CycleScores(d.getDouble("overall"), themes, instant(d.getDate("computedAt")));
    }

    private static Document toDocument(ReplyRequest r) {
        return new Document("replyId", r.replyId())
                .append("requestedAt", date(r.requestedAt()))
                .append("requestedBy", r.requestedBy())
                .append("deadline", date(r.deadline()))
                .append("note", r.note())
                .append("respondedAt", date(r.respondedAt()))
                .append("response", r.response())
                .append("link", r.link());
    }

    private static ReplyRequest replyRequest(Document d) {
        return new ReplyRequest(d.getString("replyId"), instant(d.getDate("requestedAt")), d.getString("requestedBy"),
                instant(d.getDate("deadline")), d.getString("note"), instant(d.getDate("respondedAt")),
                d.getString("response"), d.getString("link"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
