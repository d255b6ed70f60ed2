package org.pledgeworks.kit.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class OperatorsTest {

    private final Operators operators = new Operators(new OperatorProperties(List.of("platform")));

    @Test
    void anAdminOfAnOperatorsOrganisationIsAnOperator() {
        assertThat(roles(token(Map.of("organisations", Map.of("platform", "admin"))))).contains("ROLE_OPERATOR");
    }

    @Test
    void anEditorThereOrAnAdminElsewhereIsNot() {
        assertThat(roles(token(Map.of("organisations", Map.of("platform", "editor"))))).doesNotContain("ROLE_OPERATOR");
        assertThat(roles(token(Map.of("organisations", Map.of("workers-voice", "admin"))))).doesNotContain("ROLE_OPERATOR");
        assertThat(roles(token(Map.of("name", "nobody")))).doesNotContain("ROLE_OPERATOR");
    }

    @Test
    void anIssuerMayNameOperatorsInTheRolesClaim() {
        assertThat(roles(token(Map.of("roles", List.of("operator"))))).contains("ROLE_OPERATOR");
        assertThat(roles(token(Map.of("roles", List.of("auditor"))))).doesNotContain("ROLE_OPERATOR");
    }

    private List<String> roles(Jwt jwt) {
        return operators.convert(jwt).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("staff-1");
        claims.forEach(jwt::claim);
        return jwt.build();
    }
}
