package org.pledgeworks.notification.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * DKIM (RFC 6376) for the SMTP transport: rsa-sha256, relaxed/relaxed, over the headers inbox providers
 * look at, including the RFC 8058 pair. Signs the message's final bytes and returns a message that writes
 * exactly those bytes (Jakarta Mail may not re-encode it afterwards, or the body hash would not match).
 * No DKIM library is available to this build; the tests verify signatures with code of their own.
 */
public final class DkimSigner {

    /** What is signed, when present (a header named in h= but absent would be signed as empty: we leave it out). */
    static final List<String> SIGNED = List.of("From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe",
            "List-Unsubscribe-Post", "List-Id", "MIME-Version", "Content-Type");

    private final String domain;
    private final String selector;
    private final PrivateKey key;

    public DkimSigner(String domain, String selector, PrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    /** A PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as {@code openssl genpkey -algorithm RSA} writes it. */
    public static PrivateKey readPkcs8Pem(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
    }

    public MimeMessage sign(MimeMessage message, Instant now) throws MessagingException {
        try {
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            byte[] raw = out.toByteArray();
            String signature = signatureHeader(raw, now);
            ByteArrayOutputStream signed = new ByteArrayOutputStream(raw.length + signature.length() + 2);
            signed.write((signature + "\r\n").getBytes(StandardCharsets.US_ASCII));
            signed.write(raw);
            return new SignedMimeMessage(message.getSession(), signed.toByteArray());
        }
        catch (IOException | GeneralSecurityException e) {
            throw new MessagingException("DKIM signing failed", e);
        }
    }

    String signatureHeader(byte[] raw, Instant now) throws GeneralSecurityException {
        String message = new String(raw, StandardCharsets.ISO_8859_1);
        int split = message.indexOf("\r\n\r\n");
        String head = split < 0 ? message : message.substring(0, split + 2);
        String body = split < 0 ? "" : message.substring(split + 4);
        List<String[]> fields = fields(head);

        String bodyHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1)));
        List<String> names = new ArrayList<>();
        StringBuilder signedHeaders = new StringBuilder();
        for (String name : SIGNED) {
            String[] field = last(fields, name);
            if (field != null) {
                names.add(name);
                signedHeaders.append(relaxedHeader(field[0], field[1])).append("\r\n");
            }
        }
        String value = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + "; t="
                + now.getEpochSecond() + "; h=" + String.join(":", names) + "; bh=" + bodyHash + "; b=";
        signedHeaders.append(relaxedHeader("DKIM-Signature", value));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signedHeaders.toString().getBytes(StandardCharsets.ISO_8859_1));
        return "DKIM-Signature: " + value + Base64.getEncoder().encodeToString(rsa.sign());
    }

    /** Header fields as (name, raw value with its folding), in order. */
    private static List<String[]> fields(String head) {
        List<String[]> fields = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                String[] last = fields.get(fields.size() - 1);
                last[1] = last[1] + "\r\n" + line;
            }
            else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.add(new String[] { line.substring(0, colon), line.substring(colon + 1) });
                }
            }
        }
        return fields;
    }

    private static String[] last(List<String[]> fields, String name) {
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i)[0].trim().equalsIgnoreCase(name)) {
                return fields.get(i);
            }
        }
        return null;
    }

    /** RFC 6376 3.4.2: lower-case name, unfold, runs of WSP to one space, no WSP at the ends of the value. */
    static String relaxedHeader(String name, String value) {
        String unfolded = value.replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return name.trim().toLowerCase(Locale.ROOT) + ":" + unfolded;
    }

    /** RFC 6376 3.4.4: runs of WSP to one space, none at line ends, no empty lines at the end; CRLF-terminated. */
    static String relaxedBody(String body) {
        String[] lines = body.split("\r\n", -1);
        StringBuilder out = new StringBuilder(body.length());
        int end = lines.length;
        while (end > 0 && lines[end - 1].replaceAll("[ \t]+", "").isEmpty()) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            out.append(lines[i].replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        return out.toString();
    }

    /** Writes the bytes it was signed as: saving changes (the mail sender does) must not re-encode anything. */
    private static final class SignedMimeMessage extends MimeMessage {

        SignedMimeMessage(Session session, byte[] bytes) throws MessagingException {
            super(session, new ByteArrayInputStream(bytes));
        }

        @Override
        protected void updateHeaders() {
            // the headers are signed as they are
        }

        @Override
        protected void updateMessageID() {
            // keeps ours
        }
    }
}
