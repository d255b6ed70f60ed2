package org.pledgeworks.pledge.referrals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pledgeworks.pledge.signatures.Signatures.SourceTally;

/**
 * A campaign's signatures by where they came from, for its staff: counts only, no signer's data.
 *
 * @param signatures all but withdrawn ones, confirmed or not
 * @param confirmed  those that count (confirmed, not held back)
 * @param bySource   by {@code utm_source} and {@code utm_medium} of the link followed (null: none, such as a
 *                   typed address or a link without tags), most signatures first
 * @param referrals  the signatures whose link carried a signer's referral code
 */
record SourceReport(String campaign, long signatures, long confirmed, List<BySource> bySource, Referrals referrals) {

    /** Referral codes listed by name in the report; the rest are in the totals only. */
    static final int TOP_REFERRERS = 20;

    record BySource(String source, String medium, long signatures, long confirmed) {
    }

    /**
     * @param referrers how many different codes brought at least one signature
     * @param top       the codes that brought the most confirmed signatures
     */
    record Referrals(long signatures, long confirmed, long referrers, List<Referrer> top) {
    }

    record Referrer(String code, long signatures, long confirmed) {
    }

    static SourceReport of(String campaign, List<SourceTally> tallies) {
        Map<List<String>, long[]> sources = new LinkedHashMap<>();
        Map<String, long[]> codes = new LinkedHashMap<>();
        long signatures = 0;
        long confirmed = 0;
        for (SourceTally tally : tallies) {
            long counted = tally.counts() ? tally.signatures() : 0;
            signatures += tally.signatures();
            confirmed += counted;
            add(sources.computeIfAbsent(java.util.Arrays.asList(tally.source(), tally.medium()), k -> new long[2]),
                    tally.signatures(), counted);
            if (tally.ref() != null) {
                add(codes.computeIfAbsent(tally.ref(), k -> new long[2]), tally.signatures(), counted);
            }
        }
        List<BySource> bySource = new ArrayList<>();
        sources.forEach((key, n) -> bySource.add(new BySource(key.get(0), key.get(1), n[0], n[1])));
        bySource.sort(Comparator.comparingLong(BySource::signatures).reversed()
                .thenComparing(BySource::source, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(BySource::medium, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Referrer> referrers = new ArrayList<>();
        codes.forEach((code, n) -> referrers.add(new Referrer(code, n[0], n[1])));
        referrers.sort(Comparator.comparingLong(Referrer::confirmed).reversed()
                .thenComparing(Comparator.comparingLong(Referrer::signatures).reversed())
                .thenComparing(Referrer::code));
        long referred = referrers.stream().mapToLong(Referrer::signatures).sum();
        long referredConfirmed = referrers.stream().mapToLong(Referrer::confirmed).sum();
        return new SourceReport(Objects.requireNonNull(campaign), signatures, confirmed, List.copyOf(bySource),
                new Referrals(referred, referredConfirmed, referrers.size(),
                        List.copyOf(referrers.subList(0, Math.min(TOP_REFERRERS, referrers.size())))));
    }

    private static void add(long[] into, long signatures, long confirmed) {
        into[0] += signatures;
        into[1] += confirmed;
    }
}
