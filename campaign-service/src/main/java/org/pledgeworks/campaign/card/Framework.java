package org.pledgeworks.campaign.card;

import java.util.List;
import java.util.Optional;

import org.bson.Document;

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

    Document toDocument() {
        return new Document("themes", themes.stream().map(t -> new Document("themeId", t.themeId())
                .append("name", t.name())
                .append("indicators", t.indicators().stream().map(i -> new Document("indicatorId", i.indicatorId())
                        .append("name", i.name()).append("scale", i.scale())).toList())).toList());
    }

    static Framework fromDocument(Document d) {
        return new Framework(d.getList("themes", Document.class, List.of()).stream()
                .map(t -> new Theme(t.getString("themeId"), t.getString("name"),
                        t.getList("indicators", Document.class, List.of()).stream()
                                .map(i -> new Indicator(i.getString("indicatorId"), i.getString("name"),
                                        i.getString("scale"))).toList()))
                .toList());
    }
}
