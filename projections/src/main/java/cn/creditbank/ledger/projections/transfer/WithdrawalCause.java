package cn.creditbank.ledger.projections.transfer;

/** Why a source outcome no longer counts: voided (作废, recorded in error) or revoked (撤销, a certificate). */
public enum WithdrawalCause {
    VOIDED,
    REVOKED
}
