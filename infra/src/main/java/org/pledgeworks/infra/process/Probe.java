package org.pledgeworks.infra.process;

/**
 * One readiness check, asked again and again until it passes. A probe may hold a client (an
 * AdminClient, a MongoClient) across attempts, so it is closed when the wait is over.
 */
public interface Probe extends AutoCloseable {

    /** True when ready; false or an exception (kept as the last reason) when not yet. */
    boolean isReady() throws Exception;

    /** Where the probe looks, for messages: "127.0.0.1:9092", "http://127.0.0.1:8081/...". */
    String target();

    @Override
    default void close() {
    }
}
