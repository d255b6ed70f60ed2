package org.pledgeworks.infra.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The caught mail, newest first, in memory. Bounded, because a load test may push thousands of
 * mails through a catcher that runs with a small heap: the oldest make room.
 */
final class MessageStore {

    /** A caught message and the bytes it arrived as, for the raw view. */
    record Stored(CaughtMessage message, byte[] raw) {
    }

    private final int capacity;
    private final Deque<Stored> newestFirst = new ArrayDeque<>();
    private long lastId;

    MessageStore(int capacity) {
        this.capacity = capacity;
    }

    synchronized String nextId() {
        return Long.toString(++lastId);
    }

    synchronized void add(CaughtMessage message, byte[] raw) {
        newestFirst.addFirst(new Stored(message, raw));
        while (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }

    synchronized List<CaughtMessage> messages() {
        return newestFirst.stream().map(Stored::message).toList();
    }

    synchronized Optional<Stored> find(String id) {
        return newestFirst.stream().filter(stored -> stored.message().id().equals(id)).findFirst();
    }

    synchronized void clear() {
        newestFirst.clear();
    }
}
