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
    INTERNAL_ERROR;

    /** The code of a failure known only by its status: the client's request (4xx) or else the ledger. */
    static ProblemCode ofStatusClass(int status) {
        return status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL_ERROR;
    }
}
