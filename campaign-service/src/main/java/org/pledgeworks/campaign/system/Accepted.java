package org.pledgeworks.campaign.system;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a double opt-in's first step (interest, RSVPs): always 202 with the same body, whoever
 * asks and whatever is stored for the address, so nobody learns from it who signed up.
 */
public record Accepted(String status, String message) {

    public static ResponseEntity<Accepted> pending(String message) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                .body(new Accepted("pending", message));
    }
}
