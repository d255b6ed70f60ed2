package org.pledgeworks.campaign.card;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.pledgeworks.campaign.audit.AuditAction;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.audit.AuditLog;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.card.CardInput.AssessmentInput;
import org.pledgeworks.campaign.card.CardInput.FrameworkInput;
import org.pledgeworks.campaign.card.CardInput.ReplyInput;
import org.pledgeworks.campaign.card.CardInput.ReplyRequestInput;
import org.pledgeworks.campaign.card.CardInput.TargetInput;
import org.pledgeworks.campaign.card.Target.CycleScores;
import org.pledgeworks.campaign.card.Target.ReplyRequest;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.NotFoundException;
import org.pledgeworks.campaign.endorsements.Endorsers;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Service;

/**
 * Keeps the card. An assessment is one upsert of its own document (id: target, indicator, cycle);
 * the target's scores are then recomputed from the cycle's assessments and written to the target
 * with the events {@link Target#rescored} causes, in one write conditional on the target's revision (a
 * concurrent recomputation makes us recompute again), so a score and its event never part.
 */
@Service
class ProgressCard {

    private static final int ATTEMPTS = 5;

    private final FrameworkRepository frameworks;
    private final TargetRepository targets;
    private final AssessmentRepository assessments;
    private final CampaignAccess campaigns;
    private final Endorsers endorsers;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicBaseUrl;

    ProgressCard(FrameworkRepository frameworks, TargetRepository targets, AssessmentRepository assessments,
            CampaignAccess campaigns, Endorsers endorsers, EventOutbox outbox, AuditLog audit, Clock clock,
            CampaignServiceProperties properties) {
        this.frameworks = frameworks;
        this.targets = targets;
        this.assessments = assessments;
        this.campaigns = campaigns;
        this.endorsers = endorsers;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    // --- framework

    Framework putFramework(StaffMember member, String campaignId, FrameworkInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int t = 0; t < input.themes().size(); t++) {
            var theme = input.themes().get(t);
            if (seen.contains(theme.themeId())) {
                problems.add(new InvalidInputException.FieldProblem("themes[" + t + "].themeId", "is used twice"));
            }
            seen.add(theme.themeId());
            for (int i = 0; i < theme.indicators().size(); i++) {
                var indicator = theme.indicators().get(i);
                if (seen.contains(indicator.indicatorId())) {
                    problems.add(new InvalidInputException.FieldProblem(
                            "themes[" + t + "].indicators[" + i + "].indicatorId", "is used twice"));
                }
                seen.add(indicator.indicatorId());
            }
        }
        InvalidInputException.throwIfAny(problems);
        Framework framework = new Framework(input.themes().stream().map(theme -> new Framework.Theme(theme.themeId(),
                theme.name(), theme.indicators().stream().map(i -> new Framework.Indicator(i.indicatorId(), i.name(),
                        i.scale())).toList())).toList());
        frameworks.save(campaign.id(), framework);
        audit.onCampaign(member, campaign.ownerOrganisation(), campaign.organisations(), AuditAction.FRAMEWORK_CHANGED,
                Subject.campaign(campaign.id(), campaign.title()), Map.of("themes", String.valueOf(
                        framework.themes().size())));
        return framework;
    }

    // --- targets

    Target addTarget(StaffMember member, String campaignId, TargetInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        if (input.organisationId() != null && !endorsers.endorses(campaign.id(), input.organisationId())) {
            throw new InvalidInputException("organisationId", "must be an organisation that endorses this campaign");
        }
        Target target = Target.create(campaign.id(), input.name(), input.kind(),
                input.countryCode() == null ? null : input.countryCode().toUpperCase(Locale.ROOT),
                input.organisationId(), now());
        targets.insert(target);
        return target;
    }

    // --- assessments

    TargetAssessment assess(StaffMember member, String campaignId, String targetId, AssessmentInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        Target target = target(campaign, targetId);
        Framework.Indicator indicator = frameworks.find(campaign.id()).indicator(input.indicatorId())
                .orElseThrow(() -> new InvalidInputException("indicatorId", "is not an indicator of this card"));
        Scale scale = Scale.parse(indicator.scale()).orElseThrow();
        Scale.Score score = scale.score(input.value()).orElseThrow(() -> new InvalidInputException("value",
                scale == Scale.PERCENT ? "must be a number from 0 to 100, or no-data"
                        : "must be yes, partial, no or no-data"));
        if (input.evidenceLink() != null && !input.evidenceLink().isBlank()
                && !input.evidenceLink().matches("^https?://[^\\s]+$")) {
            throw new InvalidInputException("evidenceLink", "must be an http(s) URL");
        }
        TargetAssessment assessment = new TargetAssessment(campaign.id(), targetId, input.indicatorId(), input.cycle(),
                input.value().trim().toLowerCase(Locale.ROOT), score.value(), input.evidenceLink(),
                input.evidenceNote(), member.name(), now());
        assessments.save(assessment);
        rescore(campaign, target.id(), input.cycle());
        audit.onCampaign(member, campaign.ownerOrganisation(), campaign.organisations(), AuditAction.SCORE_CHANGED,
                new Subject("target", target.id(), target.name()), Map.of("indicatorId", assessment.indicatorId(),
                        "cycle", assessment.cycle(), "value", assessment.value()));
        return assessment;
    }

