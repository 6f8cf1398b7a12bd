package cn.creditbank.ledger.projections.transfer;

/**
 * Where an application stands: 待审核 pending, 已批准 approved, 已驳回 rejected, or 受影响 affected —
 * approved, but the source outcome of an approved course was voided or revoked since, for the institution and the
 * regulator to review (the approved courses still count).
 */
public enum TransferStatus {
    PENDING,
    APPROVED,
    REJECTED,
    AFFECTED
}
