package org.pledgeworks.campaign.endorsements;

import static org.pledgeworks.campaign.system.HttpCaching.PUBLIC_MINUTE;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endorsers of a campaign, for its page and for anyone: each organisation's name, kind, logo and website
 * from the directory, its quote and since when. Never who clicked (a staff member's id stays with staff).
 */
@RestController
class EndorsementController {

    private final Endorsements endorsements;

    EndorsementController(Endorsements endorsements) {
        this.endorsements = endorsements;
    }

    @GetMapping("/api/campaigns/{slug}/endorsements")
    ResponseEntity<EndorsementList> list(@PathVariable @Size(max = 100) String slug) {
        Endorsements.Listing listing = endorsements.of(slug);
        List<PublicEndorsement> items = listing.endorsers().stream().map(PublicEndorsement::of).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE)
                .body(new EndorsementList(listing.campaign().slug(), listing.total(), items));
    }

    record EndorsementList(String slug, long total, List<PublicEndorsement> items) {
    }

    record PublicEndorsement(String organisationId, String name, String kind, String website, String logoUrl,
            String quote, Instant endorsedAt) {

        static PublicEndorsement of(Endorsements.Endorser e) {
            return new PublicEndorsement(e.organisation().organisationId(), e.organisation().name(),
                    e.organisation().kind(), e.organisation().website(), e.organisation().logoUrl(),
                    e.endorsement().quote(), e.endorsement().endorsedAt());
        }
    }
}
