package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgeworks.embeddedmongo.EmbeddedMongoServer;

/**
 * {@code ./pledgeworks backup} and {@code restore} on a temporary data directory: a backup taken
 * while the stack runs (through its MongoDB) and one taken while it is stopped (the store opened just
 * for the dump) both bring the data back as it was at backup time, unique index included; restore
 * refuses while the stack runs and refuses a cut-off file without touching the store.
 */
class BackupRestoreIT {

    private static final Path HOME = StackConfig.findHome();

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aBackupTakenWhileTheStackRunsRestoresTheDataOfThatMoment() throws Exception {
        Path backup = data.resolve("backups/while-running.jsonl.gz");
        StackConfig config = StackConfig.defaults(HOME).withDataDir(data.resolve("stack")).withFreePorts()
                .withInfraOnly(true).withStartTimeout(Duration.ofSeconds(120));
        List<Document> atBackup;
        try (LocalStack stack = new LocalStack(config, line -> System.out.println("[stack] " + line))) {
            Endpoints endpoints = stack.start();
            try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
                seed(mongo);
                atBackup = signatures(mongo);
            }

            assertThat(run(config, "backup", backup.toString())).as(err()).isZero();
            assertThat(out()).contains("the stack is running").contains("2 collections, 3 documents");

            assertThat(run(config, "restore", backup.toString())).isEqualTo(2);
            assertThat(err()).startsWith("the stack is running on ").contains("stop it first");

            try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
                change(mongo);
            }
        }

        assertThat(run(config, "restore", backup.toString())).as(err()).isZero();
        assertThat(out()).contains("restored").contains("2 collections, 3 documents");

        withStore(config.mongoStoreFile(), mongo -> {
            assertThat(signatures(mongo)).isEqualTo(atBackup);
            assertUniqueEmailIndex(mongo);
        });
        try (Stream<Path> aside = Files.list(config.dataDir())) {
            Path before = aside.filter(p -> p.getFileName().toString().startsWith("mongo.before-restore-")).findFirst()
                    .orElseThrow();
            withStore(before.resolve("pledgeworks.mv.db"),
                    mongo -> assertThat(signatures(mongo)).extracting(doc -> doc.getString("_id")).containsExactly("s-1", "s-3"));
        }
    }

    @Test
    void aBackupOfAStoppedStackRestoresAndACutOffFileChangesNothing() throws Exception {
        StackConfig config = StackConfig.defaults(HOME).withDataDir(data.resolve("stack")).withFreePorts();
        List<Document> atBackup = new ArrayList<>();
        withStore(config.mongoStoreFile(), mongo -> {
            seed(mongo);
            atBackup.addAll(signatures(mongo));
        });

        assertThat(run(config, "backup")).as(err()).isZero();
        assertThat(out()).contains("the stack is stopped");
        Path backup;
        try (Stream<Path> files = Files.list(config.dataDir().resolve("backups"))) {
            backup = files.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).findFirst().orElseThrow();
        }
        withStore(config.mongoStoreFile(), BackupRestoreIT::change);

        // a file cut off before its end is refused, and the store stays as it is
        Path cutOff = data.resolve("cut-off.jsonl.gz");
        cutOff(backup, cutOff);
        assertThat(run(config, "restore", cutOff.toString())).isEqualTo(1);
        assertThat(err()).contains("incomplete");
        withStore(config.mongoStoreFile(),
                mongo -> assertThat(signatures(mongo)).extracting(doc -> doc.getString("_id")).containsExactly("s-1", "s-3"));

        assertThat(run(config, "restore", backup.toString())).as(err()).isZero();
        withStore(config.mongoStoreFile(), mongo -> {
            assertThat(signatures(mongo)).isEqualTo(atBackup);
            assertUniqueEmailIndex(mongo);
        });
    }

    /** Two collections, with a long, a date, a nested document and a unique index. */
    private static void seed(MongoClient mongo) {
        MongoDatabase pledges = mongo.getDatabase("pledgeworks-pledges");
        MongoCollection<Document> signatures = pledges.getCollection("signatures");
        signatures.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email_unique"));
        signatures.insertOne(new Document("_id", "s-1").append("email", "ada@example.org").append("count", 1L)
                .append("signedAt", new Date(1_700_000_000_000L)).append("address", new Document("country", "DE")));
        signatures.insertOne(new Document("_id", "s-2").append("email", "bob@example.org").append("count", 2L));
        mongo.getDatabase("pledgeworks-campaigns").getCollection("campaigns")
                .insertOne(new Document("_id", "c-1").append("title", "Fair phones"));
    }

    /** After the backup: one removed, one added, one changed. */
    private static void change(MongoClient mongo) {
        MongoCollection<Document> signatures = mongo.getDatabase("pledgeworks-pledges").getCollection("signatures");
        signatures.deleteOne(new Document("_id", "s-2"));
        signatures.insertOne(new Document("_id", "s-3").append("email", "cy@example.org"));
        signatures.updateOne(new Document("_id", "s-1"), new Document("$set", new Document("count", 99L)));
    }

    private static List<Document> signatures(MongoClient mongo) {
        return mongo.getDatabase("pledgeworks-pledges").getCollection("signatures").find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    private static void assertUniqueEmailIndex(MongoClient mongo) {
        MongoCollection<Document> signatures = mongo.getDatabase("pledgeworks-pledges").getCollection("signatures");
        assertThat(signatures.listIndexes().into(new ArrayList<>()))
                .anyMatch(index -> index.getString("name").equals("email_unique") && index.getBoolean("unique", false));
        // and it is enforced, not only listed
        try {
            signatures.insertOne(new Document("_id", "s-9").append("email", "ada@example.org"));
            throw new AssertionError("a second ada@example.org was accepted");
        } catch (com.mongodb.MongoWriteException expected) {
            assertThat(expected.getError().getCode()).isEqualTo(11000);
        }
    }

    private static void withStore(Path file, Consumer<MongoClient> work) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(StackConfig.HOST, 0, file);
                MongoClient mongo = MongoClients.create(server.connectionString())) {
            work.accept(mongo);
        }
    }

    /** The backup without its last line, as a copy cut short by a full disk would be. */
    private static void cutOff(Path backup, Path target) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(backup))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutEnd = text.substring(0, text.lastIndexOf("{\"end\""));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(target))) {
            gz.write(withoutEnd.getBytes(StandardCharsets.UTF_8));
        }
    }

    private int run(StackConfig config, String... args) {
        out.reset();
        err.reset();
        Map<String, String> env = new HashMap<>();
        env.put(StackConfig.DATA_DIR, config.dataDir().toString());
        env.put(StackConfig.MONGO_PORT, Integer.toString(config.ports().mongo()));
        return Launcher.run(args, env, HOME, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
