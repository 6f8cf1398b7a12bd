package cn.creditbank.ledger.core.shared;

/** A void, correction, revocation or rejection must say why: the reason is what the learner and an auditor read. */
public final class Reasons {

    private static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    public static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ErrorCode.REASON_REQUIRED, "a reason is required");
        }
        if (reason.length() > MAX_LENGTH) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "reason is longer than " + MAX_LENGTH + " characters");
        }
        return reason.strip();
    }
}
