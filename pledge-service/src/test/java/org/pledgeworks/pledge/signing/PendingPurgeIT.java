package org.pledgeworks.pledge.signing;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;

class PendingPurgeIT extends ServiceIT {

    @Autowired
    MongoDatabase database;

    @Autowired
    PendingPurge purge;

    @Test
    void signaturesNeverVerifiedInTimeArePurgedAndOthersStay() {
        String campaignId = "c-purge-" + UUID.randomUUID();
        Instant now = TestClock.now();
        Document stale = signature(campaignId, "PENDING").append("purgeAt", Date.from(now.minus(Duration.ofMinutes(1))));
        Document fresh = signature(campaignId, "PENDING").append("purgeAt", Date.from(now.plus(Duration.ofDays(1))));
        Document verified = signature(campaignId, "VERIFIED");
        database.getCollection(Signatures.COLLECTION).insertMany(List.of(stale, fresh, verified));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(database.getCollection(Signatures.COLLECTION).find(eq("campaignId", campaignId))
                .map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder(fresh.getString("_id"), verified.getString("_id"));
    }

    private static Document signature(String campaignId, String status) {
        String id = UUID.randomUUID().toString();
        return new Document("_id", id).append("campaignId", campaignId).append("emailKey", id + "@example.org")
                .append("country", "GB").append("status", status).append("createdAt", Date.from(TestClock.now()));
    }
}
