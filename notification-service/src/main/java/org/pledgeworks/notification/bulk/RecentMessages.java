package org.pledgeworks.notification.bulk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * The bulk messages being sent lately, read once: a fan-out renders one message for every
 * subscriber, and what rendering reads of it (kind, campaign, variables, variants) never changes.
 */
@Component
class RecentMessages {

    private static final int KEPT = 32;

    private final BulkMessages messages;
    private final Map<String, Document> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
            return size() > KEPT;
        }
    };

    RecentMessages(BulkMessages messages) {
        this.messages = messages;
    }

    synchronized Optional<Document> find(String messageId) {
        return Optional.ofNullable(recent.computeIfAbsent(messageId, id -> messages.find(id).orElse(null)));
    }
}
