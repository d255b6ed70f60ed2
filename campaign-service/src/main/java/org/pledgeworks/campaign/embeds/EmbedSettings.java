package org.pledgeworks.campaign.embeds;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.stereotype.Repository;

/** The embed origins of each campaign, one document per campaign keyed by its id; the only place that knows their BSON. */
@Repository
class EmbedSettings {

    static final String COLLECTION = "embedOrigins";

    private final MongoCollection<Document> settings;

    EmbedSettings(MongoDatabase database) {
        this.settings = database.getCollection(COLLECTION);
    }

    List<String> origins(String campaignId) {
        Document d = settings.find(eq("_id", campaignId)).first();
        return d == null ? List.of() : d.getList("origins", String.class, List.of());
    }

    void save(String campaignId, List<String> origins, String staffId, Instant at) {
        settings.replaceOne(eq("_id", campaignId), new Document("_id", campaignId).append("origins", origins)
                .append("changedBy", staffId).append("changedAt", Date.from(at)), new ReplaceOptions().upsert(true));
    }
}
