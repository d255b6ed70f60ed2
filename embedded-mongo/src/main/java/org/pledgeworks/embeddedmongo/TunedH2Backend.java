package org.pledgeworks.embeddedmongo;

import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with the changes its profile under load asked for (see
 * docs/benchmarks.md): documents stored as BSON rather than Java-serialized ({@link BsonDocumentType}),
 * unique indexes ordered without serializing keys ({@link KeyValueOrder}),
 * sparse indexes where it has none ({@link SparseOrderedIndex}), scans that keep the chunks they
 * read and {@code _id} ranges read batch by batch ({@link PinnedScanCollection}), and a page cache large
 * enough that collection scans read deserialized pages instead of deserializing them again from
 * the file.
 *
 * <p>Index maps get a new name ({@code ._ordered_index_}): a file written before keeps its data,
 * its old index maps are removed and the new ones are built from the documents when the
 * collection is opened (mongo-java-server fills an empty index from the collection).
 */
final class TunedH2Backend extends H2Backend {

    /** MiB of deserialized pages H2 keeps (its default is 16). */
    static final int PAGE_CACHE_MIB = 256;

    /** The file opened without {@link StoreCheck}: for tests of the backend itself. */
    TunedH2Backend(String fileName) {
        this(openStore(Path.of(fileName)));
    }

    private TunedH2Backend(MVStore store) {
        super(store);
    }

    private static MVStore openStore(Path file) {
        return new MVStore.Builder().fileName(file.toAbsolutePath().toString()).cacheSize(PAGE_CACHE_MIB).open();
    }

    /**
     * Opens the file and reads every collection once ({@link StoreCheck}) before the backend opens
     * its databases, which already reads documents to fill empty indexes.
     *
     * @throws DamagedStoreException when a collection cannot be read (the file is closed again)
     */
    static TunedH2Backend open(Path file) {
        MVStore store = openStore(file);
        try {
            StoreCheck.verify(store, file);
        } catch (DamagedStoreException e) {
            store.closeImmediately(); // nothing of it is written back
            throw e;
        }
        return new TunedH2Backend(store);
    }

    /**
     * Every command runs with the store version it started on registered as in use. H2 frees a dead chunk
     * once it is older than its retention (45 s from when the chunk was written) and no registered reader
     * needs it, keeping only the last five versions otherwise; the store commits about ten versions a second
     * under load, so a write that lost the CPU for half a second between taking a map's root and reading
     * a page met a freed chunk: {@code MVStoreException: Chunk … not found} (the soak, docs/benchmarks.md),
     * and a document written without its index entry. H2's own TransactionStore registers its readers the
     * same way; mongo-java-server's backend used the maps bare.
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        MVStore store = getMvStore();
        MVStore.TxCounter inUse = store.registerVersionUsage();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            store.deregisterVersionUsage(inUse);
        }
    }

    /** The legacy OP_QUERY path (old drivers, the handshake), held like {@link #handleCommand}. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore store = getMvStore();
        MVStore.TxCounter inUse = store.registerVersionUsage();
        try {
            return super.handleQuery(query);
        } finally {
            store.deregisterVersionUsage(inUse);
        }
    }

    /** Opening a database fills empty indexes from the documents, a long read while compaction runs: held too. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore();
        MVStore.TxCounter inUse = store.registerVersionUsage();
        try {
            return new OrderedIndexDatabase(databaseName);
        } finally {
            store.deregisterVersionUsage(inUse);
        }
    }

    /**
     * An inner class on purpose: H2Database opens the indexes from its constructor, before a field
     * of a subclass could be set, and the outer backend (whose store is set by then) is reachable.
     */
    private final class OrderedIndexDatabase extends H2Database {

        OrderedIndexDatabase(String databaseName) {
            super(databaseName, TunedH2Backend.this.getMvStore(), TunedH2Backend.this.getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = TunedH2Backend.this.getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            // the stock backend's map names: a file it wrote opens here, its documents read as they are
            // and stored as BSON once they change (a file written here needs this backend)
            MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new PinnedScanCollection(this, collectionName, options, documents, meta,
                    TunedH2Backend.this.getCursorRegistry(), store);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            MVStore store = TunedH2Backend.this.getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            String unordered = namespace + "._index_" + indexName;
            if (store.hasMap(unordered)) {
                // removeMap(name) would open it with H2's generic key type, which cannot compare:
                // the background compaction rewriting its pages meanwhile closes the whole store
                store.removeMap(store.openMap(unordered));
            }
            MVMap<KeyValue, Object> positions = store.openMap(orderedMapName(namespace, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueOrder()));
            return new OrderedUniqueIndex(positions, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            if (!sparse) {
                return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, false);
            }
            MVMap<KeyValue, Object> entries = TunedH2Backend.this.getMvStore().openMap(
                    sparseMapName(getFullCollectionNamespace(collectionName), indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueOrder()));
            return new SparseOrderedIndex(entries, indexName, keys);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            MVStore store = TunedH2Backend.this.getMvStore();
            String namespace = getFullCollectionNamespace(collection.getCollectionName());
            // each index has opened its map, so removeMap(name) finds it with its key type
            for (String map : List.of(orderedMapName(namespace, indexName), sparseMapName(namespace, indexName))) {
                if (store.hasMap(map)) {
                    store.removeMap(map);
                }
            }
        }
    }

    private static String orderedMapName(String namespace, String indexName) {
        return namespace + "._ordered_index_" + indexName;
    }

    private static String sparseMapName(String namespace, String indexName) {
        return namespace + "._sparse_index_" + indexName;
    }
}
