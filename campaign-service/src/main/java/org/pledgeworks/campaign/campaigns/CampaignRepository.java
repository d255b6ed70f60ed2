package org.pledgeworks.campaign.campaigns;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.campaign.outbox.EventDocuments;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.kit.mongo.Inserts;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/**
 * Where campaigns are stored, and the only place that knows their BSON shape: the catalogue asks it for
 * each kind of change ({@link #edited}, {@link #published}, ...) rather than naming fields itself.
 */
@Repository
class CampaignRepository {

    static final String COLLECTION = "campaigns";

    private static final List<String> PUBLIC_STATUSES = List.of(
            CampaignStatus.OPEN.name(), CampaignStatus.CLOSED.name(), CampaignStatus.ARCHIVED.name());
    // what reads need: never the outbox, never the whole history of pledge texts
    private static final Bson WITHOUT_BULK = Projections.exclude("pendingEvents", "pledgeTextVersions");

    private final MongoCollection<Document> campaigns;

    CampaignRepository(MongoDatabase database) {
        this.campaigns = database.getCollection(COLLECTION);
        campaigns.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
        campaigns.createIndex(Indexes.ascending("status", "title"));
        campaigns.createIndex(Indexes.ascending("status", "endsAt"));
        campaigns.createIndex(Indexes.ascending("ownerOrganisation"));
        campaigns.createIndex(Indexes.ascending("partnerOrganisations"));
    }

    /**
     * Stores a new campaign with the events its creation causes, in one write.
     *
     * @return false when the id or the slug is taken
     */
    boolean insert(Campaign campaign, List<PendingEvent> events, Instant now) {
        List<Document> pending = new ArrayList<>();
        events.forEach(event -> pending.add(event.toDocument()));
        Document document = toDocument(campaign)
                .append("createdAt", Date.from(now))
                .append("publishedAt", campaign.status() == CampaignStatus.DRAFT ? null : Date.from(now))
                .append("pledgeTextVersions", List.of(toDocument(new PledgeTextVersion(campaign.pledgeTextVersion(),
                        campaign.pledgeText(), now, null))))
                .append("pendingEvents", pending);
        return Inserts.insertIfAbsent(campaigns, document);
    }

    /** The edit of a campaign's settings and texts (the pledge text of a published one changes by revision). */
    static Bson edited(CampaignInput input, Map<String, Campaign.Translation> translations, List<String> partners) {
        return Updates.combine(
                Updates.set("slug", input.slug()),
                Updates.set("title", input.title()),
                Updates.set("summary", input.summary()),
                Updates.set("description", input.description()),
                Updates.set("pledgeText", input.pledgeText()),
                Updates.set("defaultLocale", input.defaultLocale()),
                Updates.set("translations", toDocument(translations)),
                Updates.set("goal", input.goal()),
                Updates.set("partnerOrganisations", partners),
                Updates.set("startsAt", date(input.startsAt())),
                Updates.set("endsAt", date(input.endsAt())),
                Updates.set("imageUrl", input.imageUrl()),
                Updates.set("milestoneThresholds", input.milestoneThresholds()));
    }

    static Bson published(Instant now) {
        return Updates.combine(Updates.set("status", CampaignStatus.OPEN.name()),
                Updates.set("publishedAt", Date.from(now)));
    }

    static Bson archived() {
        return Updates.set("status", CampaignStatus.ARCHIVED.name());
    }

    /** A draft's pledge text replaced: nobody has signed it, so its history starts again at {@code first}. */
    static Bson draftTextReplaced(String pledgeText, Map<String, String> translatedTexts, PledgeTextVersion first) {
        List<Bson> updates = textUpdates(pledgeText, translatedTexts);
        updates.add(Updates.set("pledgeTextVersions", List.of(toDocument(first))));
        return Updates.combine(updates);
    }

    /** A published campaign's pledge text revised: {@code next} joins the versions signers may have seen. */
    static Bson textRevised(String pledgeText, Map<String, String> translatedTexts, PledgeTextVersion next) {
        List<Bson> updates = textUpdates(pledgeText, translatedTexts);
        updates.add(Updates.set("pledgeTextVersion", next.version()));
        updates.add(Updates.push("pledgeTextVersions", toDocument(next)));
        return Updates.combine(updates);
    }

