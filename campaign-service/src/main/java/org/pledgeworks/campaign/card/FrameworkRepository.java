package org.pledgeworks.campaign.card;

import static com.mongodb.client.model.Filters.eq;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.pledgeworks.campaign.card.Framework.Indicator;
import org.pledgeworks.campaign.card.Framework.Theme;

import org.springframework.stereotype.Repository;

/** Where each campaign's framework is stored (its id is the campaign's), and the only place that knows its BSON. */
@Repository
class FrameworkRepository {

    static final String COLLECTION = "card-frameworks";

    private final MongoCollection<Document> frameworks;

    FrameworkRepository(MongoDatabase database) {
        this.frameworks = database.getCollection(COLLECTION);
    }

    void save(String campaignId, Framework framework) {
        frameworks.replaceOne(eq("_id", campaignId), toDocument(framework).append("_id", campaignId),
                new ReplaceOptions().upsert(true));
    }

    /** The campaign's framework; one without themes until staff set it. */
    Framework find(String campaignId) {
        Document d = frameworks.find(eq("_id", campaignId)).first();
        return d == null ? new Framework(List.of()) : fromDocument(d);
    }

    private static Document toDocument(Framework framework) {
        return new Document("themes", framework.themes().stream().map(t -> new Document("themeId", t.themeId())
                .append("name", t.name())
                .append("indicators", t.indicators().stream().map(i -> new Document("indicatorId", i.indicatorId())
                        .append("name", i.name()).append("scale", i.scale())).toList())).toList());
    }

    private static Framework fromDocument(Document d) {
        return new Framework(d.getList("themes", Document.class, List.of()).stream()
                .map(t -> new Theme(t.getString("themeId"), t.getString("name"),
                        t.getList("indicators", Document.class, List.of()).stream()
                                .map(i -> new Indicator(i.getString("indicatorId"), i.getString("name"),
                                        i.getString("scale"))).toList()))
                .toList());
    }
}
