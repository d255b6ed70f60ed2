package org.pledgeworks.embeddedmongo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A collection whose scans hold on to the store version they read. H2 frees a chunk once no
 * version younger than its retention time (45 s) uses it; a scan of a large collection (a count
 * over a million subscriptions took longer than that) then reads a page the background
 * compaction has moved and freed, and fails with "Chunk … not found". Registering the version
 * keeps its chunks until the scan is done.
 *
 * <p>A query on a range of string {@code _id}s in {@code _id} order, with a batch size and no
 * projection or skip (a fan-out reading a campaign's subscriptions), is read batch by batch by an
 * {@link IdRangeCursor} instead of whole. Any other query that bounds {@code _id} by strings (with a
 * projection, a skip, or as the filter of a delete or an update) reads only the keys in its range:
 * mongo-java-server would scan the whole collection under its lock, and a sweep that goes through a
 * large collection slice by slice would hold every writer once per slice instead of once.
 *
 * <p>A query naming one {@code _id} among other fields reads that document only ({@link IdEquality}).
 *
 * <p>What a query matches is handed out as a copy: mongo-java-server updates a document it read in
 * place before it stores it again, and H2's background writer may be serializing that very object
 * at the time (with documents stored as BSON it failed on a ConcurrentModificationException, which
 * closed the store, in the first fan-out that tried). The stored objects are never changed.
 */
final class PinnedScanCollection extends H2Collection {

    private final MVMap<Object, Document> documents;
    private final MVStore store;

    PinnedScanCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
            MVStore store) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.documents = dataMap;
        this.store = store;
    }

    /**
     * A query that names one {@code _id} among other fields reads that document through the {@code _id}
     * index (the server's own planning would scan the collection: {@link IdEquality}).
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Optional<Object> id = IdEquality.of(query, getIdField());
        if (id.isPresent()) {
            Document byId = new Document(getIdField(), id.get());
            for (Index<Object> index : getIndexes()) {
                if (index.getKeys().size() == 1 && index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
            int batchSize, Document fieldSelector) {
        Optional<IdRange> range = IdRange.of(query, orderBy);
        boolean plain = numberToSkip == 0 && numberToReturn >= 0 && batchSize > 0
                && (fieldSelector == null || fieldSelector.isEmpty());
        boolean byId = range.isPresent() && "_id".equals(getIdField());
        if (byId && plain) {
            return inBatches(query, range.get(), numberToReturn, batchSize);
        }
        // the whole result is built before this returns (QueryResult holds documents, not a map cursor)
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            if (byId) {
                // only the range's keys, already in the order asked for
                return matchDocumentsFromStream(query, within(range.get()), numberToSkip, numberToReturn, batchSize,
                        null, fieldSelector);
            }
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        finally {
            store.deregisterVersionUsage(reading);
        }
    }

    /**
     * Positions already in the order asked for are read only up to the limit (the index path would read
     * and sort all of them first); the stream sorts nothing, so the answer is what a stable sort of the
     * same positions gives.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
            int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        if (limit > 0 && positions instanceof OrderedPositions ordered && ordered.answer(orderBy)) {
            Stream<Document> inOrder = StreamSupport.stream(ordered.spliterator(), false).map(this::getDocument);
            return matchDocumentsFromStream(query, inOrder, numberToSkip, limit, batchSize, null, fieldSelector);
        }
        return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
            int limit, int batchSize, Comparator<Document> documentComparator, Document fieldSelector) {
        // copied once matched (a shallow copy: updates replace top-level values, never change nested ones),
        // so a scan copies only what it returns
        Stream<Document> copies = documentStream.filter(document -> documentMatchesQuery(document, query))
                .map(Document::new);
        return super.matchDocumentsFromStream(query, copies, numberToSkip, limit, batchSize, documentComparator,
                fieldSelector);
    }

    private Stream<Document> within(IdRange range) {
        Cursor<Object, Document> keys = documents.cursor(range.from());
        // sequential, one key at a time through the pipeline: the value read is the key's just taken
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED), false)
                .takeWhile(key -> !range.endsBefore(key))
                .map(key -> keys.getValue());
    }

    private QueryResult inBatches(Document query, IdRange range, int limit, int batchSize) {
        IdRangeCursor cursor = new IdRangeCursor(cursorRegistry.generateCursorId(), documents, store, range,
                document -> documentMatchesQuery(document, query), limit);
        List<Document> first = cursor.takeDocuments(batchSize);
        if (cursor.isEmpty()) {
            return new QueryResult(first);
        }
        cursorRegistry.add(cursor);
        return new QueryResult(first, cursor);
    }
}
