package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;

import java.time.LocalDate;

/** A fact that a certificate was revoked (撤销) with effect from {@code revokedOn}. */
public record CertificateRevoked(LearnerId learnerId, OutcomeId outcomeId, String reason, LocalDate revokedOn,
                                 String recordedBy) {
}
