package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Shared set-up of the {@link TransferApplication} specifications: 张三's application to OUC-SE-DIP on the
 * worked example's evaluation (DOMAIN §6) — SE106 by O5, SE105 by O4, SE101 and SE110 by O1 — and builders for its
 * commands and events.
 */
final class TransferTesting {

    static final TransferId TRANSFER = TransferId.of("T-0001");
    static final LearnerId LEARNER = LearnerId.of("demo-zhangsan");
    static final ProgrammeCode PROGRAMME = ProgrammeCode.of("OUC-SE-DIP");
    static final InstitutionCode OUC = InstitutionCode.of("OUC");
    static final InstitutionCode DEMO_VOC = InstitutionCode.of("DEMO-VOC");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static final Instant EVALUATED_AT = Instant.parse("2026-11-01T02:00:00Z");
    static final String LEARNER_USER = "zhangsan";
    static final String REGISTRAR = "ouc-registrar";
    static final String REJECTION_REASON = "证书与课程内容不对应";

    static final ProposedTransfer SE106 = proposed("OUC-SE106", "3", "O5", "R-VOC-DA");
    static final ProposedTransfer SE105 = proposed("OUC-SE105", "3", "O4", "R-AIGC");
    static final ProposedTransfer SE101 = proposed("OUC-SE101", "4", "O1", "R-CSTP-JAVA");
    static final ProposedTransfer SE110 = proposed("OUC-SE110", "4", "O1", "R-CSTP-JAVA");
    static final List<ProposedTransfer> PROPOSED = List.of(SE106, SE105, SE101, SE110);
    static final List<RuleVersionRef> RULES_USED = Arrays.stream(new String[]{"R-AIGC", "R-AIGC-PRJ", "R-CSTP-DB",
            "R-CSTP-JAVA", "R-NCRE", "R-VOC-DA", "R-VOC-ETH", "R-ZSWC-DS"})
            .map(id -> new RuleVersionRef(RuleId.of(id), 1)).toList();

    private TransferTesting() {
    }

    static FixtureConfiguration<TransferApplication> fixture() {
        return new AggregateTestFixture<>(TransferApplication.class);
    }

    static ProposedTransfer proposed(String course, String credits, String outcome, String rule) {
        return new ProposedTransfer(UnitCode.of(course), Credits.of(credits), OutcomeId.of(outcome), RuleId.of(rule),
                1);
    }

    static ApplyForTransfer applying(List<ProposedTransfer> proposed) {
        return new ApplyForTransfer(TRANSFER, LEARNER, PROGRAMME, 1, OUC, AS_OF, EVALUATED_AT, proposed,
                Credits.of("4"), Credits.of("14"), Credits.of("21"), RULES_USED, LEARNER_USER);
    }

    static TransferApplied applied() {
        return new TransferApplied(TRANSFER, LEARNER, PROGRAMME, 1, OUC, AS_OF, EVALUATED_AT, PROPOSED,
                Credits.of("4"), Credits.of("14"), Credits.of("21"), RULES_USED, LEARNER_USER);
    }

    static ApproveTransfer approving(String... courses) {
        return approvingAs(OUC, courses);
    }

    static ApproveTransfer approvingAs(InstitutionCode decidedBy, String... courses) {
        Set<UnitCode> codes = Arrays.stream(courses).map(UnitCode::of).collect(Collectors.toSet());
        return new ApproveTransfer(TRANSFER, codes, decidedBy, REGISTRAR);
    }

    static TransferApproved approved(ProposedTransfer... courses) {
        return new TransferApproved(TRANSFER, LEARNER, PROGRAMME, OUC, List.of(courses), REGISTRAR);
    }

    static RejectTransfer rejecting() {
        return rejectingAs(OUC);
    }

    static RejectTransfer rejectingAs(InstitutionCode decidedBy) {
        return new RejectTransfer(TRANSFER, REJECTION_REASON, decidedBy, REGISTRAR);
    }

    static TransferRejected rejected() {
        return new TransferRejected(TRANSFER, LEARNER, PROGRAMME, OUC, REJECTION_REASON, REGISTRAR);
    }
}
