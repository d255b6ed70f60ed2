package org.pledgeworks.notification.subscribers;

/**
 * Published in-process once a person's subscriber data is erased ({@code signer-erased.v1}), so that
 * features holding more of their data (pending follow requests) drop it in the same event's handling.
 */
public record RecipientErased(String recipientId) {
}
