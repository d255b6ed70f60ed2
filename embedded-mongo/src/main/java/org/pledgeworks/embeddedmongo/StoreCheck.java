package org.pledgeworks.embeddedmongo;

import java.nio.file.Path;
import java.util.TreeSet;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Reads every stored document once when the store opens, before the server accepts a connection.
 * A damaged store (a chunk compaction freed while read, a page that no longer decodes) then stops
 * the server at start with the database and collection named, instead of failing a request deep
 * inside H2 hours later, or, worse, failing only the requests that touch the damaged pages.
 */
final class StoreCheck {

    /** mongo-java-server's H2 backend keeps each collection's documents in a map of this prefix and "db.collection". */
    static final String DOCUMENTS_PREFIX = "databases.";

    private StoreCheck() {
    }

    /** @throws DamagedStoreException naming the first collection that cannot be read in full */
    static void verify(MVStore store, Path file) {
        for (String mapName : new TreeSet<>(store.getMapNames())) {
            if (!mapName.startsWith(DOCUMENTS_PREFIX)) {
                continue;
            }
            String namespace = mapName.substring(DOCUMENTS_PREFIX.length());
            int dot = namespace.indexOf('.');
            if (dot < 0) {
                continue; // not a collection: a database has no map of its own
            }
            try {
                MVMap<Object, Document> documents = store.openMap(mapName,
                        new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
                Cursor<Object, Document> cursor = documents.cursor(null);
                while (cursor.hasNext()) {
                    cursor.next();
                    if (cursor.getValue() == null) {
                        throw new IllegalStateException("a document with no content under _id " + cursor.getKey());
                    }
                }
            } catch (RuntimeException | AssertionError | StackOverflowError e) {
                throw new DamagedStoreException(file, namespace.substring(0, dot), namespace.substring(dot + 1), e);
            }
        }
    }
}
