package cn.creditbank.ledger.core.shared;

import java.util.Objects;
import java.util.Optional;

/**
 * A refusal by a domain rule. It carries a stable {@link ErrorCode}; the HTTP layer maps it to problem+json in
 * one place and never inspects the message.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    /** A refusal of one input field, named as clients name it, so that they can point at it. */
    public DomainException(ErrorCode code, String detail, String field) {
        super(detail, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
        this.code = Objects.requireNonNull(code);
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field refused, if the refusal is about one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
