package org.pledgeworks.gateway.staff;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.pledgeworks.kit.mongo.Inserts;

import org.springframework.stereotype.Component;

/**
 * Staff accounts in the gateway's database, one document per account keyed by the normalised email, so
 * a sign-in is one lookup by {@code _id} and two accounts can never share an address.
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

    Optional<StaffAccount> byEmail(String email) {
        Document d = accounts.find(new Document("_id", StaffAccount.normalise(email))).first();
        if (d == null) {
            return Optional.empty();
        }
        Map<String, String> organisations = new LinkedHashMap<>();
        Document orgs = d.get("organisations", Document.class);
        if (orgs != null) {
            orgs.forEach((org, role) -> organisations.put(org, String.valueOf(role)));
        }
        return Optional.of(new StaffAccount(d.getString("accountId"), d.getString("_id"), d.getString("name"),
                d.getString("passwordHash"), organisations, Boolean.TRUE.equals(d.getBoolean("passwordChangeRequired"))));
    }

    /** Adds the account; false when one with this email exists already. */
    boolean add(StaffAccount account) {
        return Inserts.insertIfAbsent(accounts, new Document("_id", StaffAccount.normalise(account.email()))
                .append("accountId", account.accountId())
                .append("name", account.name())
                .append("passwordHash", account.passwordHash())
                .append("organisations", new Document(new LinkedHashMap<>(account.organisations())))
                .append("passwordChangeRequired", account.passwordChangeRequired())
                .append("createdAt", new Date()));
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

    boolean isEmpty() {
        return accounts.find().limit(1).first() == null;
    }
}
