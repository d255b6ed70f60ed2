package org.pledgeworks.campaign.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page ends: the time and id of its last entry, opaque to clients (base64url of
 * {@code <epoch millis>:<id>}) so that they page by it rather than build one.
 */
record AuditCursor(Instant at, String id) {

    private static final int MAX_LENGTH = 200;

    static AuditCursor after(AuditEntry last) {
        return new AuditCursor(last.at(), last.id());
    }

    String encoded() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @return empty for anything this class did not write */
    static Optional<AuditCursor> parse(String encoded) {
        if (encoded == null || encoded.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon < 1 || colon == text.length() - 1) {
                return Optional.empty();
            }
            String id = text.substring(colon + 1);
            if (!id.matches("[A-Za-z0-9:_-]{1,100}")) {
                return Optional.empty();
            }
            return Optional.of(new AuditCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))), id));
        }
        catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
