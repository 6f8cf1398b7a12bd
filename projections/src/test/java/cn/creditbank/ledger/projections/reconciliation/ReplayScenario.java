package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.outcome.CorrectOutcome;
import cn.creditbank.ledger.core.outcome.OpenLearnerAccount;
import cn.creditbank.ledger.core.outcome.OutcomeFacts;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.outcome.RevokeCertificate;
import cn.creditbank.ledger.core.outcome.VoidOutcome;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.core.transfer.ApplyForTransfer;
import cn.creditbank.ledger.core.transfer.ApproveTransfer;
import cn.creditbank.ledger.core.transfer.ProposedTransfer;
import cn.creditbank.ledger.core.transfer.RejectTransfer;
import cn.creditbank.ledger.core.transfer.RuleVersionRef;
import cn.creditbank.ledger.core.transfer.TransferId;
import cn.creditbank.ledger.projections.credit.CourseStatus;
import cn.creditbank.ledger.projections.credit.Evaluation;
import cn.creditbank.ledger.projections.credit.FindEvaluation;
import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;
import cn.creditbank.ledger.projections.support.LedgerNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.creditbank.ledger.core.demo.DemoCatalogue.SOFTWARE_DIPLOMA;
import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps that build a ledger for the replay tests through the real command handlers, and a generated history of
 * learners on the demo catalogue: random outcomes of every kind, corrections, voids and revocations, transfer
 * applications approved (all or some courses), rejected or left pending, and source outcomes withdrawn afterwards.
 */
final class ReplayScenario {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static final InstitutionCode OUC = InstitutionCode.of("OUC");
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final List<String[]> SCORED = List.of(
            new String[]{"MODULE", "VOC-AIM-01", "DEMO-VOC"}, new String[]{"MODULE", "VOC-AIM-02", "DEMO-VOC"},
            new String[]{"MODULE", "VOC-AIM-03", "DEMO-VOC"}, new String[]{"MODULE", "VOC-AIM-04", "DEMO-VOC"},
            new String[]{"MODULE", "VOC-AIM-05", "DEMO-VOC"}, new String[]{"EXAM", "NCRE-2-JAVA", "NEEA"},
            new String[]{"COURSE", "OUC-SE107", "OUC"}, new String[]{"COURSE", "OUC-SE108", "OUC"},
            new String[]{"COURSE", "OUC-SE111", "OUC"});
    private static final Map<String, List<String>> CERTIFICATES = Map.of(
            "CSTP-JAVA", List.of("初级", "中级", "高级"), "CSTP-DB", List.of("初级", "中级"),
            "AIGC", List.of("通用级", "专业级", "导师级", "专家级"));
    private static final Map<String, String> CERTIFICATE_ISSUERS = Map.of("CSTP-JAVA", "CSIA", "CSTP-DB", "CSIA",
            "AIGC", "ICDC");

    /** What the generator knows of an outcome, to send only commands the ledger accepts. */
    private static final class Outcome {
        final LearnerId learner;
        final OutcomeId id;
        final String kind;
        final String unit;
        final LocalDate date;
        Integer score;
        String level;
        boolean voided;
        boolean revoked;

        Outcome(LearnerId learner, OutcomeId id, String kind, String unit, LocalDate date, Integer score,
                String level) {
            this.learner = learner;
            this.id = id;
            this.kind = kind;
            this.unit = unit;
            this.date = date;
            this.score = score;
            this.level = level;
        }
    }

    private final LedgerNode node;
    private final Random random;
    private final LocalDate latest = LocalDate.now().minusDays(1);
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    ReplayScenario(LedgerNode node, long seed) {
        this.node = node;
        this.random = new Random(seed);
    }

    void send(Object command) {
        node.commands().sendAndWait(command);
    }

    void awaitProjections() {
        ProjectionPositions positions = node.bean(ProjectionPositions.class);
        long head = positions.head();
        for (String projection : ProjectionProcessors.STREAMING_PROJECTIONS) {
            assertThat(positions.awaitPosition(projection, head, CATCH_UP)).as(projection).isTrue();
        }
    }

    Evaluation evaluation(LearnerId learner) {
        awaitProjections();
        return node.bean(QueryGateway.class).query(new FindEvaluation(learner, SOFTWARE_DIPLOMA, AS_OF, null),
                ResponseTypes.instanceOf(Evaluation.class)).join();
    }

    /** An application sent: what it proposed. */
    record Application(TransferId id, LearnerId learner, List<UnitCode> courses, List<OutcomeId> sources) {
    }

    /** Applies on the learner's current evaluation into OUC-SE-DIP, as the API does; empty when nothing transfers. */
    java.util.Optional<Application> apply(LearnerId learner) {
        Evaluation evaluation = evaluation(learner);
        List<ProposedTransfer> proposed = evaluation.courses().stream()
                .filter(c -> c.status() == CourseStatus.TRANSFERRED)
                .map(c -> new ProposedTransfer(c.courseCode(), c.credits(), c.outcomeId(), c.ruleId(), c.ruleVersion()))
                .toList();
        if (proposed.isEmpty()) {
            return java.util.Optional.empty();
        }
        TransferId transfer = TransferId.of(UUID.randomUUID().toString());
        send(new ApplyForTransfer(transfer, learner, SOFTWARE_DIPLOMA, evaluation.programmeVersion(), OUC, AS_OF,
                Instant.now(), proposed, evaluation.earnedCredits(), evaluation.transferredCredits(), evaluation.cap(),
                evaluation.rulesUsed().stream().map(r -> new RuleVersionRef(r.ruleId(), r.version())).toList(),
                TESTER));
        return java.util.Optional.of(new Application(transfer, learner,
                proposed.stream().map(ProposedTransfer::courseCode).toList(),
                proposed.stream().map(ProposedTransfer::outcomeId).distinct().toList()));
    }

