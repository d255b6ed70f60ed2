package org.pledgeworks.infra.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** Turns a received MIME message into what the inbox shows: parts, links and decoded headers. */
final class MessageParser {

    private static final Pattern HREF = Pattern.compile("(?i)\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"']+");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    private MessageParser() {
    }

    static CaughtMessage parse(String id, Instant receivedAt, List<String> envelopeRecipients, MimeMessage message)
            throws MessagingException, IOException {
        Parts parts = new Parts();
        collect(message, parts);
        List<String> to = envelopeRecipients.isEmpty() ? headerRecipients(message) : envelopeRecipients;
        return new CaughtMessage(id, addresses(message.getFrom()), to, nullToEmpty(message.getSubject()), receivedAt,
                parts.text, parts.html, links(parts.html, parts.text), headers(message));
    }

    private static final class Parts {
        String text;
        String html;
    }

    private static void collect(Part part, Parts parts) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), parts);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        } else if (part.isMimeType("text/plain") && parts.text == null) {
            parts.text = content(part);
        } else if (part.isMimeType("text/html") && parts.html == null) {
            parts.html = content(part);
        }
    }

    private static String content(Part part) throws MessagingException, IOException {
        try {
            return (String) part.getContent();
        } catch (IOException | ClassCastException e) {
            // an unknown charset: UTF-8 shows most of it, which beats showing nothing
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** The HTML part's hrefs first (what a reader clicks), then URLs written out in the text part. */
    static List<String> links(String html, String text) {
        Set<String> links = new LinkedHashSet<>();
        if (html != null) {
            Matcher href = HREF.matcher(html);
            while (href.find()) {
                String value = href.group(1) != null ? href.group(1) : href.group(2) != null ? href.group(2) : href.group(3);
                String link = unescapeEntities(value.trim());
                if (isWebLink(link)) {
                    links.add(link);
                }
            }
        }
        if (text != null) {
            Matcher url = URL_IN_TEXT.matcher(text);
            while (url.find()) {
                links.add(url.group().replaceAll("[.,;:!?)\\]}>]+$", ""));
            }
        }
        return List.copyOf(links);
    }

    private static boolean isWebLink(String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    static String unescapeEntities(String value) {
        Matcher entity = ENTITY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> {
                    boolean hex = name.startsWith("#x") || name.startsWith("#X");
                    int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                    yield Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : entity.group();
                }
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> headers(MimeMessage message) throws MessagingException {
        Map<String, String> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            headers.merge(header.getName(), decode(header.getValue()), (first, next) -> first + ", " + next);
        }
        return headers;
    }

    private static String decode(String value) {
        String unfolded = MimeUtility.unfold(nullToEmpty(value));
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (IOException e) {
            return unfolded;
        }
    }

    private static List<String> headerRecipients(MimeMessage message) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        return recipients == null ? List.of() : Arrays.stream(recipients).map(MessageParser::address).toList();
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(MessageParser::address).collect(Collectors.joining(", "));
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
