package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.core.outcome.RecordOutcome;

/** A row ready to record (its command), or already answered (its rejection). */
record PreparedRow(int index, RecordOutcome command, RowResult rejection) {

    static PreparedRow toRecord(int index, RecordOutcome command) {
        return new PreparedRow(index, command, null);
    }

    static PreparedRow rejected(RowResult rejection) {
        return new PreparedRow(rejection.index(), null, rejection);
    }
}
