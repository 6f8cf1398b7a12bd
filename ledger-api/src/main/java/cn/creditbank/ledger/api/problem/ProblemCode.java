package cn.creditbank.ledger.api.problem;

/**
 * Stable codes of the failures that belong to HTTP rather than to the domain (the domain's are
 * {@link cn.creditbank.ledger.core.shared.ErrorCode}). Part of the public contract: never rename one.
 */
public enum ProblemCode {
    MALFORMED_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    UNSUPPORTED_MEDIA_TYPE,
    NOT_ACCEPTABLE,
    PAYLOAD_TOO_LARGE,
    BATCH_TOO_LARGE,
    LEDGER_POSITION_NOT_REACHED,
    ISSUER_UNAVAILABLE,
    INTERNAL_ERROR
}
