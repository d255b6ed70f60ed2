package org.pledgeworks.campaign.milestones;

import org.pledgeworks.campaign.milestones.Milestones.Progress;
import org.pledgeworks.campaign.staff.StaffMember;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Staff see the verified count this service keeps and which milestones have been announced. */
@RestController
class MilestoneController {

    private final Milestones milestones;

    MilestoneController(Milestones milestones) {
        this.milestones = milestones;
    }

    @GetMapping("/api/staff/campaigns/{id}/milestones")
    Progress milestones(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return milestones.progress(StaffMember.from(jwt), id);
    }
}
