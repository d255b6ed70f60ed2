package org.pledgeworks.campaign.endorsements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.support.BadInput;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.OrganisationMother;
import org.pledgeworks.campaign.support.ProgressCardBodies;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import tools.jackson.databind.JsonNode;

/**
 * Organisations endorse a campaign through their admins: shown on the campaign's public list with their
 * profile and quote, announced on Kafka, withdrawn and renewed; nobody else speaks for an organisation.
 */
class EndorsementsIT extends ServiceIT {

    @Test
    void anAdminEndorsesChangesTheQuoteWithdrawsAndEndorsesAgainAndEachChangeIsPublicAndAnnounced() {
        String org = organisationInDirectory();
        String campaignId = openCampaign(CampaignMother.draft());
        String slug = slugOf(campaignId);
        String admin = OrganisationMother.adminOf(org);

        HttpResponse<String> given = put(path(campaignId, org), admin, Map.of("quote", "We stand behind it."));

        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        ConsumerRecord<String, String> endorsed = awaitEvent("campaign-endorsed.v1", campaignId,
                "We stand behind it.");
        EventContract.assertValid("campaigns/campaign-endorsed.v1", endorsed.value());
        JsonNode listed = read(get("/api/campaigns/" + slug + "/endorsements"));
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        JsonNode item = listed.get("items").get(0);
        assertThat(item.get("organisationId").asString()).isEqualTo(org);
        assertThat(item.get("name").asString()).isEqualTo(OrganisationMother.profile(org).get("name"));
        assertThat(item.get("logoUrl").asString()).startsWith("https://");
        assertThat(item.get("quote").asString()).isEqualTo("We stand behind it.");
        assertThat(item.has("endorsedBy")).as("who clicked stays with staff").isFalse();
        String since = item.get("endorsedAt").asString();

        assertThat(put(path(campaignId, org), admin, Map.of("quote", "We stand behind it.")).statusCode())
                .as("the same again changes nothing").isEqualTo(200);
        HttpResponse<String> requoted = put(path(campaignId, org), admin, Map.of("quote", "Still, and more so."));
        assertThat(requoted.statusCode()).isEqualTo(200);
        awaitEvent("campaign-endorsed.v1", campaignId, "Still, and more so.");
        JsonNode afterRequote = read(get("/api/campaigns/" + slug + "/endorsements")).get("items").get(0);
        assertThat(afterRequote.get("quote").asString()).isEqualTo("Still, and more so.");
        assertThat(afterRequote.get("endorsedAt").asString()).as("a new quote keeps the date").isEqualTo(since);

        assertThat(delete(path(campaignId, org), admin).statusCode()).isEqualTo(204);
        ConsumerRecord<String, String> withdrawn = awaitEvent("campaign-endorsement-withdrawn.v1", campaignId, null);
        EventContract.assertValid("campaigns/campaign-endorsement-withdrawn.v1", withdrawn.value());
        assertThat(read(get("/api/campaigns/" + slug + "/endorsements")).get("total").asLong()).isZero();
        assertThat(delete(path(campaignId, org), admin).statusCode()).as("nothing left to withdraw").isEqualTo(404);

        HttpResponse<String> renewed = put(path(campaignId, org), admin, Map.of());
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(201);
        JsonNode afterRenewal = read(get("/api/campaigns/" + slug + "/endorsements"));
        assertThat(afterRenewal.get("total").asLong()).isEqualTo(1);
        assertThat(afterRenewal.get("items").get(0).get("quote").isNull()).isTrue();
    }

    @Test
    void endorsersAreListedInTheOrderTheyEndorsedAndCounted() {
        String campaignId = openCampaign(CampaignMother.draft());
        List<String> orgs = List.of(organisationInDirectory(), organisationInDirectory(), organisationInDirectory());
        for (String org : orgs) {
            assertThat(put(path(campaignId, org), OrganisationMother.adminOf(org), Map.of()).statusCode())
                    .isEqualTo(201);
        }

        JsonNode listed = read(get("/api/campaigns/" + slugOf(campaignId) + "/endorsements"));

        assertThat(listed.get("total").asLong()).isEqualTo(3);
        assertThat(listed.get("items").findValuesAsString("organisationId")).containsExactlyElementsOf(orgs);
    }

    @Test
    void onlyTheOrganisationsAdminSpeaksForIt() {
        String org = organisationInDirectory();
        String campaignId = openCampaign(CampaignMother.draft());
        Map<String, Object> body = Map.of("quote", "Not ours to say.");

        assertThat(put(path(campaignId, org), null, body).statusCode()).isEqualTo(401);
        for (String role : List.of("editor", "viewer")) {
            assertThat(put(path(campaignId, org), StaffTokens.forRoles(Map.of(org, role)), body).statusCode())
                    .as(role).isEqualTo(403);
        }
        assertThat(put(path(campaignId, org), OrganisationMother.adminOf("someone-else"), body).statusCode())
                .isEqualTo(403);
        assertThat(put(path(campaignId, org), OrganisationMother.operator(), body).statusCode())
                .as("an operator does not endorse for another organisation").isEqualTo(403);
        assertThat(put(path(campaignId, org), CampaignMother.ownerAdmin(), body).statusCode())
                .as("nor does the campaign's owner").isEqualTo(403);
        assertThat(read(get("/api/campaigns/" + slugOf(campaignId) + "/endorsements")).get("total").asLong())
                .isZero();
    }

