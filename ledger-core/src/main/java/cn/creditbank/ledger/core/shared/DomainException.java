package cn.creditbank.ledger.core.shared;

import java.util.Objects;

/**
 * A refusal by a domain rule. It carries a stable {@link ErrorCode}; the HTTP layer maps it to problem+json in
 * one place and never inspects the message.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String detail) {
        super(detail, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }
}
