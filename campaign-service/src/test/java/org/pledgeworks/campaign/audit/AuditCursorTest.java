package org.pledgeworks.campaign.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;

class AuditCursorTest {

    @Test
    void aCursorReadsBackAsTheEntryItWasMadeOf() {
        AuditCursor cursor = new AuditCursor(TestClock.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                "staff:0b6f3c1e-0000-4000-8000-000000000001");

        assertThat(AuditCursor.parse(cursor.encoded())).contains(cursor);
    }

    @Test
    void anythingTheLogDidNotGiveOutIsNoCursor() {
        assertThat(AuditCursor.parse("not base64!")).isEmpty();
        assertThat(AuditCursor.parse(encode("no-colon"))).isEmpty();
        assertThat(AuditCursor.parse(encode("soon:an-id"))).isEmpty();
        assertThat(AuditCursor.parse(encode("1:{\"$gt\":\"\"}"))).isEmpty();
        assertThat(AuditCursor.parse(encode("99999999999999999999:id"))).isEmpty();
        assertThat(AuditCursor.parse(encode(Instant.EPOCH.toEpochMilli() + ":"))).isEmpty();
        assertThat(AuditCursor.parse("A".repeat(201))).isEmpty();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
