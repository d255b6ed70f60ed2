package org.pledgeworks.pledge.export;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.CampaignFixture.TestCampaign;
import org.pledgeworks.pledge.support.PledgeMother;
import org.pledgeworks.pledge.support.ServiceIT;
import org.pledgeworks.pledge.support.Signer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The consenting-signer export the staff console downloads. The fixture's owner and partner organisations. */
@ExtendWith(OutputCaptureExtension.class)
class SignerExportIT extends ServiceIT {

    static final String OWNER = "fair-supply-coalition";
    static final String PARTNER = "workers-voice";
    static final String WORDING = "Keep me updated about this campaign by email. I can unsubscribe at any time.";

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    Api api;
    TestCampaign campaign;

    @BeforeEach
    void openCampaign() {
        api = new Api(port);
        campaign = CampaignFixture.publishOpenCampaign();
        api.awaitCampaign(campaign.slug());
    }

    @Test
    void exportsVerifiedConsentingSignersOnlyQuotedAndFormulaSafeAndAuditsIt(CapturedOutput output) {
        // one client address for the first six, so the sixth crosses the per-IP limit (5) and is quarantined
        String office = "100.64." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        PledgeMother quoted = aPledge().with("name", "Ada \"The Count\", Jr.");
        PledgeMother formula = aPledge().with("name", "=HYPERLINK(\"http://evil.test\",\"x\")").with("country", "DE")
                .with("locale", "de");
        PledgeMother at = aPledge().with("name", "@SUM(A1)");
        PledgeMother noConsent = aPledge().with("consentToUpdates", false);
        PledgeMother neverVerified = aPledge();
        PledgeMother held = aPledge();
        for (PledgeMother pledge : List.of(quoted, formula, at, noConsent, neverVerified, held)) {
            assertThat(api.signFrom(campaign.slug(), pledge.json(), office).statusCode()).isEqualTo(202);
        }
        for (PledgeMother pledge : List.of(quoted, formula, at, noConsent, held)) {
            JsonNode mail = Signer.readSignedMail(pledge.email());
            assertThat(Signer.confirm(api, mail).statusCode()).isEqualTo(200);
        }
        assertThat(signature(held.email()).getString("review")).as("held back by the IP limit").isEqualTo("QUARANTINED");
        PledgeMother withdrawn = aPledge();
        JsonNode withdrawnMail = Signer.signAndVerify(api, campaign.slug(), withdrawn);
        assertThat(api.post(Api.pathOf(withdrawnMail.get("withdrawUrl").asString()), "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);

        HttpResponse<String> export = api.get(exportPath(), "text/csv", "Authorization", "Bearer " + admin(OWNER));

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("text/csv;charset=utf-8");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains(campaign.slug() + "-signers.csv");
        assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
        List<String> lines = Arrays.asList(export.body().split("\r\n", -1));
        assertThat(lines.get(0)).isEqualTo("name,email,country,locale,signedAt,verifiedAt,pledgeTextVersion,consentWording");
        assertThat(lines.get(lines.size() - 1)).as("the last row ends in CRLF too").isEmpty();
        List<String> rows = lines.subList(1, lines.size() - 1);
        assertThat(rows).hasSize(3);
        assertThat(rows).anySatisfy(row -> assertThat(row)
                .startsWith("\"Ada \"\"The Count\"\", Jr.\"," + quoted.email() + ",GB,en,")
                .endsWith(",1," + WORDING));
        assertThat(rows).anySatisfy(row -> assertThat(row)
                .startsWith("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\"," + formula.email() + ",DE,de,"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("'@SUM(A1)," + at.email() + ","));
        for (String row : rows) {
            String[] cells = row.substring(row.lastIndexOf('"') + 1).split(",");
            Instant signedAt = Instant.parse(cells[cells.length - 4]);
            Instant verifiedAt = Instant.parse(cells[cells.length - 3]);
            assertThat(verifiedAt).isAfterOrEqualTo(signedAt);
        }
        assertThat(export.body()).doesNotContain(noConsent.email()).doesNotContain(neverVerified.email())
                .doesNotContain(held.email()).doesNotContain(withdrawn.email());

        assertThat(output.getAll()).contains("of campaign " + campaign.id() + ": 3 rows")
                .doesNotContain("Signer export by staff null");
        String auditLine = output.getAll().lines().filter(l -> l.contains("Signer export by staff")).findFirst()
                .orElseThrow();
        assertThat(auditLine).doesNotContain(quoted.email()).doesNotContain("Ada");

        // and announced for the organisations' audit log: who and how many, no signer
        ConsumerRecord<String, String> announced = KafkaProbe.awaitRecord("pledges",
                r -> campaign.id().equals(r.key()) && "signers-exported.v1".equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(20));
        EventContract.assertValid("pledges/signers-exported.v1", announced.value());
        assertThat(announced.value()).contains("\"rows\":3").contains("\"name\":\"Test Staff\"")
                .doesNotContain(quoted.email()).doesNotContain("Ada");
    }

    @Test
    void onlyAdminsOfTheCampaignsOwnerOrPartnerOrganisationsMayExport() {
        assertThat(status(null)).as("no token").isEqualTo(401);
        assertThat(status(StaffTokens.forRoles(Map.of(OWNER, "editor")))).as("owner's editor").isEqualTo(403);
        assertThat(status(StaffTokens.forRoles(Map.of(PARTNER, "viewer")))).as("partner's viewer").isEqualTo(403);
        assertThat(status(StaffTokens.forRoles(Map.of("another-coalition", "admin")))).as("another organisation's admin")
                .isEqualTo(403);
        assertThat(status(StaffTokens.forRoles(Map.of(OWNER, "admin")))).as("owner's admin").isEqualTo(200);
        assertThat(status(StaffTokens.forRoles(Map.of(PARTNER, "admin")))).as("partner's admin").isEqualTo(200);

        HttpResponse<String> refused = api.get(exportPath(), "text/csv", "Authorization",
                "Bearer " + StaffTokens.forRoles(Map.of(OWNER, "editor")));
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("@example.org");
        assertThat(api.get("/api/staff/pledges/campaigns/no-such-campaign/signers.csv", "text/csv",
                "Authorization", "Bearer " + admin(OWNER)).statusCode()).isEqualTo(404);
    }

    private int status(String token) {
        return token == null ? api.get(exportPath(), "text/csv").statusCode()
                : api.get(exportPath(), "text/csv", "Authorization", "Bearer " + token).statusCode();
    }

    private static String admin(String organisation) {
        return StaffTokens.forRoles(Map.of(organisation, "admin"));
    }

    private String exportPath() {
        return "/api/staff/pledges/campaigns/" + campaign.slug() + "/signers.csv";
    }

    private Document signature(String email) {
        return database.getCollection(Signatures.COLLECTION).find(eq("email", email)).first();
    }
}
