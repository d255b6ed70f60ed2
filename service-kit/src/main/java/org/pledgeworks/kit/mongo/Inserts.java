package org.pledgeworks.kit.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * The insert that says whether it was the first: idempotent handlers and first-come races (two first
 * expressions of one interest, a redelivered event, a taken id) insert under a unique key and take a
 * duplicate key for "it exists already", never for an error.
 */
public final class Inserts {

    private Inserts() {
    }

    /**
     * @return false when a document with the same {@code _id} (or another unique key) exists; then nothing
     *         was written
     */
    public static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
