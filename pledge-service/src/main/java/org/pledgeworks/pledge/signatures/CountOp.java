package org.pledgeworks.pledge.signatures;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One change a signature makes to its campaign's counters (+1 when it starts counting, -1 when it
 * stops), written into the signature by the same write as the state change, and applied to a
 * counter shard afterwards by the counting feature. The shard is drawn at random when the op is
 * made, and kept, so applying the op again hits the same document and its marker.
 */
public record CountOp(String opId, int delta, String country, String day, String hour, String minute, int shard,
        Instant at) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HHmm").withZone(ZoneOffset.UTC);

    public static CountOp of(int delta, String country, Instant at, int shards) {
        return new CountOp(UUID.randomUUID().toString(), delta, country, DAY.format(at), HOUR.format(at),
                MINUTE.format(at), ThreadLocalRandom.current().nextInt(shards), at);
    }

    public String counterId(String campaignId) {
        return campaignId + "|" + day + "|" + shard;
    }
}
