package org.pledgeworks.pledge.signatures;

/** A signature counts only once its signer has confirmed the email address. */
public enum SignatureStatus {
    PENDING, VERIFIED, WITHDRAWN
}
