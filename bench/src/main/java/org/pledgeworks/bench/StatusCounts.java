package org.pledgeworks.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Answers counted by HTTP status: the soak's requests that did not get the status they wanted. */
final class StatusCounts {

    private final Map<Integer, AtomicLong> counts = new ConcurrentHashMap<>();

    void add(int status) {
        counts.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** {@code {"503": 21, ...}} under {@code name}. */
    void writeTo(ObjectNode node, String name) {
        ObjectNode byStatus = node.putObject(name);
        counts.forEach((status, count) -> byStatus.put(Integer.toString(status), count.get()));
    }
}
