package org.pledgeworks.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path dir;

    @Test
    void dataAndUniqueIndexesSurviveARestart() {
        Path file = dir.resolve("mongo/pledgeworks.mv.db");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> signatures = signatures(client);
            signatures.createIndex(Indexes.ascending("campaignId", "email"), new IndexOptions().unique(true));
            signatures.insertOne(new Document("_id", "s-1").append("campaignId", "c-1").append("email", "ada@example.org"));
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> signatures = signatures(client);

            assertThat(signatures.find(new Document("_id", "s-1")).first()).containsEntry("email", "ada@example.org");
            assertThatThrownBy(() -> signatures.insertOne(
                    new Document("_id", "s-2").append("campaignId", "c-1").append("email", "ada@example.org")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
    }

    @Test
    void itListensWhereItIsToldAndAnswersPing() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dir.resolve("ping.mv.db"));
             MongoClient client = MongoClients.create(server.connectionString())) {

            assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(server.address().getPort()).isPositive();
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok", Number.class).doubleValue())
                    .isEqualTo(1.0);
        }
    }

    private static MongoCollection<Document> signatures(MongoClient client) {
        return client.getDatabase("pledgeworks-pledges").getCollection("signatures");
    }
}
