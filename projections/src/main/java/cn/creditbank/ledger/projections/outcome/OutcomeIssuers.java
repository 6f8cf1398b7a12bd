package cn.creditbank.ledger.projections.outcome;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * Which institution issued an outcome, from the reference table written in the recording transaction: never
 * behind the event store, so an access check made on it cannot be fooled by projection lag.
 */
@Repository
public class OutcomeIssuers {

    private final JdbcTemplate jdbc;

    public OutcomeIssuers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InstitutionCode> issuerOf(LearnerId learner, OutcomeId outcome) {
        return jdbc.queryForList("SELECT issuer FROM outcome_reference WHERE learner_id = ? AND outcome_id = ?",
                String.class, learner.value(), outcome.value()).stream().findFirst().map(InstitutionCode::of);
    }
}
