package org.pledgeworks.notification.campaigns;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.pledgeworks.kit.events.EventHandler;

import org.springframework.stereotype.Component;

/** Campaign facts by id ({@code campaigns}, {@code _id} = campaign id), kept from {@code campaign-published.v1}. */
@Component
public class CampaignDirectory implements EventHandler<CampaignPublished> {

    /**
     * @param ownerOrganisation    null while only a bulk event has named the campaign
     * @param partnerOrganisations the organisations running it with the owner; empty when none
     */
    public record Campaign(String campaignId, String slug, String title, String defaultLocale,
            String ownerOrganisation, List<String> partnerOrganisations) {

        /** Whose staff may see this campaign's subscriber figures: owner and partners; none while unknown. */
        public List<String> organisations() {
            if (ownerOrganisation == null) {
                return List.of();
            }
            List<String> all = new ArrayList<>(partnerOrganisations.size() + 1);
            all.add(ownerOrganisation);
            all.addAll(partnerOrganisations);
            return all;
        }
    }

    private final MongoCollection<Document> campaigns;

    CampaignDirectory(MongoDatabase database) {
        this.campaigns = database.getCollection("campaigns");
        campaigns.createIndex(com.mongodb.client.model.Indexes.ascending("slug"));
    }

    @Override
    public String type() {
        return CampaignPublished.TYPE;
    }

    @Override
    public Class<CampaignPublished> eventClass() {
        return CampaignPublished.class;
    }

    @Override
    public void handle(CampaignPublished event, String eventId) {
        campaigns.updateOne(eq("_id", event.campaignId()), new Document("$set", new Document("slug", event.slug())
                .append("title", event.title()).append("defaultLocale", event.defaultLocale())
                .append("ownerOrganisation", event.ownerOrganisation())
                .append("partnerOrganisations", event.partnerOrganisations().orElse(List.of()))),
                new UpdateOptions().upsert(true));
    }

    /** Bulk events carry slug and title too: a campaign published before this service started is still named. */
    public void remember(String campaignId, String slug, String title) {
        campaigns.updateOne(eq("_id", campaignId), new Document("$set", new Document("slug", slug).append("title", title)),
                new UpdateOptions().upsert(true));
    }

    public Optional<Campaign> find(String campaignId) {
        Document d = campaigns.find(eq("_id", campaignId)).first();
        return Optional.ofNullable(d).map(CampaignDirectory::campaign);
    }

    /** By slug (the public follow form knows the slug); a small collection, indexed in a real MongoDB. */
    public Optional<Campaign> findBySlug(String slug) {
        Document d = campaigns.find(eq("slug", slug)).first();
        return Optional.ofNullable(d).map(CampaignDirectory::campaign);
    }

    /** The organisations whose staff may see a campaign's subscriber figures; empty for an unknown campaign. */
    public List<String> organisationsOf(String campaignId) {
        return find(campaignId).map(Campaign::organisations).orElse(List.of());
    }

    private static Campaign campaign(Document c) {
        return new Campaign(c.getString("_id"), c.getString("slug"), c.getString("title"), c.getString("defaultLocale"),
                c.getString("ownerOrganisation"), c.getList("partnerOrganisations", String.class, List.of()));
    }

    public String titleOf(String campaignId) {
        return find(campaignId).map(Campaign::title).filter(t -> t != null && !t.isBlank()).orElse("our campaign");
    }
}