    /** Recomputes a target's scores for a cycle and writes them with the events that causes. */
    private void rescore(Campaign campaign, String targetId, String cycle) {
        Framework framework = frameworks.find(campaign.id());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Target target = targets.findById(targetId).orElseThrow(() -> new NotFoundException(
                    "No target '" + targetId + "' on this campaign."));
            CycleScores scores = scores(framework, assessments.scoresByIndicator(targetId, cycle), now());
            Target.Rescored rescored = target.rescored(campaign, cycle, scores, publicBaseUrl);
            List<PendingEvent> caused = rescored.events().stream()
                    .map(event -> outbox.pending(ProgressUpdated.TYPE, campaign.id(), event.eventId(), event)).toList();
            if (targets.rescoredIfUnchanged(target, rescored, caused)) {
                outbox.relay(TargetRepository.COLLECTION, targetId, caused);
                return;
            }
        }
        throw new ConflictException("Changed meanwhile", "The target's scores changed while this request ran; retry.");
    }

    /**
     * Writes a card as staff would have kept it, for the demo campaign: the framework, the targets, their
     * assessments and the scores they give. The scores are written without {@code progress-updated}: seed data
     * is not news, and followers would otherwise be mailed about it on a first start.
     *
     * @throws com.mongodb.MongoWriteException (duplicate key) when another instance seeds the same targets first
     */
    void seed(Campaign campaign, Framework framework, List<Target> seeded, List<TargetAssessment> assessed,
            Map<String, List<ReplyRequest>> replies) {
        frameworks.save(campaign.id(), framework);
        seeded.forEach(targets::insert);
        assessed.forEach(assessments::save);
        replies.forEach((targetId, list) -> list.forEach(reply -> targets.replyRequested(targetId, reply)));
        for (TargetAssessment a : assessed.stream().filter(distinctBy()).toList()) {
            Target target = targets.findById(a.targetId()).orElseThrow();
            CycleScores scores = scores(framework, assessments.scoresByIndicator(a.targetId(), a.cycle()), now());
            targets.rescoredIfUnchanged(target, new Target.Rescored(a.cycle(), scores, List.of()), List.of());
        }
    }

    /** One assessment per target and cycle: each pair is scored once. */
    private static Predicate<TargetAssessment> distinctBy() {
        var seen = new HashSet<String>();
        return a -> seen.add(a.targetId() + "|" + a.cycle());
    }

    /** Each theme's score is the mean of its indicators' scores; the overall score the mean of the themes'. */
    private static CycleScores scores(Framework framework, Map<String, Double> byIndicator, Instant now) {
        Map<String, Double> themes = new LinkedHashMap<>();
        List<Double> themeScores = new ArrayList<>();
        for (Framework.Theme theme : framework.themes()) {
            Double themeScore = mean(theme.indicators().stream().map(i -> byIndicator.get(i.indicatorId())).toList());
            themes.put(theme.themeId(), themeScore);
            themeScores.add(themeScore);
        }
        return new CycleScores(mean(themeScores), themes, now);
    }

    /** The mean to one decimal, of the values with data: no data is left out, never counted as zero. */
    static Double mean(List<Double> values) {
        List<Double> known = values.stream().filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return null;
        }
        double mean = known.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return Math.round(mean * 10) / 10.0;
    }

    // --- right of reply

    ReplyRequest requestReply(StaffMember member, String campaignId, String targetId, ReplyRequestInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        target(campaign, targetId);
        ReplyRequest reply = ReplyRequest.of(member.name(), input.deadline(), input.note(), now());
        targets.replyRequested(targetId, reply);
        return reply;
    }

    void recordReply(StaffMember member, String campaignId, String targetId, String replyId, ReplyInput input) {
        Campaign campaign = campaigns.forChanging(member, campaignId);
        if (!target(campaign, targetId).hasReplyRequest(replyId)) {
            throw new NotFoundException("No reply request '" + replyId + "' on this target.");
        }
        targets.replyRecorded(targetId, replyId, now(), input.response(), input.link());
    }

    // --- reading

    Card card(Campaign campaign) {
        Framework framework = frameworks.find(campaign.id());
        Instant now = clock.instant();
        return new Card(campaign.id(), campaign.slug(), framework,
                targets.forCampaign(campaign.id()).stream().map(t -> Card.TargetScore.of(t, now)).toList());
    }

    /** @param cycle the cycle to show, or null for the latest */
    CardGrid grid(Campaign campaign, String cycle) {
        Framework framework = frameworks.find(campaign.id());
        List<Target> all = targets.forCampaign(campaign.id());
        var cycles = CardGrid.cycles(all);
        String shown = cycle != null ? cycle : cycles.isEmpty() ? null : cycles.last();
        List<TargetAssessment> assessed = shown == null ? List.of() : assessments.forCampaignCycle(campaign.id(), shown);
        return CardGrid.of(campaign.id(), campaign.slug(), framework, all, cycle, assessed, clock.instant());
    }

    Card.TargetHistory history(Campaign campaign, String targetId) {
        Target target = target(campaign, targetId);
        Map<String, List<Card.Assessment>> byIndicator = new TreeMap<>();
        assessments.forTarget(targetId).forEach(a -> byIndicator
                .computeIfAbsent(a.indicatorId(), k -> new ArrayList<>()).add(Card.Assessment.of(a)));
        return Card.TargetHistory.of(target, byIndicator, clock.instant());
    }

    Campaign forReading(StaffMember member, String campaignId) {
        return campaigns.forReading(member, campaignId);
    }

    Campaign published(String slug) {
        return campaigns.publishedBySlug(slug);
    }

    private Target target(Campaign campaign, String targetId) {
        return targets.find(campaign.id(), targetId)
                .orElseThrow(() -> new NotFoundException("No target '" + targetId + "' on this campaign."));
    }

    /** What is stored is to the millisecond: what a write returns is what a later read gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
