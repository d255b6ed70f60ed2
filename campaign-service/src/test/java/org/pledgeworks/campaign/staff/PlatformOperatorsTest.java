package org.pledgeworks.campaign.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.management.OperatorProperties;

class PlatformOperatorsTest {

    private final PlatformOperators operators = new PlatformOperators(new OperatorProperties(List.of("platform")));

    @Test
    void adminsOfTheOperatingOrganisationsAreOperatorsAndNobodyElseThere() {
        assertThat(operators.isOperator(member(Map.of("platform", Role.ADMIN), Set.of()))).isTrue();
        assertThat(operators.isOperator(member(Map.of("platform", Role.EDITOR), Set.of()))).isFalse();
        assertThat(operators.isOperator(member(Map.of("elsewhere", Role.ADMIN), Set.of()))).isFalse();
    }

    @Test
    void anIssuerMayGrantTheOperatorRoleItself() {
        assertThat(operators.isOperator(member(Map.of(), Set.of("operator")))).isTrue();
        assertThat(operators.isOperator(member(Map.of(), Set.of("auditor")))).isFalse();
    }

    private static StaffMember member(Map<String, Role> organisations, Set<String> platformRoles) {
        return new StaffMember("s", "N", organisations, platformRoles);
    }
}
