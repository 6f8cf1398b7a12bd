package cn.creditbank.ledger.api.web;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The two time axes of every learner read (DOMAIN.md §2), resolved: {@code asOf} defaults to today in the business
 * zone, {@code knownAt} to now. The resolved instant is echoed in answers, so that asking again with it reproduces
 * the answer exactly; a knownAt in the future is refused, since its answer could still change.
 */
public record TimeTravel(LocalDate asOf, Instant knownAt) {

    public static TimeTravel resolve(LocalDate asOf, Instant knownAt, Clock clock) {
        Instant now = lastCompleteMillisecond(clock);
        if (knownAt != null && knownAt.isAfter(now)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "knownAt " + knownAt + " is in the future");
        }
        return new TimeTravel(asOf != null ? asOf : LocalDate.now(clock), knownAt != null ? knownAt : now);
    }

    /**
     * "Now" as a knownAt that stays true: the event store stamps events to the millisecond, so an event recorded later
     * in the current millisecond would carry a stamp at or before a finer "now" and change the answer when asked again.
     * The end of the previous millisecond (PostgreSQL keeps microseconds) is the latest instant whose answer is final.
     */
    public static Instant lastCompleteMillisecond(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.MICROS);
    }
}
