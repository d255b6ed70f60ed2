package org.pledgeworks.pledge.signatures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The one mapping of a {@link Signature} to and from its BSON document. Field names are spelled here
 * only; {@link Signatures} builds its queries from these constants. Documents written before a field
 * existed read with its default.
 */
final class SignatureCodec {

    static final String ID = "_id";
    static final String CAMPAIGN_ID = "campaignId";
    static final String CAMPAIGN_SLUG = "campaignSlug";
    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String EMAIL_KEY = "emailKey";
    static final String EMAIL_DOMAIN = "emailDomain";
    static final String COUNTRY = "country";
    static final String POSTAL_CODE = "postalCode";
    static final String LOCALE = "locale";
    static final String CONSENT = "consentToUpdates";
    static final String CONSENT_WORDING = "consentWording";
    static final String PLEDGE_TEXT_VERSION = "pledgeTextVersion";
    static final String STATUS = "status";
    static final String COUNTS = "counts";
    static final String IP_HASH = "ipHash";
    static final String SOURCE = "source";
    static final String REVIEW = "review";
    static final String REVIEW_REASON = "reviewReason";
    static final String REVIEWED_AT = "reviewedAt";
    static final String CREATED_AT = "createdAt";
    static final String PURGE_AT = "purgeAt";
    static final String VERIFIED_AT = "verifiedAt";
    static final String WITHDRAWN_AT = "withdrawnAt";
    static final String ERASED_AT = "erasedAt";
    static final String RESENDS = "resends";
    static final String REPEATS = "repeats";
    static final String VERSION = "version";
    static final String COUNT_OPS = "countOps";
    static final String OP_ID = "opId";
    static final String OP_AT = "at";

    /** Kept apart from the state: the relay and the counters remove them without a version change. */
    private static final List<String> NOT_STATE = List.of(ID, VERSION, COUNT_OPS);

    private SignatureCodec() {
    }

    static Document toDocument(Signature s) {
        Document d = new Document(ID, s.id())
                .append(CAMPAIGN_ID, s.campaignId())
                .append(CAMPAIGN_SLUG, s.campaignSlug());
        PersonalData p = s.signer();
        if (p != null) {
            d.append(NAME, p.name()).append(EMAIL, p.email());
        }
        d.append(EMAIL_KEY, s.emailKey());
        if (p != null) {
            d.append(EMAIL_DOMAIN, p.emailDomain());
        }
        d.append(COUNTRY, s.country());
        if (p != null) {
            d.append(POSTAL_CODE, p.postalCode()).append(LOCALE, p.locale()).append(CONSENT, p.consentToUpdates());
        }
        d.append(PLEDGE_TEXT_VERSION, s.pledgeTextVersion())
                .append(STATUS, s.status().name())
                .append(COUNTS, s.counts());
        if (p != null) {
            d.append(IP_HASH, p.ipHash());
            if (!p.source().isEmpty()) {
                Document source = new Document();
                p.source().forEach(source::append);
                d.append(SOURCE, source);
            }
        }
        d.append(CONSENT_WORDING, s.consentWording());
        if (s.review() != null) {
            d.append(REVIEW, s.review().state().name())
                    .append(REVIEW_REASON, s.review().reason() == null ? null : s.review().reason().code())
                    .append(REVIEWED_AT, date(s.review().at()));
        }
        d.append(CREATED_AT, date(s.createdAt()))
                .append(PURGE_AT, date(s.purgeAt()))
                .append(VERIFIED_AT, date(s.verifiedAt()))
                .append(WITHDRAWN_AT, date(s.withdrawnAt()))
                .append(ERASED_AT, date(s.erasedAt()))
                .append(RESENDS, s.resends())
                .append(REPEATS, s.repeats())
                .append(VERSION, s.version());
        // absent, not null: what was never set stays out of the document (and of sparse indexes)
        d.values().removeIf(Objects::isNull);
        if (!s.countOps().isEmpty()) {
            d.append(COUNT_OPS, s.countOps().stream().map(SignatureCodec::toDocument).toList());
        }
        return d;
    }

    static Signature fromDocument(Document d) {
        Instant erasedAt = instant(d, ERASED_AT);
        PersonalData signer = erasedAt != null ? null : new PersonalData(d.getString(NAME), d.getString(EMAIL),
                d.getString(EMAIL_DOMAIN), d.getString(POSTAL_CODE), d.getString(LOCALE),
                d.getBoolean(CONSENT, false), d.getString(IP_HASH), source(d.get(SOURCE, Document.class)));
        String reviewState = d.getString(REVIEW);
        Review review = reviewState == null ? null : new Review(Review.State.valueOf(reviewState),
                QuarantineReason.ofCode(d.getString(REVIEW_REASON)), instant(d, REVIEWED_AT));
        return new Signature(d.getString(ID), d.getString(CAMPAIGN_ID), d.getString(CAMPAIGN_SLUG),
                d.getString(EMAIL_KEY), signer, d.getString(COUNTRY), d.getInteger(PLEDGE_TEXT_VERSION, 1),
                d.getString(CONSENT_WORDING), SignatureStatus.valueOf(d.getString(STATUS)), d.getBoolean(COUNTS, false),
                review, instant(d, CREATED_AT), instant(d, PURGE_AT), instant(d, VERIFIED_AT),
                instant(d, WITHDRAWN_AT), erasedAt, d.getInteger(RESENDS, 0), d.getInteger(REPEATS, 0),
                d.getInteger(VERSION), d.getList(COUNT_OPS, Document.class, List.of()).stream()
                        .map(SignatureCodec::countOp).toList());
    }

    /** The fields a change sets or removes: what differs between the two states, nothing else. */
    static List<Bson> changes(Signature before, Signature after) {
        Document from = toDocument(before);
        Document to = toDocument(after);
        List<Bson> updates = new ArrayList<>();
        to.forEach((field, value) -> {
            if (!NOT_STATE.contains(field) && !value.equals(from.get(field))) {
                updates.add(Updates.set(field, value));
            }
        });
        from.keySet().stream().filter(field -> !NOT_STATE.contains(field) && !to.containsKey(field))
                .forEach(field -> updates.add(Updates.unset(field)));
        return updates;
    }

    /** The write's guard: the signature as it was read, by id and version. */
    static Document sameVersion(Signature s) {
        return new Document(ID, s.id()).append(VERSION,
                s.version() == null ? new Document("$exists", false) : s.version());
    }

    static Document toDocument(CountOp op) {
        return new Document(OP_ID, op.opId()).append("delta", op.delta()).append(COUNTRY, op.country())
                .append("day", op.day()).append("hour", op.hour()).append("minute", op.minute())
                .append("shard", op.shard()).append(OP_AT, Date.from(op.at()));
    }

    static CountOp countOp(Document d) {
        return new CountOp(d.getString(OP_ID), d.getInteger("delta"), d.getString(COUNTRY), d.getString("day"),
                d.getString("hour"), d.getString("minute"), d.getInteger("shard"), d.getDate(OP_AT).toInstant());
    }

    private static Map<String, String> source(Document source) {
        Map<String, String> values = new LinkedHashMap<>();
        if (source != null) {
            source.forEach((key, value) -> values.put(key, String.valueOf(value)));
        }
        return values;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
