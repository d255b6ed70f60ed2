package org.pledgeworks.notification.follow;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/notifications/follow}: the campaign by slug or id (one of them), the address, and
 * optionally a name and a locale (BCP 47) for the mails.
 */
public record FollowRequest(
        @Size(max = 120) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String campaignSlug,
        @Size(max = 120) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*") String campaignId,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String name,
        @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*") String locale) {
}
