package org.pledgeworks.campaign.card;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import org.springframework.stereotype.Repository;

/** Where assessments are stored (one document each), and the only place that knows their BSON shape. */
@Repository
class AssessmentRepository {

    static final String COLLECTION = "card-assessments";

    private final MongoCollection<Document> assessments;

    AssessmentRepository(MongoDatabase database) {
        this.assessments = database.getCollection(COLLECTION);
        assessments.createIndex(Indexes.ascending("targetId", "cycle"));
        assessments.createIndex(Indexes.ascending("campaignId", "cycle"));
    }

    /** Stores the assessment, replacing an earlier one of the same target, indicator and cycle. */
    void save(TargetAssessment assessment) {
        assessments.replaceOne(eq("_id", assessment.id()), toDocument(assessment), new ReplaceOptions().upsert(true));
    }

    /** The scores of a target's assessments in one cycle, by indicator id (a null score: no data). */
    Map<String, Double> scoresByIndicator(String targetId, String cycle) {
        Map<String, Double> byIndicator = new LinkedHashMap<>();
        assessments.find(and(eq("targetId", targetId), eq("cycle", cycle))).batchSize(200)
                .forEach(a -> byIndicator.put(a.getString("indicatorId"), a.getDouble("score")));
        return byIndicator;
    }

    /** Every assessment of a campaign's targets in one cycle: the cells of the card's grid. */
    List<TargetAssessment> forCampaignCycle(String campaignId, String cycle) {
        List<TargetAssessment> result = new ArrayList<>();
        assessments.find(and(eq("campaignId", campaignId), eq("cycle", cycle))).batchSize(1000)
                .forEach(a -> result.add(fromDocument(a)));
        return result;
    }

    /** Every assessment of a target, oldest cycle first. */
    List<TargetAssessment> forTarget(String targetId) {
        List<TargetAssessment> result = new ArrayList<>();
        assessments.find(eq("targetId", targetId)).sort(Sorts.ascending("cycle")).batchSize(500)
                .forEach(a -> result.add(fromDocument(a)));
        return result;
    }

    private static Document toDocument(TargetAssessment a) {
        return new Document("_id", a.id())
                .append("campaignId", a.campaignId())
                .append("targetId", a.targetId())
                .append("indicatorId", a.indicatorId())
                .append("cycle", a.cycle())
                .append("value", a.value())
                .append("score", a.score())
                .append("evidenceLink", a.evidenceLink())
                .append("evidenceNote", a.evidenceNote())
                .append("reviewedBy", a.reviewedBy())
                .append("reviewedAt", date(a.reviewedAt()));
    }

    private static TargetAssessment fromDocument(Document d) {
        return new TargetAssessment(d.getString("campaignId"), d.getString("targetId"), d.getString("indicatorId"),
                d.getString("cycle"), d.getString("value"), d.getDouble("score"), d.getString("evidenceLink"),
                d.getString("evidenceNote"), d.getString("reviewedBy"), instant(d.getDate("reviewedAt")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
