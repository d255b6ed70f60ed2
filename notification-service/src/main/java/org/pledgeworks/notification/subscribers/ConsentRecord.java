package org.pledgeworks.notification.subscribers;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/**
 * One consent record as proof: who (the address, while the person is not erased), to what (purpose,
 * the wording's version and hash), when, from where (source and hashed IP), and when it was withdrawn.
 */
public record ConsentRecord(String consentId, String campaignId, String subscriberEmail, String purpose,
        String wordingVersion, String wordingHash, Instant givenAt, String source, String sourceId, String ipHash,
        Instant withdrawnAt, List<String> liftedSuppressions) {

    static final String CSV_HEADER = "consentId,campaignId,subscriberEmail,purpose,wordingVersion,wordingHash,givenAt,"
            + "source,sourceId,ipHash,withdrawnAt,liftedSuppressions";

    static ConsentRecord of(Document d, String email) {
        Document source = d.get("source", new Document());
        List<String> lifted = d.getList("liftedSuppressions", Document.class, List.of()).stream()
                .map(l -> l.getString("scope") + ":" + l.getString("reason")).toList();
        return new ConsentRecord(d.getString("_id"), d.getString("campaignId"), email, d.getString("purpose"),
                d.getString("wordingVersion"), d.getString("wordingHash"), instant(d.getDate("givenAt")),
                source.getString("type"), source.getString("id"), d.getString("ipHash"),
                instant(d.getDate("withdrawnAt")), lifted);
    }

    String csvLine() {
        return String.join(",", csv(consentId), csv(campaignId), csv(subscriberEmail), csv(purpose), csv(wordingVersion),
                csv(wordingHash), csv(givenAt), csv(source), csv(sourceId), csv(ipHash), csv(withdrawnAt),
                csv(String.join(" ", liftedSuppressions)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. */
    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.contains("'")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
