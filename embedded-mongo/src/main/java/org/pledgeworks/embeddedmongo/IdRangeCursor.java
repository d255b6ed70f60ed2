package org.pledgeworks.embeddedmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Reads the documents of an {@link IdRange} from H2's map of the documents, which is ordered by
 * {@code _id}, one batch per request: each batch seeks to the key after the last one looked at.
 * mongo-java-server would match, sort and keep every document of the range before sending the
 * first; a fan-out to a million subscriptions needed more heap than the embedded server has.
 *
 * <p>Like a MongoDB cursor, it does not read one snapshot: a document written ahead of the cursor
 * while it is open is read, one behind it is not. Each batch keeps the store version it reads until
 * it is done (see {@link PinnedScanCollection}), none is kept between batches.
 */
final class IdRangeCursor extends AbstractCursor {

    /** What a getMore without a batch size gets (MongoDB caps it at 16 MiB instead). */
    private static final int DEFAULT_BATCH = 1000;

    private final MVMap<Object, Document> documents;
    private final MVStore store;
    private final IdRange range;
    private final Predicate<Document> matches;
    private long left;
    private String position;
    private boolean positionRead;
    private Document ahead;
    private boolean exhausted;

    /** @param limit the most documents to return over all batches, or 0 for no limit */
    IdRangeCursor(long id, MVMap<Object, Document> documents, MVStore store, IdRange range,
            Predicate<Document> matches, int limit) {
        super(id);
        this.documents = documents;
        this.store = store;
        this.range = range;
        this.matches = matches;
        this.left = limit > 0 ? limit : Long.MAX_VALUE;
        this.position = range.from();
    }

    @Override
    public synchronized boolean isEmpty() {
        return ahead == null && exhausted;
    }

    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        int wanted = (int) Math.min(numberToReturn > 0 ? numberToReturn : DEFAULT_BATCH, left);
        List<Document> batch = new ArrayList<>(Math.min(wanted, DEFAULT_BATCH));
        if (ahead != null && wanted > 0) {
            batch.add(ahead);
            ahead = null;
        }
        if (!exhausted) {
            // one document beyond the batch is read ahead, so that isEmpty knows without another scan
            readInto(batch, wanted);
        }
        left -= batch.size();
        if (left == 0) {
            ahead = null;
            exhausted = true;
        }
        return batch;
    }

    private void readInto(List<Document> batch, int wanted) {
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            Cursor<Object, Document> keys = documents.cursor(position);
            while (keys.hasNext()) {
                Object key = keys.next();
                if (positionRead && key.equals(position)) {
                    continue;
                }
                if (range.endsBefore(key)) {
                    break;
                }
                position = (String) key;
                positionRead = true;
                Document document = keys.getValue();
                if (!matches.test(document)) {
                    continue;
                }
                if (batch.size() < wanted) {
                    batch.add(document);
                } else {
                    ahead = document;
                    return;
                }
            }
            exhausted = true;
        }
        finally {
            store.deregisterVersionUsage(reading);
        }
    }
}
