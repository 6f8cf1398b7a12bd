package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;

/** A void, correction or revocation must say why: the reason is what an auditor reads. */
final class Reasons {

    private static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ErrorCode.REASON_REQUIRED, "a reason is required");
        }
        if (reason.length() > MAX_LENGTH) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "reason is longer than " + MAX_LENGTH + " characters");
        }
        return reason.strip();
    }
}
