package org.pledgeworks.campaign.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;

import org.springframework.security.oauth2.jwt.Jwt;

class StaffMemberTest {

    @Test
    void rolesComeFromTheOrganisationsClaimAndUnknownRolesAreDropped() {
        StaffMember member = StaffMember.from(jwt(Map.of("a", "admin", "b", "viewer", "c", "owner", "d", 7)));

        assertThat(member.organisations()).containsOnly(Map.entry("a", Role.ADMIN), Map.entry("b", Role.VIEWER));
    }

    @Test
    void theStrongestRoleOnACampaignCounts() {
        StaffMember member = StaffMember.from(jwt(Map.of("owner", "viewer", "partner", "editor")));

        assertThat(member.roleOn(List.of("owner", "partner"))).hasValue(Role.EDITOR);
        assertThat(member.roleOn(List.of("owner"))).hasValue(Role.VIEWER);
        assertThat(member.roleOn(List.of("stranger"))).isEmpty();
    }

    @Test
    void noOrganisationsClaimMeansNoRoles() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").issuedAt(TestClock.now()).build();

        assertThat(StaffMember.from(jwt).organisations()).isEmpty();
    }

    @Test
    void platformRolesComeFromTheRolesClaim() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("roles", List.of("operator", 7))
                .issuedAt(TestClock.now()).build();

        assertThat(StaffMember.from(jwt).platformRoles()).containsExactly("operator");
        assertThat(StaffMember.from(jwt(Map.of("a", "admin"))).platformRoles()).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> organisations) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("name", "N")
                .claim("organisations", organisations).issuedAt(TestClock.now()).build();
    }
}
