package cn.creditbank.ledger.api.outcome;

import cn.creditbank.ledger.api.access.AccessPolicy;
import cn.creditbank.ledger.api.consistency.LedgerPositions;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.core.outcome.CorrectOutcome;
import cn.creditbank.ledger.core.outcome.OutcomeFacts;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.outcome.RevokeCertificate;
import cn.creditbank.ledger.core.outcome.VoidOutcome;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.projections.outcome.RecordingPositions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Sends the outcome commands for the HTTP API and says where the ledger stands afterwards. Each command is its own
 * transaction (retried on an append race with another node); the answer comes only after it is durably stored.
 */
@Service
class OutcomeWrites {

    /** A recording: the outcome's id, whether this request created it (false for a retry) and the position. */
    record Recorded(OutcomeId outcomeId, boolean created, long position) {
    }

    private final CommandGateway commands;
    private final AccessPolicy access;
    private final LedgerPositions positions;
    private final RecordingPositions recordedAt;

    OutcomeWrites(CommandGateway commands, AccessPolicy access, LedgerPositions positions,
                  RecordingPositions recordedAt) {
        this.commands = commands;
        this.access = access;
        this.positions = positions;
        this.recordedAt = recordedAt;
    }

    Recorded record(Caller caller, LearnerId learner, OutcomeRequest request) {
        OutcomeFacts facts = request.toFacts();
        access.assertMayIssue(caller, facts.issuer());
        OutcomeId proposed = OutcomeId.of(UUID.randomUUID().toString());
        recordedAt.clear();
        OutcomeId recorded = commands.sendAndWait(new RecordOutcome(learner, proposed, facts, caller.subject()));
        boolean created = recorded.equals(proposed);
        // the position the recording transaction noted for its own event; a retry wrote nothing: ask the store
        long position = created ? recordedAt.take().orElseGet(() -> positions.of(learner)) : positions.of(learner);
        return new Recorded(recorded, created, position);
    }

    long voidOutcome(Caller caller, LearnerId learner, OutcomeId outcome, OutcomeChanges.VoidRequest request) {
        commands.sendAndWait(new VoidOutcome(learner, outcome, request.reason(), caller.subject()));
        return positions.of(learner);
    }

    long correct(Caller caller, LearnerId learner, OutcomeId outcome, OutcomeChanges.CorrectRequest request) {
        commands.sendAndWait(new CorrectOutcome(learner, outcome, request.score() == null ? null
                : new Score(request.score()), request.level(), request.date(), request.reason(), caller.subject()));
        return positions.of(learner);
    }

    long revoke(Caller caller, LearnerId learner, OutcomeId outcome, OutcomeChanges.RevokeRequest request) {
        commands.sendAndWait(new RevokeCertificate(learner, outcome, request.reason(), request.date(),
                caller.subject()));
        return positions.of(learner);
    }
}
