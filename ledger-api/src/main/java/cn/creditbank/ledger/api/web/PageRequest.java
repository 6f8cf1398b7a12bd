package cn.creditbank.ledger.api.web;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;

/** {@code ?page=0&size=50} of API.md: pages count from 0, at most 500 items a page. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "size must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
