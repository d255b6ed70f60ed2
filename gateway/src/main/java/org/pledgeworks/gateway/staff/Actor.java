package org.pledgeworks.gateway.staff;

import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who did something, as the staff events name them: the token's subject and name. */
record Actor(String accountId, String name) {

    static Actor of(Jwt token) {
        String name = token.getClaimAsString("name");
        return new Actor(token.getSubject(), name == null ? "" : name);
    }

    /** The token's {@code organisations} claim: organisation id to role. */
    static Map<String, Object> organisations(Jwt token) {
        Map<String, Object> organisations = token.getClaimAsMap("organisations");
        return organisations == null ? Map.of() : organisations;
    }
}
