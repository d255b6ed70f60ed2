package org.pledgeworks.infra.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * A backup of every database and collection as one gzip'd file of extended-JSON lines, read and
 * written through the MongoDB driver, so the same file comes from the embedded store or a real
 * MongoDB and loads into either. Canonical extended JSON keeps every BSON type (a long stays a long,
 * a date a date). Lines, in order:
 *
 * <pre>
 * {"format": "pledgeworks-backup", "version": 1, "createdAt": "..."}
 * {"collection": {"db": "...", "name": "...", "indexes": [ index specs but _id's ]}}
 * {"document": { ... }}                      every document of the collection above
 * ...
 * {"end": {"collections": N, "documents": M}}
 * </pre>
 *
 * The closing line is how a load tells a complete file from a cut-off one: a file without it is
 * refused before anything is swapped in.
 */
public final class BackupArchive {

    public static final String FORMAT = "pledgeworks-backup";

    /** MongoDB's own databases: never ours to back up or restore. */
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private static final int BATCH = 500;

    /** What a file holds. */
    public record Summary(int collections, long documents) {
    }

    private BackupArchive() {
    }

    /** Writes every collection of every non-system database to {@code file} (through a temporary file, so a failed dump leaves no half file). */
    public static Summary write(MongoClient mongo, Path file, Instant createdAt) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        int collections = 0;
        long documents = 0;
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(partial)), StandardCharsets.UTF_8))) {
                line(out, new BsonDocument("format", new BsonString(FORMAT)).append("version", new BsonInt32(1))
                        .append("createdAt", new BsonString(createdAt.toString())));
                for (String dbName : mongo.listDatabaseNames()) {
                    if (SYSTEM_DATABASES.contains(dbName)) {
                        continue;
                    }
                    MongoDatabase db = mongo.getDatabase(dbName);
                    for (String name : db.listCollectionNames()) {
                        if (name.startsWith("system.")) {
                            continue; // the server's own, made again by it
                        }
                        MongoCollection<BsonDocument> collection = db.getCollection(name, BsonDocument.class);
                        BsonArray indexes = new BsonArray();
                        for (BsonDocument index : collection.listIndexes(BsonDocument.class)) {
                            if (!"_id_".equals(index.getString("name", new BsonString("")).getValue())) {
                                index.remove("v");
                                index.remove("ns");
                                indexes.add(index);
                            }
                        }
                        line(out, new BsonDocument("collection", new BsonDocument("db", new BsonString(dbName))
                                .append("name", new BsonString(name)).append("indexes", indexes)));
                        collections++;
                        // in _id order: the embedded store reads a collection that way batch by batch
                        try (MongoCursor<BsonDocument> cursor = collection.find().sort(new BsonDocument("_id", new BsonInt32(1)))
                                .batchSize(BATCH).iterator()) {
                            while (cursor.hasNext()) {
                                line(out, new BsonDocument("document", cursor.next()));
                                documents++;
                            }
                        }
                    }
                }
                line(out, new BsonDocument("end", new BsonDocument("collections", new BsonInt32(collections))
                        .append("documents", new BsonInt64(documents))));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(collections, documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a leftover .partial is only clutter
            }
        }
    }

    /**
     * Loads {@code file} into {@code mongo}, which should be empty: indexes first (a unique index
     * then guards the load itself), then the documents in batches.
     *
     * @throws BackupException when the file is not a complete backup
     */
    public static Summary load(Path file, MongoClient mongo) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            BsonDocument header = parse(in.readLine(), file, 1);
            if (!FORMAT.equals(header.getString("format", new BsonString("")).getValue())) {
                throw new BackupException(file + " is not a Pledgeworks backup (no '" + FORMAT + "' header)");
            }
            MongoCollection<BsonDocument> current = null;
            List<BsonDocument> batch = new ArrayList<>();
            int collections = 0;
            long documents = 0;
            long lineNumber = 1;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                lineNumber++;
                BsonDocument line = parse(text, file, lineNumber);
                if (line.containsKey("document")) {
                    if (current == null) {
                        throw new BackupException(file + ", line " + lineNumber + ": a document before any collection");
                    }
                    batch.add(line.getDocument("document"));
                    documents++;
                    if (batch.size() == BATCH) {
                        current.insertMany(batch);
                        batch.clear();
                    }
                } else if (line.containsKey("collection")) {
                    flush(current, batch);
                    current = create(mongo, line.getDocument("collection"));
                    collections++;
                } else if (line.containsKey("end")) {
                    flush(current, batch);
                    BsonDocument end = line.getDocument("end");
                    if (end.getNumber("collections").intValue() != collections
                            || end.getNumber("documents").longValue() != documents) {
                        throw new BackupException(file + " says it holds " + end.toJson() + " but has " + collections
                                + " collections and " + documents + " documents");
                    }
                    return new Summary(collections, documents);
                } else {
                    throw new BackupException(file + ", line " + lineNumber + ": unknown line " + abbreviate(text));
                }
            }
            throw new BackupException(file + " ends before its closing line: the backup is incomplete");
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MongoCollection<BsonDocument> create(MongoClient mongo, BsonDocument spec) {
        MongoDatabase db = mongo.getDatabase(spec.getString("db").getValue());
        String name = spec.getString("name").getValue();
        db.createCollection(name);
        BsonArray indexes = spec.getArray("indexes", new BsonArray());
        if (!indexes.isEmpty()) {
            db.runCommand(new BsonDocument("createIndexes", new BsonString(name)).append("indexes", indexes));
        }
        return db.getCollection(name, BsonDocument.class);
    }

    private static void flush(MongoCollection<BsonDocument> collection, List<BsonDocument> batch) {
        if (collection != null && !batch.isEmpty()) {
            collection.insertMany(batch);
            batch.clear();
        }
    }

    private static void line(BufferedWriter out, BsonDocument document) throws IOException {
        out.write(document.toJson(JSON));
        out.write('\n');
    }

    private static BsonDocument parse(String text, Path file, long lineNumber) {
        if (text == null) {
            throw new BackupException(file + " is empty");
        }
        try {
            return BsonDocument.parse(text);
        } catch (RuntimeException e) {
            throw new BackupException(file + ", line " + lineNumber + " is not extended JSON: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
