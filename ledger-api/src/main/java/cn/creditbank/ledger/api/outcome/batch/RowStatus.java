package cn.creditbank.ledger.api.outcome.batch;

/** What became of one row of a batch. */
public enum RowStatus {
    /** recorded by this batch */
    ACCEPTED,
    /** the ledger already had it (same issuer, external reference and content), perhaps from earlier in this batch */
    DUPLICATE,
    /** refused; {@code code} and {@code detail} say why, and nothing of it was recorded */
    REJECTED
}
