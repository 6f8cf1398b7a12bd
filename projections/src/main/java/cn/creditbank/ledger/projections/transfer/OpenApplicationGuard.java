package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.transfer.TransferApplied;
import cn.creditbank.ledger.core.transfer.TransferApproved;
import cn.creditbank.ledger.core.transfer.TransferEvent;
import cn.creditbank.ledger.core.transfer.TransferRejected;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At most one pending application per learner and programme. Applications are separate aggregates, so this runs
 * inside the applying transaction (subscribing processor) and refuses a second one, which rolls it back; a
 * decision frees the slot in its own transaction.
 */
@Component
@ProcessingGroup(OpenApplicationGuard.PROCESSING_GROUP)
class OpenApplicationGuard {

    static final String PROCESSING_GROUP = "transfer-pending-guard";

    private final JdbcTemplate jdbc;

    OpenApplicationGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransferApplied event) {
        // ON CONFLICT keeps the transaction usable (and waits for a concurrent applicant); the holder is then compared
        jdbc.update("""
                        INSERT INTO open_transfer_application (learner_id, programme_code, transfer_id)
                        VALUES (?, ?, ?) ON CONFLICT (learner_id, programme_code) DO NOTHING""",
                event.learnerId().value(), event.programmeCode().value(), event.transferId().value());
        String open = jdbc.queryForObject(
                "SELECT transfer_id FROM open_transfer_application WHERE learner_id = ? AND programme_code = ?",
                String.class, event.learnerId().value(), event.programmeCode().value());
        if (!event.transferId().value().equals(open)) {
            throw new DomainException(ErrorCode.TRANSFER_ALREADY_PENDING, "application " + open + " to "
                    + event.programmeCode() + " is still pending");
        }
    }

    @EventHandler
    void on(TransferApproved event) {
        release(event, event.programmeCode());
    }

    @EventHandler
    void on(TransferRejected event) {
        release(event, event.programmeCode());
    }

    private void release(TransferEvent event, ProgrammeCode programme) {
        jdbc.update("DELETE FROM open_transfer_application WHERE learner_id = ? AND programme_code = ? "
                + "AND transfer_id = ?", event.learnerId().value(), programme.value(), event.transferId().value());
    }
}
