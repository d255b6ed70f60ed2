package org.pledgeworks.infra.process;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

/** Ready when the real driver gets an answer to {@code ping}: what the services will do first. */
public final class MongoProbe implements Probe {

    private final String uri;
    private MongoClient client;

    public MongoProbe(String uri) {
        this.uri = uri;
    }

    @Override
    public boolean isReady() {
        if (client == null) {
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(uri))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1500, TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket.connectTimeout(1, TimeUnit.SECONDS))
                    .build());
        }
        Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
        return answer.get("ok", Number.class).doubleValue() == 1.0;
    }

    /** The URI without its password, for messages. */
    @Override
    public String target() {
        return redact(uri);
    }

    /** mongodb://user:secret@host → mongodb://user:***@host, so a URI can be printed. */
    public static String redact(String uri) {
        return uri.replaceFirst("^(mongodb(?:\\+srv)?://[^:/@]+):[^@/]*@", "$1:***@");
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
