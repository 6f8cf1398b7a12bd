package cn.creditbank.ledger.api.transfer;

import cn.creditbank.ledger.api.consistency.LedgerPositions;
import cn.creditbank.ledger.api.consistency.ReadYourWrites;
import cn.creditbank.ledger.api.credit.LedgerQueries;
import cn.creditbank.ledger.api.problem.ApiProblem;
import cn.creditbank.ledger.api.problem.ProblemCode;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.api.web.TimeTravel;
import cn.creditbank.ledger.core.catalogue.CatalogueKind;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.core.transfer.ApplyForTransfer;
import cn.creditbank.ledger.core.transfer.ProposedTransfer;
import cn.creditbank.ledger.core.transfer.RuleVersionRef;
import cn.creditbank.ledger.core.transfer.TransferId;
import cn.creditbank.ledger.projections.catalogue.CatalogueItems;
import cn.creditbank.ledger.projections.credit.ApprovedTransfer;
import cn.creditbank.ledger.projections.credit.CourseStatus;
import cn.creditbank.ledger.projections.credit.Evaluation;
import cn.creditbank.ledger.projections.credit.FindEvaluation;
import cn.creditbank.ledger.projections.transfer.TransferApplications;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A learner's application for credit transfer (DOMAIN.md §5): the evaluation of the day, as the bank knows it now, is
 * what the application proposes and stores, with the rule versions it used. Courses an institution already approved
 * count as transferred in that evaluation but are not proposed again.
 */
@Service
class TransferApplicationService {

    /** The new application and the evaluation it was made on. */
    record Applied(TransferId transferId, Evaluation evaluation, Instant evaluatedAt) {
    }

    private final LedgerQueries queries;
    private final CommandGateway commands;
    private final CatalogueItems catalogue;
    private final TransferApplications transfers;
    private final LedgerPositions positions;
    private final Clock clock;

    TransferApplicationService(LedgerQueries queries, CommandGateway commands, CatalogueItems catalogue,
                               TransferApplications transfers, LedgerPositions positions, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.catalogue = catalogue;
        this.transfers = transfers;
        this.positions = positions;
        this.clock = clock;
    }

    /** Applies with the evaluation on {@code asOf} (default today; never a future date) as known now. */
    Applied apply(Caller caller, LearnerId learner, ProgrammeCode programme, LocalDate asOf) {
        awaitEverythingRecordedFor(learner);
        Instant now = TimeTravel.lastCompleteMillisecond(clock); // the evaluation must be reproducible at this instant
        LocalDate today = asOf != null ? asOf : LocalDate.now(clock);
        if (today.isAfter(LocalDate.now(clock))) {
            throw new DomainException(ErrorCode.DATE_IN_FUTURE, "asOf " + asOf + " is in the future", "asOf");
        }
        ProgrammeDefinition definition = catalogue.latest(CatalogueKind.PROGRAMME, programme.value())
                .map(entry -> (ProgrammeDefinition) entry.definition())
                .orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_PROGRAMME,
                        "programme " + programme + " is not in the catalogue", "programmeCode"));
        Evaluation evaluation = queries.ask(new FindEvaluation(learner, programme, today, now), Evaluation.class);
        Set<UnitCode> alreadyApproved = transfers.approvedKnownAt(learner, programme, now).stream()
                .map(ApprovedTransfer::courseCode).collect(Collectors.toSet());
        List<ProposedTransfer> proposed = evaluation.courses().stream()
                .filter(course -> course.status() == CourseStatus.TRANSFERRED)
                .filter(course -> !alreadyApproved.contains(course.courseCode()))
                .map(course -> new ProposedTransfer(course.courseCode(), course.credits(), course.outcomeId(),
                        course.ruleId(), course.ruleVersion()))
                .toList();
        TransferId transferId = TransferId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new ApplyForTransfer(transferId, learner, programme, evaluation.programmeVersion(),
                definition.institution(), today, now, proposed, evaluation.earnedCredits(),
                evaluation.transferredCredits(), evaluation.cap(),
                evaluation.rulesUsed().stream().map(rule -> new RuleVersionRef(rule.ruleId(), rule.version()))
                        .toList(), caller.subject()));
        return new Applied(transferId, evaluation, now);
    }

    /**
     * An application is a decision made on the evaluation, so the evaluation must include everything already recorded
     * for the learner (an outcome recorded a moment ago), not what the read models have got to.
     */
    private void awaitEverythingRecordedFor(LearnerId learner) {
        long position = positions.of(learner);
        if (!positions.awaitProjections(position, ReadYourWrites.MAX_WAIT)) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.LEDGER_POSITION_NOT_REACHED,
                    "the read models have not yet taken in everything recorded for " + learner + "; try again");
        }
    }
}
