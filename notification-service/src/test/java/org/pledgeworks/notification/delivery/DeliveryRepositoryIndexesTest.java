package org.pledgeworks.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestInfrastructure;

class DeliveryRepositoryIndexesTest {

    @Test
    void aDatabaseWithTheOldIndexesGetsTheSparseQueueOnesAndLosesTheCompareAndSetKeys() {
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri())) {
            MongoDatabase database = client.getDatabase("indexes-" + UUID.randomUUID());
            MongoCollection<Document> deliveries = database.getCollection(DeliveryRepository.COLLECTION);
            deliveries.createIndex(Indexes.ascending("status", "nextAttemptAt"));
            deliveries.createIndex(Indexes.ascending("status", "claimedAt"));
            deliveries.createIndex(Indexes.ascending("_id", "status", "claim"), new IndexOptions().unique(true).name("cas_claim"));
            deliveries.createIndex(Indexes.ascending("_id", "status", "nextAttemptAt"),
                    new IndexOptions().unique(true).name("cas_due"));

            new DeliveryRepository(database);
            new DeliveryRepository(database); // a second start finds nothing left to drop

            Map<String, Document> indexes = new HashMap<>();
            deliveries.listIndexes().forEach(index -> indexes.put(index.getString("name"), index));
            assertThat(indexes).doesNotContainKeys("status_1_nextAttemptAt_1", "status_1_claimedAt_1", "cas_claim", "cas_due")
                    .containsKeys("queue_due", "queue_claimed");
            assertThat(indexes.get("queue_due").get("key", Document.class)).isEqualTo(new Document("nextAttemptAt", 1));
            assertThat(indexes.get("queue_due").getBoolean("sparse")).isTrue();
            assertThat(indexes.get("queue_claimed").getBoolean("sparse")).isTrue();
        }
    }
}
