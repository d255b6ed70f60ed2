package org.pledgeworks.campaign.system;

/**
 * A feature that keeps a person's address and forgets it on {@code signer-erased} ({@link SignerErasure}
 * calls each). Deleting twice must delete nothing more, so that a redelivery is harmless.
 */
public interface PersonErasure {

    /** @return what it deleted, for the log */
    long erase(String email);

    /** What it keeps, for the log: "interest(s) in opportunities". */
    String what();
}
