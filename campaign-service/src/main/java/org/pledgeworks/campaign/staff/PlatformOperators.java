package org.pledgeworks.campaign.staff;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.pledgeworks.kit.management.OperatorProperties;

import org.springframework.stereotype.Component;

/**
 * Who runs the platform, by the one rule ({@link OperatorProperties#isOperator}) that service-kit's
 * management lock applies to {@code /actuator/**}: an {@code admin} of one of
 * {@code pledgeworks.operators.organisations} ({@code PLEDGEWORKS_OPERATOR_ORGANISATIONS}), or a token
 * whose {@code roles} claim holds {@code operator}. Features ask it for what belongs to nobody's
 * organisation yet, such as creating an organisation; the same setting then decides both, so no second list
 * of platform admins can drift from the first.
 */
@Component
public class PlatformOperators {

    private final OperatorProperties properties;

    PlatformOperators(OperatorProperties properties) {
        this.properties = properties;
    }

    public boolean isOperator(StaffMember member) {
        Map<String, String> organisationRoles = new HashMap<>();
        member.organisations().forEach((organisation, role) -> organisationRoles.put(organisation,
                role.name().toLowerCase(Locale.ROOT)));
        return properties.isOperator(member.platformRoles(), organisationRoles);
    }
}
