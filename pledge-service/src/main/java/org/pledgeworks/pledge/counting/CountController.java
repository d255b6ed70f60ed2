package org.pledgeworks.pledge.counting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pledgeworks.kit.web.InvalidFieldException;
import org.pledgeworks.pledge.campaigns.CampaignCopies;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.pledge.campaigns.CampaignNotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CountController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic()
            .staleWhileRevalidate(Duration.ofSeconds(5));

    private final CampaignCopies campaigns;
    private final VerifiedCounts counts;

    CountController(CampaignCopies campaigns, VerifiedCounts counts) {
        this.campaigns = campaigns;
        this.counts = counts;
    }

    /** Served from memory, never a query per request; a client holding the same ETag gets 304. */
    @GetMapping("/api/campaigns/{slug}/count")
    ResponseEntity<CountResponse> count(@PathVariable String slug,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        OpenCampaign campaign = campaigns.bySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
        VerifiedCounts.CampaignCount count = counts.of(campaign.campaignId());
        String etag = count.etag();
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || List.of(ifNoneMatch.split(",")).stream()
                .map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals(etag.substring(2))))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHE)
                .body(new CountResponse(campaign.campaignId(), campaign.slug(), count.total(), count.byCountry(),
                        count.byDay(), count.asOf()));
    }

    /**
     * How the count grew: per minute (the last 24 hours with changes), per hour or per day (all), each
     * point with the net change in that period and the total at its end. Withdrawals are negative changes.
     */
    @GetMapping("/api/campaigns/{slug}/pledges/history")
    ResponseEntity<HistoryResponse> history(@PathVariable String slug,
            @RequestParam(defaultValue = "hour") String resolution) {
        if (!List.of("minute", "hour", "day").contains(resolution)) {
            throw new InvalidFieldException("resolution", "The resolution is 'minute', 'hour' or 'day'.");
        }
        OpenCampaign campaign = campaigns.bySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
        VerifiedCounts.CampaignCount count = counts.of(campaign.campaignId());
        TreeMap<String, Long> buckets = new TreeMap<>();
        count.byMinute().forEach((minute, change) -> buckets.merge(switch (resolution) {
            case "minute" -> minute;
            case "hour" -> minute.substring(0, 13) + ":00";
            default -> minute.substring(0, 10) + "T00:00";
        }, change, Long::sum));
        List<Point> points = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> bucket : buckets.entrySet()) {
            total += bucket.getValue();
            points.add(new Point(Instant.parse(bucket.getKey() + ":00Z"), bucket.getValue(), total));
        }
        if (resolution.equals("minute")) {
            Instant since = count.asOf().minus(Duration.ofHours(24));
            points.removeIf(p -> p.at().isBefore(since));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic())
                .body(new HistoryResponse(campaign.campaignId(), campaign.slug(), resolution, points, count.asOf()));
    }

    record CountResponse(String campaignId, String slug, long total, Map<String, Long> byCountry,
            Map<String, Long> byDay, Instant asOf) {
    }

    record Point(Instant at, long change, long total) {
    }

    record HistoryResponse(String campaignId, String slug, String resolution, List<Point> points, Instant asOf) {
    }
}
