package org.pledgeworks.gateway.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Component;

/**
 * Invitations in the gateway's database, one document per invitation, which also carries the events of its
 * changes until the relay has sent them. Every change is one conditional write on the invitation's state,
 * so a link is used once, and a revoked or resent one cannot be used after.
 */
@IssuesTokens
@Component
class StaffInvitations {

    static final String COLLECTION = "staffInvitations";

    private final MongoCollection<Document> invitations;

    private final Clock clock;

    StaffInvitations(MongoDatabase gatewayDatabase, Clock clock) {
        this.invitations = gatewayDatabase.getCollection(COLLECTION);
        this.clock = clock;
    }

    void ensureIndexes() {
        invitations.createIndex(Indexes.ascending("organisationId", "status"));
    }

    void add(Invitation invitation, List<PendingEvent> events) {
        invitations.insertOne(new Document("_id", invitation.id())
                .append("organisationId", invitation.organisationId())
                .append("email", invitation.email())
                .append("name", invitation.name())
                .append("role", invitation.role())
                .append("invitedBy", new Document("accountId", invitation.invitedBy().accountId())
                        .append("name", invitation.invitedBy().name()))
                .append("status", invitation.status().name().toLowerCase(Locale.ROOT))
                .append("tokenHash", invitation.tokenHash())
                .append("expiresAt", Date.from(invitation.expiresAt()))
                .append("createdAt", Date.from(clock.instant()))
                .append(PendingEvent.FIELD, documents(events)));
    }

    Optional<Invitation> byId(String id) {
        return Optional.ofNullable(invitations.find(Filters.eq("_id", id)).first()).map(StaffInvitations::invitation);
    }

    /** The organisation's pending invitations, expired ones too (an admin resends or revokes them). */
    List<Invitation> pending(String organisationId) {
        List<Invitation> pending = new ArrayList<>();
        invitations.find(Filters.and(Filters.eq("organisationId", organisationId), Filters.eq("status", "pending")))
                .sort(new Document("createdAt", 1)).forEach(d -> pending.add(invitation(d)));
        return pending;
    }

    /** A new link and a new expiry for a pending invitation: the old link stops working with this write. */
    boolean resend(String id, String organisationId, String tokenHash, Instant expiresAt, List<PendingEvent> events) {
        return update(Filters.and(Filters.eq("_id", id), Filters.eq("organisationId", organisationId),
                Filters.eq("status", "pending")),
                Updates.combine(Updates.set("tokenHash", tokenHash), Updates.set("expiresAt", Date.from(expiresAt)),
                        pushed(events)));
    }

    boolean revoke(String id, String organisationId, List<PendingEvent> events) {
        return update(Filters.and(Filters.eq("_id", id), Filters.eq("organisationId", organisationId),
                Filters.eq("status", "pending")),
                Updates.combine(Updates.set("status", "revoked"), Updates.unset("tokenHash"),
                        Updates.set("revokedAt", Date.from(clock.instant())), pushed(events)));
    }

    /**
     * Uses the invitation up, if it is still pending, still has this link and has not expired: of two
     * acceptances of one link, exactly one gets here.
     */
    boolean use(String id, String tokenHash, List<PendingEvent> events) {
        Instant now = clock.instant();
        return update(Filters.and(Filters.eq("_id", id), Filters.eq("status", "pending"),
                Filters.eq("tokenHash", tokenHash), Filters.gt("expiresAt", Date.from(now))),
                Updates.combine(Updates.set("status", "used"), Updates.unset("tokenHash"),
                        Updates.set("usedAt", Date.from(now)), pushed(events)));
    }

    private boolean update(Bson filter, Bson update) {
        return invitations.updateOne(filter, update).getModifiedCount() == 1;
    }

    private static List<Document> documents(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::toDocument).toList();
    }

    private static Bson pushed(List<PendingEvent> events) {
        return Updates.pushEach(PendingEvent.FIELD, documents(events));
    }

    private static Invitation invitation(Document d) {
        Document by = d.get("invitedBy", Document.class);
        return new Invitation(d.getString("_id"), d.getString("organisationId"), d.getString("email"),
                d.getString("name"), d.getString("role"), new Actor(by.getString("accountId"), by.getString("name")),
                Invitation.Status.valueOf(d.getString("status").toUpperCase(Locale.ROOT)), d.getString("tokenHash"),
                d.getDate("expiresAt").toInstant());
    }
}
