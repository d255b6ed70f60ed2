package org.pledgeworks.pledge.signatures;

import java.time.Instant;
import java.util.List;

/**
 * What one change of a signature leads to: its state after, the events it causes and when. The
 * repository writes all of it in one write, with the count op when whether it counts changed.
 */
public record Transition(Signature after, List<SignatureEvent> events, Instant at) {

    public Transition {
        events = List.copyOf(events);
    }
}
