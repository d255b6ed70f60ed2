package org.pledgeworks.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged store stops the server at start, naming the database and collection and the way back. */
class StoreCheckTest {

    @TempDir
    Path dir;

    @Test
    void aCollectionThatCannotBeReadIsNamedAtStart() {
        Path file = dir.resolve("mongo/pledgeworks.mv.db");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("pledgeworks-campaigns").getCollection("campaigns").insertOne(new Document("_id", "c-1"));
            client.getDatabase("pledgeworks-pledges").getCollection("signatures").insertOne(new Document("_id", "s-1"));
        }
        damage(file, "databases.pledgeworks-pledges.signatures");

        assertThatThrownBy(() -> EmbeddedMongoServer.start("127.0.0.1", 0, file).close())
                .isInstanceOfSatisfying(DamagedStoreException.class, e -> {
                    assertThat(e.database()).isEqualTo("pledgeworks-pledges");
                    assertThat(e.collection()).isEqualTo("signatures");
                    assertThat(e.getMessage())
                            .startsWith("the MongoDB store " + file + " is damaged: database 'pledgeworks-pledges',"
                                    + " collection 'signatures' cannot be read")
                            .contains("./pledgeworks restore");
                });
    }

    @Test
    void aHealthyStoreOpensWithEveryDocument() {
        Path file = dir.resolve("mongo/pledgeworks.mv.db");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            for (int i = 0; i < 2_000; i++) {
                client.getDatabase("pledgeworks-pledges").getCollection("signatures").insertOne(new Document("_id", "s-" + i));
            }
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("pledgeworks-pledges").getCollection("signatures").countDocuments()).isEqualTo(2_000);
        }
    }

    /** One stored value that is not a document: what a page H2 no longer decodes looks like to a reader. */
    private static void damage(Path file, String map) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        try {
            MVMap<Object, byte[]> documents = store.openMap(map, new MVMap.Builder<Object, byte[]>().valueType(new RawBytes()));
            // BsonDocumentType's tag, a BSON length of 12, then an element of a type BSON does not have
            documents.put("s-broken", new byte[] {(byte) 0xBD, 12, 0, 0, 0, 0x55, 'x', 0, 1, 2, 3, 4, 0});
            store.commit();
        } finally {
            store.close();
        }
    }

    private static final class RawBytes extends BasicDataType<byte[]> {

        @Override
        public int getMemory(byte[] value) {
            return value.length;
        }

        @Override
        public void write(WriteBuffer buffer, byte[] value) {
            buffer.put(value);
        }

        /** The values already there, as BsonDocumentType framed them: its tag, then BSON, which starts with its length. */
        @Override
        public byte[] read(ByteBuffer buffer) {
            int at = buffer.position() + 1;
            int length = buffer.get(at) & 0xff | (buffer.get(at + 1) & 0xff) << 8 | (buffer.get(at + 2) & 0xff) << 16
                    | (buffer.get(at + 3) & 0xff) << 24;
            byte[] value = new byte[1 + length];
            buffer.get(value);
            return value;
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }
}
