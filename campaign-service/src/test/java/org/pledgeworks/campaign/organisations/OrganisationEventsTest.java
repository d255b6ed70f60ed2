package org.pledgeworks.campaign.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Both organisation events carry the whole profile, flat beside their own fields, as their schemas say. */
class OrganisationEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Instant now = TestClock.now();
    private final Organisation.Profile profile = new Organisation.Profile("Clean Clothes", "Garment workers' rights.",
            "https://cleanclothes.example", "https://cleanclothes.example/logo.png", "press@cleanclothes.example",
            List.of("https://social.example/@ccc"), OrganisationKind.PUBLIC_BODY);

    @Test
    void anOrganisationCreatedCarriesItsProfileBesideTheEventsFields() {
        Organisation.Change created = Organisation.created("org-ccc", profile, now);

        String json = JSON.writeValueAsString(created.events().get(0));

        EventContract.assertValid("campaigns/organisation-created.v1", json);
        assertFlatProfile(JSON.readTree(json), created.events().get(0).eventId());
    }

    @Test
    void anOrganisationRevisedCarriesTheWholeNewProfileAlike() {
        Organisation before = Organisation.created("org-ccc", new Organisation.Profile("Old name", "Old.", null, null,
                null, List.of(), OrganisationKind.NGO), now.minusSeconds(60)).after();
        Organisation.Change revised = before.revised(profile, now);

        String json = JSON.writeValueAsString(revised.events().get(0));

        EventContract.assertValid("campaigns/organisation-revised.v1", json);
        assertFlatProfile(JSON.readTree(json), revised.events().get(0).eventId());
    }

    private void assertFlatProfile(JsonNode event, UUID eventId) {
        assertThat(event.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "organisationId", "name",
                "kind", "description", "website", "logoUrl", "contactEmail", "socialLinks");
        assertThat(event.get("eventId").asString()).isEqualTo(eventId.toString());
        assertThat(Instant.parse(event.get("occurredAt").asString())).isEqualTo(now);
        assertThat(event.get("organisationId").asString()).isEqualTo("org-ccc");
        assertThat(event.get("name").asString()).isEqualTo("Clean Clothes");
        assertThat(event.get("kind").asString()).isEqualTo("public-body");
        assertThat(event.get("contactEmail").asString()).isEqualTo("press@cleanclothes.example");
        assertThat(event.get("socialLinks").get(0).asString()).isEqualTo("https://social.example/@ccc");
    }
}
