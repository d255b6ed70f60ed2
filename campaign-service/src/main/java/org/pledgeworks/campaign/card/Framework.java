package org.pledgeworks.campaign.card;

import java.util.List;
import java.util.Optional;

/** Themes → indicators, each with its scale. */
record Framework(List<Theme> themes) {

    record Theme(String themeId, String name, List<Indicator> indicators) {
    }

    record Indicator(String indicatorId, String name, String scale) {
    }

    Optional<Indicator> indicator(String indicatorId) {
        return themes.stream().flatMap(t -> t.indicators().stream())
                .filter(i -> i.indicatorId().equals(indicatorId)).findFirst();
    }
}
