package org.pledgeworks.pledge.signing;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.CampaignFixture.TestCampaign;
import org.pledgeworks.pledge.support.ServiceIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an attacker or a broken client sends: every one of these is a 4xx problem (never a 500),
 * names the field at fault where there is one, and stores nothing.
 */
class BadInputsIT extends ServiceIT {

    private static final String JSON = "application/json";
    private static TestCampaign campaign;

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    JsonMapper json;

    static Stream<Arguments> badInputs() {
        String valid = aPledge().json();
        String validHead = valid.substring(0, valid.length() - 1);
        return Stream.of(
                bad("empty body", JSON, "", 400, null),
                bad("JSON null", JSON, "null", 400, null),
                bad("an array, not an object", JSON, "[]", 400, null),
                bad("a bare string", JSON, "\"sign me\"", 400, null),
                bad("broken JSON", JSON, "{\"name\": \"Ada\",", 400, null),
                bad("empty object", JSON, "{}", 400, "name"),
                bad("name missing", JSON, aPledge().without("name").json(), 400, "name"),
                bad("email missing", JSON, aPledge().without("email").json(), 400, "email"),
                bad("country missing", JSON, aPledge().without("country").json(), 400, "country"),
                bad("name only spaces", JSON, aPledge().with("name", "   ").json(), 400, "name"),
                bad("name of 101 characters", JSON, aPledge().with("name", "a".repeat(101)).json(), 400, "name"),
                bad("name with a control character", JSON, aPledge().with("name", "Ada\u0007").json(), 400, "name"),
                bad("name with a lone surrogate", JSON, validHead.replace("\"Ada Example\"", "\"Ada \\ud800\"") + "}",
                        400, "name"),
                bad("name with a zero-width space", JSON, aPledge().with("name", "Ada\u200BExample").json(), 400, "name"),
                bad("name with a right-to-left override", JSON, aPledge().with("name", "\u202Eelpmaxe adA").json(),
                        400, "name"),
                bad("name with a byte order mark", JSON, aPledge().with("name", "\uFEFFAda").json(), 400, "name"),
                bad("name with a private-use character", JSON, aPledge().with("name", "Ada \uE000").json(), 400, "name"),
                bad("name as a number", JSON, aPledge().with("name", 42).json(), 400, "name"),
                bad("name as an array", JSON, aPledge().with("name", new String[] {"Ada"}).json(), 400, "name"),
                bad("name as a $regex operator", JSON, validHead + ",\"name\":{\"$regex\":\".*\"}}", 400, "name"),
                bad("email not an address", JSON, aPledge().with("email", "not-an-address").json(), 400, "email"),
                bad("email with 65 characters before the @", JSON,
                        aPledge().with("email", "a".repeat(65) + "@example.org").json(), 400, "email"),
                bad("email of 255 characters", JSON,
                        aPledge().with("email", "abc@" + "b".repeat(61) + "." + "c".repeat(61) + "." + "d".repeat(61)
                                + "." + "e".repeat(61) + ".org").json(), 400, "email"),
                bad("email with a right-to-left override", JSON,
                        aPledge().with("email", "ada\u202E@example.org").json(), 400, "email"),
                bad("email with a space", JSON, aPledge().with("email", "ada lovelace@example.org").json(), 400, "email"),
                bad("email with two dots in a row", JSON, aPledge().with("email", "ada..x@example.org").json(), 400,
                        "email"),
                bad("email as a $ne operator", JSON, validHead + ",\"email\":{\"$ne\":null}}", 400, "email"),
                bad("email as an array", JSON, aPledge().with("email", new String[] {"a@example.org"}).json(), 400,
                        "email"),
                bad("a $where key and nothing else", JSON, "{\"$where\":\"sleep(1000)\"}", 400, null),
                bad("a $set key beside valid fields", JSON, validHead + ",\"$set\":{\"status\":\"VERIFIED\"}}", 400,
                        "fieldNames"),
                bad("a dotted key beside valid fields", JSON, validHead + ",\"status.x\":1}", 400, "fieldNames"),
                bad("country not ISO 3166", JSON, aPledge().with("country", "XX").json(), 400, "country"),
                bad("country in lower case", JSON, aPledge().with("country", "gb").json(), 400, "country"),
                bad("country as a number", JSON, aPledge().with("country", 826).json(), 400, "country"),
                bad("consent as text", JSON, aPledge().with("consentToUpdates", "yes").json(), 400, "consentToUpdates"),
                bad("consent as the text 'true'", JSON, aPledge().with("consentToUpdates", "true").json(), 400,
                        "consentToUpdates"),
                bad("locale that is no language tag", JSON, aPledge().with("locale", "english please").json(), 400,
                        "locale"),
                bad("postal code not of the country (GB)", JSON,
                        aPledge().with("country", "GB").with("postalCode", "12345").json(), 400, "postalCode"),
                bad("postal code not of the country (DE)", JSON,
                        aPledge().with("country", "DE").with("postalCode", "1234").json(), 400, "postalCode"),
                bad("postal code of 13 characters", JSON,
                        aPledge().with("country", "ZA").with("postalCode", "1234567890123").json(), 400, "postalCode"),
                bad("utm_source of 101 characters", JSON,
                        aPledge().with("source", java.util.Map.of("utm_source", "x".repeat(101))).json(), 400,
                        "source.utmSource"),
                bad("a javascript: referrer", JSON,
                        aPledge().with("source", java.util.Map.of("referrer", "javascript:alert(1)")).json(), 400,
                        "source.referrer"),
                bad("source as a string", JSON, aPledge().with("source", "newsletter").json(), 400, "source"),
                bad("a referral code with a space", JSON,
                        aPledge().with("source", java.util.Map.of("ref", "abc def")).json(), 400, "source.ref"),
                bad("deeply nested arrays", JSON, validHead + ",\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                        400, null),
                bad("a number too large for anything", JSON, validHead + ",\"consentToUpdates\":1e400}", 400,
                        "consentToUpdates"),
                bad("invalid UTF-8 bytes", JSON, bytes(validHead.getBytes(StandardCharsets.UTF_8),
                        ",\"name\":\"Ada ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
                        "\"}".getBytes(StandardCharsets.UTF_8)), 400, null),
                bad("plain text instead of JSON", "text/plain", valid, 415, null),
                bad("XML instead of JSON", "application/xml", "<pledge><name>Ada</name></pledge>", 415, null),
                bad("a body of 1 MB", JSON, validHead + ",\"padding\":\"" + "x".repeat(1024 * 1024) + "\"}", 413, null),
                Arguments.of("a chunked body over 16 KB", JSON,
                        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                (validHead + ",\"padding\":\"" + "x".repeat(20_000) + "\"}")
                                        .getBytes(StandardCharsets.UTF_8))), 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isAProblemNamingTheFieldAndStoresNothing(String what, String contentType, BodyPublisher body, int status,
            String field) {
        Api api = new Api(port);
        TestCampaign target = campaign(api);

        HttpResponse<String> response = api.post("/api/campaigns/" + target.slug() + "/pledges", contentType, body,
                "X-Forwarded-For", "198.51.100.7");

        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsString("field")).as(what).contains(field);
        }
        assertThat(database.getCollection(Signatures.COLLECTION).countDocuments(eq("campaignId", target.id())))
                .as("nothing stored for: " + what).isZero();
    }

    private static synchronized TestCampaign campaign(Api api) {
        if (campaign == null) {
            campaign = CampaignFixture.publishOpenCampaign();
            api.awaitCampaign(campaign.slug());
        }
        return campaign;
    }

    private static Arguments bad(String what, String contentType, String body, int status, String field) {
        return Arguments.of(what, contentType, BodyPublishers.ofString(body, StandardCharsets.UTF_8), status, field);
    }

    private static Arguments bad(String what, String contentType, byte[] body, int status, String field) {
        return Arguments.of(what, contentType, BodyPublishers.ofByteArray(body), status, field);
    }

    private static byte[] bytes(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

}
