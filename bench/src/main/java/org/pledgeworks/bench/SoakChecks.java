package org.pledgeworks.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/**
 * What the soak's signers would notice, checked after the load: every accepted pledge stored, every
 * confirmation answered "verified" stored as VERIFIED, and the public count agreeing with the database.
 * The count leaves out signatures held for review (one address and one domain sign hundreds a minute
 * here, so pledge-service's abuse screen holds most of them): it is held against the database's
 * verified-and-counting signatures, and the verified total against the confirmations.
 */
final class SoakChecks {

    private static final String DATABASE = "pledgeworks-pledges";

    private final String mongoUri;
    private final StackHttp http;

    SoakChecks(String mongoUri, StackHttp http) {
        this.mongoUri = mongoUri;
        this.http = http;
    }

    /**
     * {@code unanswered}: confirmations sent that never got an answer; each may or may not be verified,
     * so they bound the verified count from above, not below.
     */
    ObjectNode pledges(Set<String> accepted, Set<String> confirmed, Set<String> unanswered, List<String> problems)
            throws InterruptedException {
        ObjectNode node = RunReport.JSON.createObjectNode();
        Set<String> stored = new HashSet<>();
        Set<String> verified = new HashSet<>();
        long counting = 0;
        long held = 0;
        try (MongoClient client = MongoClients.create(mongoUri);
                MongoCursor<Document> cursor = client.getDatabase(DATABASE).getCollection("signatures").find()
                        .projection(Projections.include("emailKey", "status", "counts", "review")).batchSize(2000).iterator()) {
            while (cursor.hasNext()) {
                Document d = cursor.next();
                String email = d.getString("emailKey");
                if (email == null) {
                    continue; // erased: none of the soak's
                }
                stored.add(email.toLowerCase(Locale.ROOT));
                if ("VERIFIED".equals(d.getString("status"))) {
                    verified.add(email);
                    if (Boolean.TRUE.equals(d.getBoolean("counts"))) {
                        counting++;
                    } else {
                        held++;
                    }
                }
            }
        }
        List<String> missing = accepted.stream().filter(a -> !stored.contains(a)).sorted().toList();
        List<String> notVerified = confirmed.stream().filter(a -> !verified.contains(a)).sorted().toList();
        List<String> unconfirmed = verified.stream().filter(a -> !confirmed.contains(a) && !unanswered.contains(a)).sorted()
                .toList();
        node.put("accepted", accepted.size());
        node.put("storedSignatures", stored.size());
        node.put("acceptedMissing", missing.size());
        node.set("acceptedMissingFirst", first(missing));
        node.put("confirmations", confirmed.size());
        node.put("verifiedInDatabase", verified.size());
        node.put("confirmedNotVerified", notVerified.size());
        node.set("confirmedNotVerifiedFirst", first(notVerified));
        node.put("confirmationsUnanswered", unanswered.size());
        node.put("verifiedNeverConfirmed", unconfirmed.size());
        node.set("verifiedNeverConfirmedFirst", first(unconfirmed));
        node.put("verifiedCounting", counting);
        node.put("verifiedHeldForReview", held);
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " accepted pledges are not in MongoDB, e.g. " + missing.get(0));
        }
        if (!notVerified.isEmpty() || !unconfirmed.isEmpty()) {
            problems.add("verified in MongoDB " + verified.size() + " but confirmations answered 'verified' " + confirmed.size()
                    + " (" + unanswered.size() + " unanswered): " + notVerified.size() + " confirmed not verified"
                    + (notVerified.isEmpty() ? "" : " e.g. " + notVerified.get(0)) + ", " + unconfirmed.size()
                    + " verified never confirmed" + (unconfirmed.isEmpty() ? "" : " e.g. " + unconfirmed.get(0)));
        }
        long shown = awaitCount(counting);
        node.put("countApiTotal", shown);
        if (shown != counting) {
            problems.add("the count API says " + shown + " but MongoDB has " + counting + " verified signatures that count");
        }
        return node;
    }

    /** The count is served from memory and follows the database by events: given up to 90 s to agree. */
    private long awaitCount(long expected) throws InterruptedException {
        URI count = URI.create(http.base() + "/api/campaigns/" + SignSimulation.SLUG + "/count");
        Instant deadline = Instant.now().plusSeconds(90);
        long shown = -1;
        while (Instant.now().isBefore(deadline)) {
            shown = http.get(count).map(SoakChecks::total).orElse(-1L);
            if (shown == expected) {
                return shown;
            }
            Thread.sleep(2000);
        }
        return shown;
    }

    private static long total(String body) {
        try {
            JsonNode json = RunReport.JSON.readTree(body);
            return json.path("total").asLong(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static ArrayNode first(List<String> values) {
        ArrayNode array = RunReport.JSON.createArrayNode();
        new ArrayList<>(values).stream().limit(10).forEach(array::add);
        return array;
    }

    /** Waits (bounded) until confirmations stop changing: the last mails may still be on their way. */
    static void settle(SoakConfirmations confirmations, SoakSigning signing, Duration bound) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        long last = -1;
        Instant lastChange = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            long now = confirmations.answered();
            if (now >= signing.acceptedCount()) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = Instant.now();
            } else if (Duration.between(lastChange, Instant.now()).toSeconds() > 60) {
                return;
            }
            Thread.sleep(2000);
        }
    }
}
