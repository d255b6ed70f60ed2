package org.pledgeworks.campaign.milestones;

import org.pledgeworks.campaign.milestones.Milestones.Progress;
import org.pledgeworks.campaign.staff.StaffMember;

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
    Progress milestones(StaffMember member, @PathVariable String id) {
        return milestones.progress(member, id);
    }
}
