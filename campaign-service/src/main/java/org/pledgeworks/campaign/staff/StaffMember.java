package org.pledgeworks.campaign.staff;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller of a staff endpoint, as the token says.
 *
 * @param id            the token's {@code sub}
 * @param name          display name, for "reviewed by" and the like
 * @param organisations organisation id → role; unknown roles are dropped, never guessed
 * @param platformRoles the token's {@code roles} claim: what an OIDC issuer grants across the platform
 *                      ({@code operator}), as service-kit's management lock reads it; empty for the gateway's tokens
 */
public record StaffMember(String id, String name, Map<String, Role> organisations, Set<String> platformRoles) {

    public static StaffMember from(Jwt jwt) {
        Map<String, Role> organisations = new LinkedHashMap<>();
        if (jwt.getClaims().get("organisations") instanceof Map<?, ?> claim) {
            claim.forEach((organisation, role) -> Role.parse(role)
                    .ifPresent(r -> organisations.put(String.valueOf(organisation), r)));
        }
        String name = jwt.getClaimAsString("name");
        Set<String> platformRoles = jwt.getClaims().get("roles") instanceof List<?> roles
                ? roles.stream().filter(String.class::isInstance).map(String.class::cast)
                        .collect(Collectors.toUnmodifiableSet())
                : Set.of();
        return new StaffMember(jwt.getSubject(), name == null ? jwt.getSubject() : name, Map.copyOf(organisations),
                platformRoles);
    }

    /** The strongest role this member has in any of the given organisations (a campaign's owner and partners). */
    public Optional<Role> roleOn(Collection<String> campaignOrganisations) {
        return campaignOrganisations.stream()
                .map(organisations::get)
                .filter(java.util.Objects::nonNull)
                .max(Enum::compareTo);
    }

    public Optional<Role> roleIn(String organisation) {
        return Optional.ofNullable(organisations.get(organisation));
    }
}
