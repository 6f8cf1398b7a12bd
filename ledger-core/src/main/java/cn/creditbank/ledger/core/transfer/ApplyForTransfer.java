package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Apply for credit transfer into a programme on the strength of an evaluation: the caller evaluates, looks up the
 * programme's institution and passes the courses the evaluation marked TRANSFERRED with everything it was made on.
 */
public record ApplyForTransfer(@TargetAggregateIdentifier TransferId transferId, LearnerId learnerId,
                               ProgrammeCode programmeCode, int programmeVersion, InstitutionCode institution,
                               LocalDate asOf, Instant evaluatedAt, List<ProposedTransfer> proposed,
                               Credits earnedCredits, Credits transferredCredits, Credits cap,
                               List<RuleVersionRef> rulesUsed, String appliedBy) {

    public ApplyForTransfer {
        Require.present(transferId, "transferId");
        Require.present(learnerId, "learnerId");
        Require.present(programmeCode, "programmeCode");
        Require.present(institution, "institution");
        Require.present(asOf, "asOf");
        Require.present(evaluatedAt, "evaluatedAt");
        proposed = proposed == null ? List.of() : List.copyOf(proposed); // empty is refused by the application
        Require.present(earnedCredits, "earnedCredits");
        Require.present(transferredCredits, "transferredCredits");
        Require.present(cap, "cap");
        rulesUsed = rulesUsed == null ? List.of() : List.copyOf(rulesUsed);
        appliedBy = Require.text(appliedBy, "appliedBy");
    }
}
