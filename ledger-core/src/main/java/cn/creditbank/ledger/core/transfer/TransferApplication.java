package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A learner's credit-transfer application (学分转换申请) to one programme: made on an evaluation, then decided
 * once by the programme's institution — approved (all or some courses) or rejected with a reason. At most one
 * pending application per learner and programme is enforced by a guard in the write transaction, not here.
 */
public class TransferApplication {

    @AggregateIdentifier
    private TransferId transferId;
    private LearnerId learnerId;
    private ProgrammeCode programmeCode;
    private InstitutionCode institution;
    private List<ProposedTransfer> proposed;
    private boolean decided;

    protected TransferApplication() {
    }

    @CommandHandler
    public TransferApplication(ApplyForTransfer command) {
        assertSomethingToTransfer(command.proposed());
        apply(new TransferApplied(command.transferId(), command.learnerId(), command.programmeCode(),
                command.programmeVersion(), command.institution(), command.asOf(), command.evaluatedAt(),
                command.proposed(), command.earnedCredits(), command.transferredCredits(), command.cap(),
                command.rulesUsed(), command.appliedBy()));
    }

    @CommandHandler
    public void handle(ApproveTransfer command) {
        assertDecidedByProgrammeInstitution(command.decidedBy());
        assertPending();
        List<ProposedTransfer> approved = command.approvesAll() ? proposed : selected(command.courseCodes());
        apply(new TransferApproved(transferId, learnerId, programmeCode, institution, approved,
                command.recordedBy()));
    }

    @CommandHandler
    public void handle(RejectTransfer command) {
        assertDecidedByProgrammeInstitution(command.decidedBy());
        assertPending();
        apply(new TransferRejected(transferId, learnerId, programmeCode, institution, command.reason(),
                command.recordedBy()));
    }

    private static void assertSomethingToTransfer(List<ProposedTransfer> proposed) {
        if (proposed.isEmpty()) {
            throw new DomainException(ErrorCode.NOTHING_TO_TRANSFER, "the evaluation transfers no course");
        }
    }

    private void assertDecidedByProgrammeInstitution(InstitutionCode decidedBy) {
        if (!institution.equals(decidedBy)) {
            throw new DomainException(ErrorCode.NOT_PROGRAMME_INSTITUTION,
                    "only " + institution + " decides applications to " + programmeCode);
        }
    }

    private void assertPending() {
        if (decided) {
            throw new DomainException(ErrorCode.TRANSFER_ALREADY_DECIDED,
                    "transfer application " + transferId + " is already decided");
        }
    }

    /** The proposed courses named, in the order they were proposed; a name not proposed is refused. */
    private List<ProposedTransfer> selected(Set<UnitCode> courseCodes) {
        Set<UnitCode> proposedCodes = proposed.stream().map(ProposedTransfer::courseCode).collect(Collectors.toSet());
        for (UnitCode code : courseCodes) {
            if (!proposedCodes.contains(code)) {
                throw new DomainException(ErrorCode.UNKNOWN_COURSE,
                        "course " + code + " is not proposed in transfer application " + transferId);
            }
        }
        return proposed.stream().filter(p -> courseCodes.contains(p.courseCode())).toList();
    }

    @EventSourcingHandler
    void on(TransferApplied event) {
        transferId = event.transferId();
        learnerId = event.learnerId();
        programmeCode = event.programmeCode();
        institution = event.institution();
        proposed = List.copyOf(event.proposed());
    }

    @EventSourcingHandler
    void on(TransferApproved event) {
        decided = true;
    }

    @EventSourcingHandler
    void on(TransferRejected event) {
        decided = true;
    }
}
