package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.Require;

import java.time.LocalDate;

/** A closed date range [from, until]; an absent {@code until} means open-ended. */
public record Period(LocalDate from, LocalDate until) {

    public Period {
        Require.present(from, "from");
        if (until != null && until.isBefore(from)) {
            throw new DomainException(ErrorCode.INVALID_PERIOD, "period ends " + until + " before it starts " + from);
        }
    }

    public static Period from(LocalDate from) {
        return new Period(from, null);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }
}
