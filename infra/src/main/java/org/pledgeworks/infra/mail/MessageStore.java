package org.pledgeworks.infra.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /**
     * Per envelope recipient (lower case), the Message-ID of every mail received, in order. Not bounded
     * by the capacity: a fault test checks that each of 10,000 recipients got its mail exactly once, and
     * a resend after a crash shows as the same Message-ID twice. A few dozen bytes a mail; emptied with
     * the inbox (the bench empties it every 10 s).
     */
    private final Map<String, List<String>> receivedBy = new LinkedHashMap<>();
    private long lastId;

    MessageStore(int capacity) {
        this.capacity = capacity;
    }

    synchronized String nextId() {
        return Long.toString(++lastId);
    }

    synchronized void add(CaughtMessage message, byte[] raw) {
        newestFirst.addFirst(new Stored(message, raw));
        String messageId = header(message, "Message-ID").orElse("<no Message-ID: mail " + message.id() + ">");
        message.to().forEach(to -> receivedBy.computeIfAbsent(to.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                .add(messageId));
        while (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }

    synchronized List<CaughtMessage> messages() {
        return newestFirst.stream().map(Stored::message).toList();
    }

    /** Each recipient's received Message-IDs, since the inbox was last emptied, also those the capacity dropped. */
    synchronized Map<String, List<String>> receivedBy() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        receivedBy.forEach((to, ids) -> copy.put(to, List.copyOf(ids)));
        return copy;
    }

    synchronized Optional<Stored> find(String id) {
        return newestFirst.stream().filter(stored -> stored.message().id().equals(id)).findFirst();
    }

    synchronized void clear() {
        newestFirst.clear();
        receivedBy.clear();
    }

    private static Optional<String> header(CaughtMessage message, String name) {
        return message.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }
}
