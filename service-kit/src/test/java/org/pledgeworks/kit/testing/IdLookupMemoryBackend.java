package org.pledgeworks.kit.testing;

import java.util.Collection;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's in-memory backend, planning as MongoDB does for a filter that names one {@code _id}
 * among other fields ({@code {_id, status, claim}}, a delivery's compare-and-set write): it reads that
 * document through the {@code _id} index, where the stock backend scans the collection unless an index
 * has exactly the filter's keys. The whole filter still decides what matches. embedded-mongo's server
 * does the same, and for {@code $and} too ({@code IdEquality}); without it notification-service's fan-out
 * tests' thousands of such writes each scan every delivery. The others' tests see no difference but speed.
 */
final class IdLookupMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new IdLookupCollection(this, collectionName, options, cursorRegistry);
            }
        };
    }

    private static final class IdLookupCollection extends MemoryCollection {

        IdLookupCollection(MemoryDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            // flat filters only, as the deliveries' claim-checked writes send them; $and is left to a scan
            Object id = query.size() == 1 ? null : plain(query.get(getIdField()));
            if (id != null) {
                Document byId = new Document(getIdField(), id);
                for (Index<Integer> index : getIndexes()) {
                    if (index.getKeys().size() == 1 && index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize,
                                fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        private static Object plain(Object id) {
            return id == null || id instanceof Document || id instanceof Collection<?> || id instanceof Pattern
                    || BsonRegularExpression.isRegularExpression(id) ? null : id;
        }
    }
}
