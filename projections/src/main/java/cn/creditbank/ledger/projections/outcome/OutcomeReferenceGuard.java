package cn.creditbank.ledger.projections.outcome;

import cn.creditbank.ledger.core.outcome.OutcomeRecorded;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes an issuer's external reference unique across the whole bank. A learner's account already refuses a
 * reused reference within that learner; this guard runs inside the recording transaction (subscribing
 * processor) and refuses the same reference for a different learner, which rolls the recording back.
 */
@Component
@ProcessingGroup(OutcomeReferenceGuard.PROCESSING_GROUP)
class OutcomeReferenceGuard {

    static final String PROCESSING_GROUP = "outcome-reference-guard";

    private final JdbcTemplate jdbc;

    OutcomeReferenceGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OutcomeRecorded event) {
        // ON CONFLICT keeps the transaction usable; the owner of the reference is then compared.
        jdbc.update("""
                        INSERT INTO outcome_reference (issuer, external_ref, learner_id, outcome_id)
                        VALUES (?, ?, ?, ?) ON CONFLICT (issuer, external_ref) DO NOTHING""",
                event.issuer().value(), event.externalRef(), event.learnerId().value(), event.outcomeId().value());
        String owner = jdbc.queryForObject(
                "SELECT learner_id FROM outcome_reference WHERE issuer = ? AND external_ref = ?",
                String.class, event.issuer().value(), event.externalRef());
        if (!event.learnerId().value().equals(owner)) {
            throw new DomainException(ErrorCode.EXTERNAL_REF_CONFLICT, "external reference " + event.externalRef()
                    + " of " + event.issuer() + " is already recorded for another learner");
        }
    }
}
