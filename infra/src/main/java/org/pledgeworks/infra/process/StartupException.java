package org.pledgeworks.infra.process;

/**
 * Something did not start or did not become ready. The message is written for the person at the
 * terminal (what failed, where its log is), so callers print it without a stack trace.
 */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
