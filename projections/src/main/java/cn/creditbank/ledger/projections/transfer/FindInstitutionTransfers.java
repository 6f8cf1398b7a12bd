package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.Require;

/** Applications to an institution's programmes, of one status or all ({@code null}); answers {@link TransferPage}. */
public record FindInstitutionTransfers(InstitutionCode institution, TransferStatus status, int page, int size) {

    public static final int MAX_SIZE = 500;

    public FindInstitutionTransfers {
        Require.present(institution, "institution");
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "page must be ≥ 0 and size between 1 and " + MAX_SIZE);
        }
    }
}
