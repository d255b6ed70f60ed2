package org.pledgeworks.pledge.campaigns;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Repository;

/** This service's copy of campaigns, one document per campaign, written only from campaign events. */
@Repository
public class CampaignCopies {

    private final MongoCollection<Document> campaigns;

    CampaignCopies(MongoDatabase database) {
        this.campaigns = database.getCollection("campaigns");
        campaigns.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
    }

    public Optional<OpenCampaign> bySlug(String slug) {
        return Optional.ofNullable(campaigns.find(eq("slug", slug)).first()).map(CampaignCopies::toCampaign);
    }

    public Optional<OpenCampaign> byId(String campaignId) {
        return Optional.ofNullable(campaigns.find(eq("_id", campaignId)).first()).map(CampaignCopies::toCampaign);
    }

    /**
     * Applies an event's facts unless a later event was applied already: a replayed or duplicated
     * event changes nothing.
     */
    void apply(String campaignId, Instant occurredAt, Bson changes) {
        Bson notNewer = Filters.or(Filters.exists("lastEventAt", false), Filters.lte("lastEventAt", Date.from(occurredAt)));
        try {
            campaigns.updateOne(Filters.and(eq("_id", campaignId), notNewer),
                    Updates.combine(changes, Updates.set("lastEventAt", Date.from(occurredAt))),
                    new UpdateOptions().upsert(true));
        }
        catch (MongoWriteException e) {
            // The upsert tried to insert because the stored copy is newer: nothing to do.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static OpenCampaign toCampaign(Document d) {
        return new OpenCampaign(d.getString("_id"), d.getString("slug"), d.getString("title"),
                "open".equals(d.getString("status")), d.getInteger("pledgeTextVersion", 1),
                d.getString("defaultLocale"), organisations(d));
    }

    private static java.util.List<String> organisations(Document d) {
        java.util.List<String> all = new java.util.ArrayList<>();
        if (d.getString("ownerOrganisation") != null) {
            all.add(d.getString("ownerOrganisation"));
        }
        all.addAll(d.getList("partnerOrganisations", String.class, java.util.List.of()));
        return java.util.List.copyOf(all);
    }
}
