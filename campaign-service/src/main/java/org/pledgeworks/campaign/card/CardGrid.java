package org.pledgeworks.campaign.card;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.pledgeworks.campaign.card.Scale.Band;
import org.pledgeworks.campaign.card.Target.CycleScores;
import org.pledgeworks.campaign.card.Target.ReplyRequest;
import org.pledgeworks.campaign.system.NotFoundException;

/**
 * The card as the public page draws it, in one answer: targets as rows, indicators (grouped by theme) as
 * columns, each cell with its value, the scale's words for it, a band to colour it by, and its evidence;
 * the theme and overall scores, the right of reply, the cycles there are and each target's history.
 * Only what the public may read: who reviewed an assessment and the note staff sent with a reply request
 * stay with staff.
 *
 * @param cycle  the cycle shown: the one asked for, else the latest; null while nothing is assessed
 * @param cycles every cycle any target was assessed in, oldest first
 * @param bands  the legend: each band's name, its words and the scores it covers
 */
record CardGrid(String campaignId, String slug, String cycle, List<String> cycles, List<Theme> themes,
        List<Row> targets, List<BandLegend> bands) {

    record Theme(String themeId, String name, List<Indicator> indicators) {
    }

    record Indicator(String indicatorId, String name, String scale) {
    }

    /**
     * @param overall the target's overall score in the cycle
     * @param themes  its theme scores, in the framework's order
     * @param cells   one per indicator, in the framework's order (themes first to last)
     * @param reply   its latest right-of-reply request, null when none was made
     * @param history its overall score in every cycle it was assessed, oldest first
     * @param organisationId the endorsing organisation it is, whose commitment it follows; null otherwise
     */
    record Row(String targetId, String name, String kind, String countryCode, String organisationId, Score overall, List<ThemeScore> themes,
            List<Cell> cells, Reply reply, List<HistoryPoint> history) {
    }

    /** @param label the score in words ("57.5 out of 100", "No data", "Not assessed") */
    record Score(Double score, String band, String label) {

        static Score of(Double score) {
            Band band = Band.of(score);
            return new Score(score, band.wireName, score == null ? band.label : number(score) + " out of 100");
        }

        static final Score NOT_ASSESSED = new Score(null, Band.NOT_ASSESSED.wireName, Band.NOT_ASSESSED.label);
    }

    record ThemeScore(String themeId, Double score, String band, String label) {
    }

    /**
     * @param value as assessed (yes, 72, no-data), null when the indicator was not assessed in the cycle
     * @param label the scale's words for the value ("Yes", "72%", "No data", "Not assessed")
     */
    record Cell(String indicatorId, String value, Double score, String label, String band, String evidenceLink,
            String evidenceNote) {
    }

    /** @param status responded, pending (deadline ahead) or overdue (deadline passed, no response) */
    record Reply(String status, Instant requestedAt, Instant deadline, Instant respondedAt, String response,
            String link) {
    }

    record HistoryPoint(String cycle, Double overallScore) {
    }

    record BandLegend(String band, String label, String scores) {
    }

    private static final List<BandLegend> LEGEND = List.of(
            new BandLegend(Band.GOOD.wireName, Band.GOOD.label, "67 to 100 (yes)"),
            new BandLegend(Band.FAIR.wireName, Band.FAIR.label, "34 to 66 (partial)"),
            new BandLegend(Band.POOR.wireName, Band.POOR.label, "0 to 33 (no)"),
            new BandLegend(Band.NO_DATA.wireName, Band.NO_DATA.label, "assessed, but no evidence either way"),
            new BandLegend(Band.NOT_ASSESSED.wireName, Band.NOT_ASSESSED.label, "not assessed in this cycle"));

    /** The cycles the targets were assessed in, oldest first (labels sort as they read: 2025, 2026-q1). */
    static NavigableSet<String> cycles(List<Target> targets) {
        NavigableSet<String> cycles = new TreeSet<>();
        targets.forEach(t -> cycles.addAll(t.scores().keySet()));
        return cycles;
    }

    /**
     * @param requested the cycle asked for, or null for the latest
     * @param assessed  the campaign's assessments in the cycle shown
     * @throws NotFoundException when {@code requested} is not a cycle of this card
     */
    static CardGrid of(String campaignId, String slug, Framework framework, List<Target> targets, String requested,
            List<TargetAssessment> assessed, Instant now) {
        NavigableSet<String> cycles = cycles(targets);
        if (requested != null && !cycles.contains(requested)) {
            throw new NotFoundException("No cycle '" + requested + "' on this card; there are " + cycles + ".");
        }
        String cycle = requested != null ? requested : cycles.isEmpty() ? null : cycles.last();
        Map<String, TargetAssessment> byCell = new HashMap<>();
        assessed.forEach(a -> byCell.put(a.targetId() + "|" + a.indicatorId(), a));
        List<Theme> themes = framework.themes().stream().map(t -> new Theme(t.themeId(), t.name(), t.indicators()
                .stream().map(i -> new Indicator(i.indicatorId(), i.name(), i.scale())).toList())).toList();
        List<Row> rows = targets.stream()
                .map(t -> row(t, framework, cycle == null ? null : t.scores().get(cycle), byCell, now)).toList();
        return new CardGrid(campaignId, slug, cycle, List.copyOf(cycles), themes, rows, LEGEND);
    }

    private static Row row(Target target, Framework framework, CycleScores scores, Map<String, TargetAssessment> byCell,
            Instant now) {
        List<ThemeScore> themeScores = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (Framework.Theme theme : framework.themes()) {
            Score s = scores == null ? Score.NOT_ASSESSED : Score.of(scores.themes().get(theme.themeId()));
            themeScores.add(new ThemeScore(theme.themeId(), s.score(), s.band(), s.label()));
            for (Framework.Indicator indicator : theme.indicators()) {
                cells.add(cell(indicator, byCell.get(target.id() + "|" + indicator.indicatorId())));
            }
        }
        List<HistoryPoint> history = new ArrayList<>();
        target.scores().forEach((c, s) -> history.add(new HistoryPoint(c, s.overall())));
        return new Row(target.id(), target.name(), target.kind(), target.countryCode(), target.organisationId(),
                scores == null ? Score.NOT_ASSESSED : Score.of(scores.overall()), themeScores, cells,
                latestReply(target, now), history);
    }

    private static Cell cell(Framework.Indicator indicator, TargetAssessment a) {
        if (a == null) {
            return new Cell(indicator.indicatorId(), null, null, Band.NOT_ASSESSED.label, Band.NOT_ASSESSED.wireName,
                    null, null);
        }
        String label = Scale.parse(indicator.scale()).map(scale -> scale.label(a.value())).orElse(a.value());
        return new Cell(indicator.indicatorId(), a.value(), a.score(), label, Band.of(a.score()).wireName,
                blankToNull(a.evidenceLink()), blankToNull(a.evidenceNote()));
    }

    /** The latest request is where the target's reply stands now; earlier ones are in its history. */
    private static Reply latestReply(Target target, Instant now) {
        return target.replies().stream().max(Comparator.comparing(ReplyRequest::requestedAt)).map(r -> new Reply(
                r.respondedAt() != null ? "responded" : now.isAfter(r.deadline()) ? "overdue" : "pending",
                r.requestedAt(), r.deadline(), r.respondedAt(), r.response(), r.link())).orElse(null);
    }

    private static String number(double score) {
        return score == Math.rint(score) ? String.valueOf((long) score) : String.valueOf(score);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
