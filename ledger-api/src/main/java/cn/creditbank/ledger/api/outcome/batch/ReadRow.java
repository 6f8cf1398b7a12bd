package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.core.shared.ErrorCode;

/**
 * One row as read from the body: its values, or why a well-formed row's values could not be read (a bad date, a
 * number where text belongs…), which rejects that row alone.
 */
record ReadRow(BatchRow values, String code, String detail) {

    static ReadRow of(BatchRow values) {
        return new ReadRow(values, null, null);
    }

    static ReadRow invalid(String detail) {
        return new ReadRow(null, ErrorCode.VALIDATION_FAILED.name(), detail);
    }

    boolean readable() {
        return values != null;
    }
}
