package org.pledgeworks.campaign.support;

import java.util.List;
import java.util.Map;

/** Progress-card bodies as staff send them. */
public final class ProgressCardBodies {

    private ProgressCardBodies() {
    }

    /** Two themes: one scored 0–100, one Yes/Partial/No/No data. */
    public static Map<String, Object> framework() {
        return Map.of("themes", List.of(
                Map.of("themeId", "commitment", "name", "Commitment", "indicators", List.of(
                        Map.of("indicatorId", "policy", "name", "Has a forced-labour policy", "scale", "yes-partial-no"),
                        Map.of("indicatorId", "board", "name", "Board oversight", "scale", "yes-partial-no"))),
                Map.of("themeId", "traceability", "name", "Traceability", "indicators", List.of(
                        Map.of("indicatorId", "suppliers", "name", "Share of suppliers disclosed", "scale", "percent")))));
    }
}
