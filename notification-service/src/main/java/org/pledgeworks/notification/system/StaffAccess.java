package org.pledgeworks.notification.system;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;

/** Object-level authorisation for staff: a campaign's data only for staff of the organisations running it. */
public final class StaffAccess {

    private StaffAccess() {
    }

    public static Set<String> organisations(Jwt jwt) {
        Object claim = jwt.getClaims().get("organisations");
        return claim instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.toSet()) : Set.of();
    }

    /** The role (e.g. admin, editor) the token gives in this organisation; null when none. */
    public static String roleIn(Jwt jwt, String organisation) {
        Object claim = jwt.getClaims().get("organisations");
        return claim instanceof Map<?, ?> map && organisation != null && map.get(organisation) != null
                ? String.valueOf(map.get(organisation)) : null;
    }

    /** Whether the token gives one of these roles in at least one of these organisations. */
    public static boolean hasRoleInAny(Jwt jwt, Collection<String> organisations, Set<String> roles) {
        return organisations.stream().map(o -> roleIn(jwt, o)).filter(java.util.Objects::nonNull)
                .anyMatch(roles::contains);
    }

    /**
     * 404 rather than 403: staff of other organisations learn nothing about the campaign.
     *
     * @param organisations the campaign's owner and partners; empty when the campaign is unknown
     */
    public static void requireMemberOfAny(Jwt jwt, Collection<String> organisations) {
        Set<String> mine = organisations(jwt);
        if (organisations.stream().noneMatch(mine::contains)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
