package org.pledgeworks.kit.mongo;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/** A MongoDB wire-protocol server in memory and a client of it, for one test: asked as a service asks its own. */
final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    InMemoryMongo() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    MongoCollection<Document> collection(String database, String name) {
        return client.getDatabase(database).getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