    // ---- generated history ----

    /** Opens {@code count} learners with {@code perLearner} random outcomes each. */
    List<LearnerId> learners(int count, int perLearner) {
        List<LearnerId> learners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LearnerId learner = LearnerId.of("gen-" + UUID.randomUUID());
            send(new OpenLearnerAccount(learner, TESTER));
            for (int o = 1; o <= perLearner; o++) {
                record(learner, OutcomeId.of("G" + o));
            }
            learners.add(learner);
        }
        return learners;
    }

    /** Corrects, voids and revokes some outcomes of these learners, each with the given chance. */
    void amend(List<LearnerId> learners, double correct, double voids, double revoke) {
        Set<LearnerId> chosen = Set.copyOf(learners);
        for (Outcome outcome : List.copyOf(outcomes.values())) {
            if (!chosen.contains(outcome.learner) || outcome.voided) {
                continue;
            }
            if (random.nextDouble() < correct) {
                correct(outcome);
            }
            if (outcome.kind.equals("CERTIFICATE") && !outcome.revoked && random.nextDouble() < revoke) {
                revoke(outcome);
            } else if (random.nextDouble() < voids) {
                voidOutcome(outcome);
            }
        }
    }

    /** Withdraws (voids or revokes) one outcome of the learner that is still valid. */
    void withdraw(LearnerId learner, OutcomeId id) {
        Outcome outcome = outcomes.get(learner.value() + "/" + id.value());
        if (outcome == null || outcome.voided || outcome.revoked) {
            return;
        }
        if (outcome.kind.equals("CERTIFICATE") && random.nextBoolean()) {
            revoke(outcome);
        } else {
            voidOutcome(outcome);
        }
    }

    /** 0: approve all proposed courses, 1: reject, otherwise approve only the first proposed course. */
    void decide(Application application, int choice) {
        switch (choice) {
            case 0 -> send(new ApproveTransfer(application.id(), Set.of(), OUC, TESTER));
            case 1 -> send(new RejectTransfer(application.id(), "材料不全", OUC, TESTER));
            default -> send(new ApproveTransfer(application.id(), Set.of(application.courses().get(0)), OUC, TESTER));
        }
    }

    Random random() {
        return random;
    }

    private void record(LearnerId learner, OutcomeId id) {
        LocalDate date = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(2130));
        date = date.isAfter(latest) ? latest : date;
        String ref = "gen-" + learner.value() + "-" + id.value();
        int pick = random.nextInt(SCORED.size() + 4);
        Outcome outcome;
        if (pick < SCORED.size()) {
            String[] unit = SCORED.get(pick);
            int score = 30 + random.nextInt(71);
            send(new RecordOutcome(learner, id, new OutcomeFacts(UnitKind.valueOf(unit[0]), UnitCode.of(unit[1]),
                    InstitutionCode.of(unit[2]), ref, date, Score.of(score), null, null, null, null), TESTER));
            outcome = new Outcome(learner, id, unit[0], unit[1], date, score, null);
        } else if (pick == SCORED.size()) {
            send(new RecordOutcome(learner, id, new OutcomeFacts(UnitKind.TRAINING, UnitCode.of("ZSWC-DS"),
                    InstitutionCode.of("ZSWC"), ref, date, null, 16, null, null, null), TESTER));
            outcome = new Outcome(learner, id, "TRAINING", "ZSWC-DS", date, null, null);
        } else {
            String unit = List.of("CSTP-JAVA", "CSTP-DB", "AIGC").get(random.nextInt(3));
            List<String> levels = CERTIFICATES.get(unit);
            String level = levels.get(random.nextInt(levels.size()));
            send(new RecordOutcome(learner, id, new OutcomeFacts(UnitKind.CERTIFICATE, UnitCode.of(unit),
                    InstitutionCode.of(CERTIFICATE_ISSUERS.get(unit)), ref, date, null, null, level, "NO-" + ref,
                    null), TESTER));
            outcome = new Outcome(learner, id, "CERTIFICATE", unit, date, null, level);
        }
        outcomes.put(learner.value() + "/" + id.value(), outcome);
    }

    private void correct(Outcome outcome) {
        if (outcome.score != null) {
            int score = (outcome.score + 1 + random.nextInt(30)) % 101;
            send(new CorrectOutcome(outcome.learner, outcome.id, Score.of(score), null, null, "成绩更正", TESTER));
            outcome.score = score;
        } else if (outcome.level != null && !outcome.revoked) {
            List<String> others = CERTIFICATES.get(outcome.unit).stream().filter(l -> !l.equals(outcome.level))
                    .collect(Collectors.toList());
            String level = others.get(random.nextInt(others.size()));
            send(new CorrectOutcome(outcome.learner, outcome.id, null, level, null, "等级更正", TESTER));
            outcome.level = level;
        }
    }

    private void revoke(Outcome outcome) {
        LocalDate on = outcome.date.plusDays(1 + random.nextInt(400));
        send(new RevokeCertificate(outcome.learner, outcome.id, "证书被发证机构撤销", on.isAfter(latest) ? latest : on,
                TESTER));
        outcome.revoked = true;
    }

    private void voidOutcome(Outcome outcome) {
        send(new VoidOutcome(outcome.learner, outcome.id, "录入错误", TESTER));
        outcome.voided = true;
    }
}
