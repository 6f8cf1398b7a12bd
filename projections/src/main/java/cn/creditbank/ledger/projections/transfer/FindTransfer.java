package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.transfer.TransferId;

/** One application; answers {@link TransferView}, or refuses an unknown id with {@code UNKNOWN_TRANSFER}. */
public record FindTransfer(TransferId transferId) {

    public FindTransfer {
        Require.present(transferId, "transferId");
    }
}
