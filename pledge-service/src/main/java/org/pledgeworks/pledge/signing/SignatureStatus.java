package org.pledgeworks.pledge.signing;

/** A signature counts only once its signer has confirmed the email address. */
public enum SignatureStatus {
    PENDING, VERIFIED, WITHDRAWN
}
