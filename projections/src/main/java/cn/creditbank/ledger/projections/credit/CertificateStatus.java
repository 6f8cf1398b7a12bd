package cn.creditbank.ledger.projections.credit;

/** A certificate on a given date: 有效 / 已过期 / 已撤销. */
public enum CertificateStatus {
    ACTIVE, EXPIRED, REVOKED
}
