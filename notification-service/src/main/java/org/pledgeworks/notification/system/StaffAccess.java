package org.pledgeworks.notification.system;

import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;

/** Object-level authorisation for staff: a campaign's data only for staff of its owning organisation. */
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

    /** 404 rather than 403: staff of other organisations learn nothing about the campaign. */
    public static void requireMember(Jwt jwt, String organisation) {
        if (organisation == null || !organisations(jwt).contains(organisation)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