    private static List<Bson> textUpdates(String pledgeText, Map<String, String> translatedTexts) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("pledgeText", pledgeText));
        translatedTexts.forEach((locale, text) -> updates.add(Updates.set("translations." + locale + ".pledgeText",
                text)));
        return updates;
    }

    /**
     * Applies {@code update} and records {@code events} in one write, if the campaign is still at
     * {@code revision}.
     *
     * @return false when someone else changed the campaign since it was read
     * @throws ConflictException when the update would take a slug that is taken
     */
    boolean updateIfUnchanged(String id, long revision, Bson update, List<PendingEvent> events) {
        try {
            // documents written before revisions existed have none: they count as revision 0
            Bson unchanged = revision == 0 ? and(eq("_id", id), or(eq("revision", 0L), exists("revision", false)))
                    : EventDocuments.atRevision(id, revision);
            return campaigns.updateOne(unchanged, EventDocuments.revisedWith(update, events)).getModifiedCount() == 1;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ConflictException("Slug taken", "Another campaign has this slug.");
            }
            throw e;
        }
    }

    /** Moves an open campaign to closed with its event, once: only one caller's write matches. */
    boolean closeIfOpen(String id, PendingEvent closed, Instant now) {
        return campaigns.updateOne(and(eq("_id", id), eq("status", CampaignStatus.OPEN.name())),
                EventDocuments.revisedWith(Updates.combine(Updates.set("status", CampaignStatus.CLOSED.name()),
                        Updates.set("closedAt", Date.from(now))), List.of(closed)))
                .getModifiedCount() == 1;
    }

    Optional<Campaign> findById(String id) {
        return Optional.ofNullable(campaigns.find(eq("_id", id)).projection(WITHOUT_BULK).first())
                .map(CampaignRepository::fromDocument);
    }

    List<PledgeTextVersion> pledgeTextVersions(String id) {
        Document d = campaigns.find(eq("_id", id)).projection(Projections.include("pledgeTextVersions")).first();
        return d == null ? List.of() : d.getList("pledgeTextVersions", Document.class, List.of()).stream()
                .map(CampaignRepository::pledgeTextVersion).toList();
    }

    Optional<Campaign> findPublishedBySlug(String slug) {
        return Optional.ofNullable(campaigns.find(and(eq("slug", slug), in("status", PUBLIC_STATUSES)))
                .projection(WITHOUT_BULK).first()).map(CampaignRepository::fromDocument);
    }

    List<Campaign> findOpen(int page, int size, Bson sort) {
        return campaigns.find(eq("status", CampaignStatus.OPEN.name()))
                .projection(WITHOUT_BULK)
                .sort(Sorts.orderBy(sort, Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .batchSize(size)
                .map(CampaignRepository::fromDocument).into(new ArrayList<>());
    }

    long countOpen() {
        return campaigns.countDocuments(eq("status", CampaignStatus.OPEN.name()));
    }

    List<Campaign> findForOrganisations(Collection<String> organisations, int page, int size) {
        return campaigns.find(or(in("ownerOrganisation", organisations), in("partnerOrganisations", organisations)))
                .projection(WITHOUT_BULK)
                .sort(Sorts.ascending("title", "_id"))
                .skip(page * size)
                .limit(size)
                .batchSize(size)
                .map(CampaignRepository::fromDocument).into(new ArrayList<>());
    }

    /**
     * The open and closed campaigns {@code organisation} owns or partners, by title: what its public
     * profile lists. Drafts are nobody's business yet, archived ones are put away.
     */
    List<Campaign> findListedForOrganisation(String organisation, int limit) {
        return campaigns.find(and(or(eq("ownerOrganisation", organisation), in("partnerOrganisations", organisation)),
                        in("status", CampaignStatus.OPEN.name(), CampaignStatus.CLOSED.name())))
                .projection(WITHOUT_BULK)
                .sort(Sorts.ascending("title", "_id"))
                .limit(limit)
                .batchSize(limit)
                .map(CampaignRepository::fromDocument).into(new ArrayList<>());
    }

    List<String> findIdsDueToClose(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        campaigns.find(and(eq("status", CampaignStatus.OPEN.name()), lte("endsAt", Date.from(now))))
                .projection(Projections.include("_id"))
                .limit(limit)
                .batchSize(limit)
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static Document toDocument(Campaign c) {
        return new Document("_id", c.id())
                .append("slug", c.slug())
                .append("title", c.title())
                .append("summary", c.summary())
                .append("description", c.description())
                .append("pledgeText", c.pledgeText())
                .append("pledgeTextVersion", c.pledgeTextVersion())
                .append("defaultLocale", c.defaultLocale())
                .append("translations", toDocument(c.translations()))
                .append("goal", c.goal())
                .append("ownerOrganisation", c.ownerOrganisation())
                .append("partnerOrganisations", c.partnerOrganisations())
                .append("status", c.status().name())
                .append("startsAt", date(c.startsAt()))
                .append("endsAt", date(c.endsAt()))
                .append("imageUrl", c.imageUrl())
                .append("milestoneThresholds", c.milestoneThresholds())
                .append("revision", c.revision());
    }

    private static Campaign fromDocument(Document d) {
        Map<String, Campaign.Translation> translations = new LinkedHashMap<>();
        Document translated = d.get("translations", Document.class);
        if (translated != null) {
            translated.forEach((locale, t) -> translations.put(locale, translation((Document) t)));
        }
        List<?> thresholds = d.getList("milestoneThresholds", Object.class);
        return new Campaign(d.getString("_id"), d.getString("slug"), d.getString("title"), d.getString("summary"),
                d.getString("description"), d.getString("pledgeText"), d.getInteger("pledgeTextVersion", 1),
                d.getString("defaultLocale"), translations, ((Number) d.get("goal")).longValue(),
                d.getString("ownerOrganisation"), d.getList("partnerOrganisations", String.class, List.of()),
                CampaignStatus.valueOf(d.getString("status")), instant(d.getDate("startsAt")),
                instant(d.getDate("endsAt")), d.getString("imageUrl"),
                thresholds == null ? null : thresholds.stream().map(n -> ((Number) n).longValue()).toList(),
                d.get("revision") instanceof Number n ? n.longValue() : 0L);
    }

    private static Document toDocument(Map<String, Campaign.Translation> translations) {
        Document translated = new Document();
        translations.forEach((locale, t) -> translated.append(locale, new Document("title", t.title())
                .append("summary", t.summary()).append("pledgeText", t.pledgeText())));
        return translated;
    }

    private static Campaign.Translation translation(Document d) {
        return new Campaign.Translation(d.getString("title"), d.getString("summary"), d.getString("pledgeText"));
    }

    private static Document toDocument(PledgeTextVersion v) {
        return new Document("version", v.version()).append("pledgeText", v.pledgeText())
                .append("revisedAt", Date.from(v.revisedAt())).append("revisedBy", v.revisedBy());
    }

    private static PledgeTextVersion pledgeTextVersion(Document d) {
        return new PledgeTextVersion(d.getInteger("version", 1), d.getString("pledgeText"),
                instant(d.getDate("revisedAt")), d.getString("revisedBy"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
