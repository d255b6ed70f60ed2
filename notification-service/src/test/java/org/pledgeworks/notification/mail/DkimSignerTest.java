package org.pledgeworks.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;

/**
 * DKIM signatures checked the way a receiving server does (RFC 6376 section 6), by a verifier written
 * here from the RFC and sharing no code with the signer: body hash, then the RSA signature over the
 * relaxed-canonicalised headers named in h= and the signature header with an empty b=.
 */
class DkimSignerTest {

    private static KeyPair keys;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void aBulkMailIsSignedOverTheHeadersInboxesCheckAndTheSignatureVerifies() throws Exception {
        String raw = sentBytes(signed(bulkMail("Über <b>news</b>   with  spaces \t")));

        Map<String, String> tags = tags(raw);
        assertThat(tags).containsEntry("v", "1").containsEntry("a", "rsa-sha256").containsEntry("c", "relaxed/relaxed")
                .containsEntry("d", "pledgeworks.test").containsEntry("s", "mail2026");
        assertThat(List.of(tags.get("h").toLowerCase().split(":"))).contains("from", "to", "subject", "date",
                "message-id", "list-unsubscribe", "list-unsubscribe-post", "mime-version", "content-type");
        assertThat(verify(raw, keys.getPublic())).isEqualTo("pass");
    }

    @Test
    void aChangedSubjectOrBodyFailsVerification() throws Exception {
        String raw = sentBytes(signed(bulkMail("Original text")));

        String otherSubject = raw.replaceFirst("(?m)^Subject: .*$", "Subject: Something else");
        String otherBody = raw.replace("Original text", "Original tExt");

        assertThat(verify(raw, keys.getPublic())).isEqualTo("pass");
        assertThat(verify(otherSubject, keys.getPublic())).isEqualTo("signature mismatch");
        assertThat(verify(otherBody, keys.getPublic())).isEqualTo("body hash mismatch");
    }

    @Test
    void anotherKeyDoesNotVerify() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);

        String raw = sentBytes(signed(bulkMail("Text")));

        assertThat(verify(raw, generator.generateKeyPair().getPublic())).isEqualTo("signature mismatch");
    }

    @Test
    void aPkcs8PemKeyIsRead() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        assertThat(DkimSigner.readPkcs8Pem(pem)).isEqualTo(keys.getPrivate());
    }

    private static Mail bulkMail(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://pledgeworks.test/unsubscribe/abc.def>, <mailto:unsubscribe@pledgeworks.test?subject=unsubscribe%20abc.def>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Fair supply <c-1.pledgeworks.test>");
        return new Mail("reader@example.org", "Neuigkeiten: Fair supply – “quotes”", text + "\r\n\r\n\r\n",
                "<p>" + text + "</p>", headers);
    }

    private static MimeMessage signed(Mail mail) throws Exception {
        Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        MimeMessage composed = new MailComposer("Pledgeworks <no-reply@pledgeworks.test>")
                .compose(mail, "<d1.milestone@pledgeworks.test>", now);
        return new DkimSigner("pledgeworks.test", "mail2026", keys.getPrivate()).sign(composed, now);
    }

    /** What Spring's JavaMailSenderImpl does before it writes the message to the SMTP connection. */
    private static String sentBytes(MimeMessage message) throws Exception {
        String id = message.getMessageID();
        message.saveChanges();
        message.setHeader("Message-ID", id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    // ---- the verifier ----

    private static Map<String, String> tags(String raw) {
        String value = headerValues(raw, "DKIM-Signature").get(0);
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : value.split(";")) {
            int eq = tag.indexOf('=');
            tags.put(tag.substring(0, eq).replaceAll("\\s", ""), tag.substring(eq + 1).replaceAll("\\s", ""));
        }
        return tags;
    }

    private static String verify(String raw, PublicKey key) throws Exception {
        Map<String, String> tags = tags(raw);
        int split = raw.indexOf("\r\n\r\n");
        String body = raw.substring(split + 4);
        // relaxed body: WSP at line ends gone, WSP runs one space, empty lines at the end gone, one CRLF
        String canonicalBody = body.replaceAll("[ \t]+\r\n", "\r\n").replaceAll("[ \t]+", " ").replaceAll("(\r\n)+$", "");
        canonicalBody = canonicalBody.isEmpty() ? "" : canonicalBody + "\r\n";
        String bodyHash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(canonicalBody.getBytes(StandardCharsets.ISO_8859_1)));
        if (!bodyHash.equals(tags.get("bh"))) {
            return "body hash mismatch";
        }
        StringBuilder data = new StringBuilder();
        Map<String, Integer> used = new LinkedHashMap<>();
        for (String name : tags.get("h").split(":")) {
            List<String> values = headerValues(raw, name);
            int n = used.merge(name.toLowerCase(), 1, Integer::sum);
            // h= names the fields from the bottom up
            String value = values.size() >= n ? values.get(values.size() - n) : null;
            if (value != null) {
                data.append(relaxed(name, value)).append("\r\n");
            }
        }
        String signatureField = headerValues(raw, "DKIM-Signature").get(0);
        data.append(relaxed("DKIM-Signature", signatureField.replaceAll("b=[^;]*$", "b=")));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
        return rsa.verify(Base64.getDecoder().decode(tags.get("b"))) ? "pass" : "signature mismatch";
    }

    private static String relaxed(String name, String value) {
        return name.toLowerCase() + ":" + value.replaceAll("\r\n(?=[ \t])", "").replaceAll("[ \t]+", " ").trim();
    }

    /** The raw values (after the colon, folding kept) of every field with this name, top to bottom. */
    private static List<String> headerValues(String raw, String name) {
        String head = raw.substring(0, raw.indexOf("\r\n\r\n") + 2);
        Matcher field = Pattern.compile("(?im)^" + Pattern.quote(name) + "[ \t]*:((?:.*\r\n)(?:[ \t].*\r\n)*)").matcher(head);
        List<String> values = new ArrayList<>();
        while (field.find()) {
            values.add(field.group(1).replaceAll("\r\n$", ""));
        }
        return values;
    }
}
