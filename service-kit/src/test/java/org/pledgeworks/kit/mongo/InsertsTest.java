package org.pledgeworks.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InsertsTest {

    private InMemoryMongo mongo;
    private MongoCollection<Document> things;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        things = mongo.collection("kit", "things");
        things.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void theFirstInsertWritesAndARepeatOfItsIdOrUniqueKeyWritesNothing() {
        assertThat(Inserts.insertIfAbsent(things, new Document("_id", "a").append("slug", "one").append("v", 1)))
                .isTrue();

        assertThat(Inserts.insertIfAbsent(things, new Document("_id", "a").append("slug", "other").append("v", 2)))
                .isFalse();
        assertThat(Inserts.insertIfAbsent(things, new Document("_id", "b").append("slug", "one").append("v", 3)))
                .isFalse();
        assertThat(things.find().into(new ArrayList<>()))
                .containsExactly(new Document("_id", "a").append("slug", "one").append("v", 1));
    }
}
