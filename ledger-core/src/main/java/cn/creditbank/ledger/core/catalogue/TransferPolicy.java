package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.Require;

import java.math.BigDecimal;

/** How much of a programme may come from credit transfer, how recent and how good the sources must be. */
public record TransferPolicy(BigDecimal maxShare, int recencyYears, BigDecimal minimumScore) {

    public TransferPolicy {
        Require.present(maxShare, "maxShare");
        if (maxShare.signum() < 0 || maxShare.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException(ErrorCode.SHARE_OUT_OF_RANGE, "maxShare must be within 0..1");
        }
        if (recencyYears < 0) {
            throw new DomainException(ErrorCode.NEGATIVE_VALUE, "recencyYears must not be negative");
        }
        maxShare = Require.normalized(maxShare);
        minimumScore = minimumScore == null ? BigDecimal.ZERO : Require.normalized(minimumScore);
        if (minimumScore.signum() < 0 || minimumScore.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new DomainException(ErrorCode.SCORE_OUT_OF_RANGE, "minimumScore must be within 0–100");
        }
    }

    public static TransferPolicy none() {
        return new TransferPolicy(BigDecimal.ZERO, 0, BigDecimal.ZERO);
    }
}
