package cn.creditbank.ledger.projections.credit;

/**
 * Why an outcome (or an outcome under one rule) did not count in an evaluation. The first seven are about the
 * outcome itself (step 1 of DOMAIN §5, in this order of precedence); the others about one rule and the greedy
 * assignment (steps 3–4).
 */
public enum ExclusionReason {
    VOIDED, NOT_YET_VALID, REVOKED, EXPIRED, OUTSIDE_RECENCY_WINDOW, SCORE_TOO_LOW, NOT_MAPPED,
    LEVEL_TOO_LOW, ALREADY_USED, NOT_EXEMPTABLE, ALREADY_SATISFIED, CAP_EXCEEDED
}