    @Test
    void onlyAnOpenCampaignTakesEndorsementsAndOnlyFromAnOrganisationInTheDirectory() {
        String org = organisationInDirectory();
        String admin = OrganisationMother.adminOf(org);
        String draft = createCampaign(CampaignMother.draft());
        String closed = openCampaign(CampaignMother.draft());
        assertThat(post("/api/staff/campaigns/" + closed + "/close", CampaignMother.ownerAdmin(), null).statusCode())
                .isEqualTo(200);
        String open = openCampaign(CampaignMother.draft());

        assertThat(put(path(draft, org), admin, Map.of()).statusCode()).as("a draft is nobody's business").isEqualTo(404);
        assertThat(put(path("no-such-campaign", org), admin, Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> onClosed = put(path(closed, org), admin, Map.of());
        assertThat(onClosed.statusCode()).isEqualTo(409);
        assertThat(onClosed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String unlisted = OrganisationMother.newId();
        HttpResponse<String> noProfile = put(path(open, unlisted), OrganisationMother.adminOf(unlisted), Map.of());
        assertThat(noProfile.statusCode()).isEqualTo(409);
        assertThat(read(noProfile).get("detail").asString()).contains("not in the directory");
        assertThat(get("/api/campaigns/no-such-slug/endorsements").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadQuoteIsRefusedNamingTheField() {
        String org = organisationInDirectory();
        String campaignId = openCampaign(CampaignMother.draft());
        String path = path(campaignId, org);
        String admin = OrganisationMother.adminOf(org);

        new BadInput("quote too long", "PUT", path, Map.of("quote", "x".repeat(501)), List.of("quote"))
                .assertRefusedBy(this, path, admin);
        new BadInput("quote with a control character", "PUT", path, Map.of("quote", "bell\u0007"), List.of("quote"))
                .assertRefusedBy(this, path, admin);
        new BadInput("not JSON", "PUT", path, "{not json", List.of("body")).assertRefusedBy(this, path, admin);
        assertThat(put(path, admin, Map.of("quote", "Two lines,\nboth ours.")).statusCode())
                .as("a line break is no control character here").isEqualTo(201);
    }

    @Test
    void anEndorserBecomesATargetOnTheCardSoItsCommitmentIsFollowed() {
        String org = organisationInDirectory();
        Map<String, Object> draft = CampaignMother.draft();
        String campaignId = openCampaign(draft);
        String targets = "/api/staff/campaigns/" + campaignId + "/card/targets";
        assertThat(put("/api/staff/campaigns/" + campaignId + "/card/framework", CampaignMother.ownerAdmin(),
                ProgressCardBodies.framework()).statusCode()).isEqualTo(200);
        Map<String, Object> target = Map.of("name", "Ministry of Labour", "kind", "government", "organisationId", org);

        new BadInput("a target for an organisation that does not endorse", "POST", targets, target,
                List.of("organisationId")).assertRefusedBy(this, targets, CampaignMother.ownerAdmin());
        assertThat(put(path(campaignId, org), OrganisationMother.adminOf(org), Map.of()).statusCode()).isEqualTo(201);
        HttpResponse<String> added = post(targets, CampaignMother.ownerAdmin(), target);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(read(added).get("organisationId").asString()).isEqualTo(org);
        JsonNode row = read(get("/api/campaigns/" + draft.get("slug") + "/card/grid")).get("targets").get(0);
        assertThat(row.get("name").asString()).isEqualTo("Ministry of Labour");
        assertThat(row.get("organisationId").asString()).isEqualTo(org);
    }

    private String organisationInDirectory() {
        String id = OrganisationMother.newId();
        HttpResponse<String> created = post("/api/staff/organisations", OrganisationMother.operator(),
                OrganisationMother.profile(id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    private String slugOf(String campaignId) {
        return read(get("/api/staff/campaigns/" + campaignId, CampaignMother.ownerAdmin())).get("slug").asString();
    }

    private HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    private static String path(String campaignId, String organisationId) {
        return "/api/staff/campaigns/" + campaignId + "/endorsements/" + organisationId;
    }

    /** @param quote the quote the event must carry; null: any */
    private static ConsumerRecord<String, String> awaitEvent(String type, String campaignId, String quote) {
        return KafkaProbe.awaitRecord("campaigns",
                r -> campaignId.equals(r.key()) && type.equals(KafkaProbe.header(r, "ce_type"))
                        && (quote == null || r.value().contains(quote)),
                Duration.ofSeconds(20));
    }
}
