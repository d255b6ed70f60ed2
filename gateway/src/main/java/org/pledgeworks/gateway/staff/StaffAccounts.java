package org.pledgeworks.gateway.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.kit.mongo.Inserts;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Component;

/**
 * Staff accounts in the gateway's database, one document per account keyed by the normalised email, so
 * a sign-in is one lookup by {@code _id} and two accounts can never share an address. The memberships live
 * in the account ({@code organisations}: organisation id to role), so that the token is issued from one
 * document and a removal, written there with its event and a raised {@code tokenVersion}, revokes at once.
 */
@IssuesTokens
@Component
class StaffAccounts {

    static final String COLLECTION = "staffAccounts";

    private final MongoCollection<Document> accounts;

    private final Clock clock;

    StaffAccounts(MongoDatabase gatewayDatabase, Clock clock) {
        this.accounts = gatewayDatabase.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** The revocation check reads the token version by account id on every staff call: one indexed lookup. */
    void ensureIndexes() {
        accounts.createIndex(Indexes.ascending("accountId"), new IndexOptions().unique(true));
    }

    Optional<StaffAccount> byEmail(String email) {
        return Optional.ofNullable(accounts.find(new Document("_id", StaffAccount.normalise(email))).first())
                .map(StaffAccounts::account);
    }

    Optional<StaffAccount> byAccountId(String accountId) {
        return Optional.ofNullable(accounts.find(Filters.eq("accountId", accountId)).first())
                .map(StaffAccounts::account);
    }

    /** The account's token version; empty when there is no such account (any more). */
    Optional<Integer> tokenVersion(String accountId) {
        Document d = accounts.find(Filters.eq("accountId", accountId))
                .projection(Projections.include("tokenVersion")).first();
        return d == null ? Optional.empty() : Optional.of(d.getInteger("tokenVersion", 0));
    }

    /** The members of {@code organisationId}, in the order they were made. */
    List<StaffAccount> members(String organisationId) {
        List<StaffAccount> members = new ArrayList<>();
        accounts.find(Filters.exists(roleField(organisationId))).sort(new Document("createdAt", 1))
                .forEach(d -> members.add(account(d)));
        return members;
    }

    /** Adds the account; false when one with this email exists already. */
    boolean add(StaffAccount account) {
        return add(account, List.of());
    }

    /** Adds the account with the events its making causes; false when one with this email exists already. */
    boolean add(StaffAccount account, List<PendingEvent> events) {
        Document document = new Document("_id", StaffAccount.normalise(account.email()))
                .append("accountId", account.accountId())
                .append("name", account.name())
                .append("passwordHash", account.passwordHash())
                .append("organisations", new Document(new LinkedHashMap<>(account.organisations())))
                .append("passwordChangeRequired", account.passwordChangeRequired())
                .append("tokenVersion", account.tokenVersion())
                .append("createdAt", Date.from(clock.instant()));
        if (!events.isEmpty()) {
            document.append(PendingEvent.FIELD, events.stream().map(PendingEvent::toDocument).toList());
        }
        return Inserts.insertIfAbsent(accounts, document);
    }

    /**
     * Replaces the password, only if it is still the one just checked ({@code oldHash}): of two changes at
     * once, one wins and the other fails as if its current password were wrong. Clears
     * {@code passwordChangeRequired}.
     */
    boolean changePassword(String email, String oldHash, String newHash) {
        return accounts.updateOne(Filters.and(Filters.eq("_id", StaffAccount.normalise(email)),
                Filters.eq("passwordHash", oldHash)),
                Updates.combine(Updates.set("passwordHash", newHash), Updates.set("passwordChangeRequired", false),
                        Updates.set("passwordChangedAt", Date.from(clock.instant()))))
                .getModifiedCount() == 1;
    }

    /**
     * Sets the password from a reset link, only if it is still the one the link was made for, and raises the
     * token version: whoever had a token from the old password (or took the account over) is signed out.
     */
    boolean resetPassword(String email, String oldHash, String newHash) {
        return accounts.updateOne(Filters.and(Filters.eq("_id", StaffAccount.normalise(email)),
                Filters.eq("passwordHash", oldHash)),
                Updates.combine(Updates.set("passwordHash", newHash), Updates.set("passwordChangeRequired", false),
                        Updates.set("passwordChangedAt", Date.from(clock.instant())), Updates.inc("tokenVersion", 1)))
                .getModifiedCount() == 1;
    }

    /**
     * Gives the account a role in {@code organisationId} (an accepted invitation), unless it has one there:
     * a second invitation to someone already a member changes nothing it did not mean to.
     */
    boolean join(String email, String organisationId, String role, List<PendingEvent> events) {
        return accounts.updateOne(Filters.and(Filters.eq("_id", StaffAccount.normalise(email)),
                Filters.exists(roleField(organisationId), false)),
                Updates.combine(Updates.set(roleField(organisationId), role), pushed(events)))
                .getModifiedCount() == 1;
    }

    /**
     * Changes the member's role, only if it is still {@code expectedRole} (what the admin saw), raising the
     * token version so that tokens with the old role stop working at once.
     */
    boolean changeRole(String accountId, String organisationId, String expectedRole, String role,
            List<PendingEvent> events) {
        return accounts.updateOne(Filters.and(Filters.eq("accountId", accountId),
                Filters.eq(roleField(organisationId), expectedRole)),
                Updates.combine(Updates.set(roleField(organisationId), role), Updates.inc("tokenVersion", 1),
                        pushed(events)))
                .getModifiedCount() == 1;
    }

    /** Takes the member out of the organisation, if still {@code expectedRole} there; revokes its tokens. */
    boolean remove(String accountId, String organisationId, String expectedRole, List<PendingEvent> events) {
        return accounts.updateOne(Filters.and(Filters.eq("accountId", accountId),
                Filters.eq(roleField(organisationId), expectedRole)),
                Updates.combine(Updates.unset(roleField(organisationId)), Updates.inc("tokenVersion", 1),
                        pushed(events)))
                .getModifiedCount() == 1;
    }

    /** Puts events for the relay in the account's document (a reset link asked for); false when it is gone. */
    boolean pushEvents(String email, List<PendingEvent> events) {
        return accounts.updateOne(Filters.eq("_id", StaffAccount.normalise(email)), pushed(events))
                .getModifiedCount() == 1;
    }

    /** The {@code _id} of the account {@code accountId}: where its pending events wait for the relay. */
    static Object documentId(StaffAccount account) {
        return StaffAccount.normalise(account.email());
    }

    boolean isEmpty() {
        return accounts.find().limit(1).first() == null;
    }

    /** Organisation ids are slugs ({@link Memberships#ORGANISATION_ID}): never a dot or a dollar in a field name. */
    private static String roleField(String organisationId) {
        return "organisations." + organisationId;
    }

    private static Bson pushed(List<PendingEvent> events) {
        return Updates.pushEach(PendingEvent.FIELD, events.stream().map(PendingEvent::toDocument).toList());
    }

    private static StaffAccount account(Document d) {
        Map<String, String> organisations = new LinkedHashMap<>();
        Document orgs = d.get("organisations", Document.class);
        if (orgs != null) {
            orgs.forEach((org, role) -> organisations.put(org, String.valueOf(role)));
        }
        return new StaffAccount(d.getString("accountId"), d.getString("_id"), d.getString("name"),
                d.getString("passwordHash"), organisations, Boolean.TRUE.equals(d.getBoolean("passwordChangeRequired")),
                d.getInteger("tokenVersion", 0));
    }
}
