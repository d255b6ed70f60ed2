package org.pledgeworks.pledge.signatures;

import java.util.UUID;

/**
 * An event a signature's change causes, published on topic {@code pledges} with the signature id as
 * key. Only {@link Signature} makes them, and only {@link Signatures} stores them, with the change.
 */
sealed interface SignatureEvent permits PledgeSigned, PledgeSignedAgain, PledgeVerified, PledgeWithdrawn,
        PledgeReleased {

    UUID eventId();

    /** The logical type on the wire (never a Java class name). */
    static String typeOf(SignatureEvent event) {
        if (event instanceof PledgeSigned) {
            return PledgeSigned.TYPE;
        }
        if (event instanceof PledgeSignedAgain) {
            return PledgeSignedAgain.TYPE;
        }
        if (event instanceof PledgeVerified) {
            return PledgeVerified.TYPE;
        }
        if (event instanceof PledgeWithdrawn) {
            return PledgeWithdrawn.TYPE;
        }
        return PledgeReleased.TYPE;
    }
}
