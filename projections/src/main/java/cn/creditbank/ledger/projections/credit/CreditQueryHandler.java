package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.projections.catalogue.CatalogueHistory;
import cn.creditbank.ledger.projections.history.OutcomeHistory;
import cn.creditbank.ledger.projections.transfer.TransferApplications;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Answers the learner queries on both time axes: the learner's outcomes and the catalogue as known at
 * {@code knownAt} (default: now), computed for {@code asOf} (default: today in the business zone).
 */
@Component
class CreditQueryHandler {

    private final OutcomeHistory history;
    private final CatalogueHistory catalogue;
    private final TransferApplications transfers;
    private final Clock clock;

    CreditQueryHandler(OutcomeHistory history, CatalogueHistory catalogue, TransferApplications transfers,
                       Clock clock) {
        this.history = history;
        this.catalogue = catalogue;
        this.transfers = transfers;
        this.clock = clock;
    }

    @QueryHandler
    Balance handle(FindBalance query) {
        return BalanceCalculator.balance(outcomes(query), asOf(query));
    }

    @QueryHandler
    Evaluation handle(FindEvaluation query) {
        return TransferEvaluator.evaluate(outcomes(query), query.programmeCode(), catalogue.snapshotAt(knownAt(query)),
                asOf(query), transfers.approvedKnownAt(query.learnerId(), query.programmeCode(), knownAt(query)));
    }

    @QueryHandler
    GradeProgress handle(FindGradeProgress query) {
        return GradeCalculator.progress(outcomes(query), query.ladderCode(), catalogue.snapshotAt(knownAt(query)),
                asOf(query));
    }

    private List<OutcomeView> outcomes(TimeTravelQuery query) {
        return history.outcomesKnownAt(query.learnerId(), knownAt(query)).orElseThrow(() ->
                new DomainException(ErrorCode.UNKNOWN_LEARNER, "learner " + query.learnerId() + " has no account"));
    }

    private LocalDate asOf(TimeTravelQuery query) {
        return query.asOf() != null ? query.asOf() : LocalDate.now(clock);
    }

    private Instant knownAt(TimeTravelQuery query) {
        return query.knownAt() != null ? query.knownAt() : clock.instant();
    }
}
