package org.pledgeworks.embeddedmongo;

import java.nio.file.Path;

/** The store opened, but a collection in it cannot be read: the message names it and the way back. */
public final class DamagedStoreException extends RuntimeException {

    private final String database;
    private final String collection;

    DamagedStoreException(Path file, String database, String collection, Throwable cause) {
        super("the MongoDB store " + file + " is damaged: database '" + database + "', collection '" + collection
                + "' cannot be read (" + cause + "). Put a backup back with ./pledgeworks restore <file>"
                + " (the damaged store is kept aside), or move " + file.toAbsolutePath().getParent()
                + " away to start with an empty one.", cause);
        this.database = database;
        this.collection = collection;
    }

    public String database() {
        return database;
    }

    public String collection() {
        return collection;
    }
}
