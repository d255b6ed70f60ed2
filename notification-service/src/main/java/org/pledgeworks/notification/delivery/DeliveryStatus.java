package org.pledgeworks.notification.delivery;

/** queued → sending → sent | failed; sending → queued again after a transient failure or a dead claim. */
public enum DeliveryStatus {
    QUEUED, SENDING, SENT, FAILED
}
