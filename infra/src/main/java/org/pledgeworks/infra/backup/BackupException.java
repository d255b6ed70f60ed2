package org.pledgeworks.infra.backup;

/** A backup that cannot be written or a file that is not a complete backup; the message says which and why. */
public final class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
