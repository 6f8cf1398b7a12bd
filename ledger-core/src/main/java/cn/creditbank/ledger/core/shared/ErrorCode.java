package cn.creditbank.ledger.core.shared;

/**
 * Stable identifiers of every refusal the domain can give. They are part of the public contract
 * (the {@code code} of a problem+json answer and the key of its message in the bundles): never rename one.
 */
public enum ErrorCode {
    VALIDATION_FAILED,
    UNKNOWN_LEARNER,
    LEARNER_ALREADY_EXISTS,
    UNKNOWN_INSTITUTION,
    UNKNOWN_UNIT,
    UNKNOWN_PROGRAMME,
    UNKNOWN_LADDER,
    UNKNOWN_COURSE,
    UNKNOWN_OUTCOME,
    NOT_ACCREDITED,
    UNIT_KIND_MISMATCH,
    SCORE_OUT_OF_RANGE,
    SCORE_REQUIRED,
    LEVEL_REQUIRED,
    UNKNOWN_CERTIFICATE_LEVEL,
    CERTIFICATE_NUMBER_REQUIRED,
    DATE_IN_FUTURE,
    INVALID_PERIOD,
    NEGATIVE_VALUE,
    DUPLICATE_ENTRY,
    SHARE_OUT_OF_RANGE,
    EXTERNAL_REF_CONFLICT,
    OUTCOME_ALREADY_VOIDED,
    CERTIFICATE_ALREADY_REVOKED,
    NOT_A_CERTIFICATE,
    NOTHING_TO_CORRECT,
    REASON_REQUIRED,
    CONCURRENT_MODIFICATION
}
