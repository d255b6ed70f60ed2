package org.pledgeworks.pledge.signatures;

import java.net.URI;
import java.time.Instant;

/** The signed links a signature's mail events carry, made fresh for each event. */
public record MailLinks(URI verificationUrl, Instant verificationExpiresAt, URI withdrawUrl) {
}
