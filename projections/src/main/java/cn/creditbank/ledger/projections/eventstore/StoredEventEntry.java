package cn.creditbank.ledger.projections.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An event (or snapshot) as read from the store, whose time stamp is parsed once, and fast. Axon keeps the stored
 * text and parses it with a {@code DateTimeFormatter} every time it is asked (a tracking reader asks once for its
 * gap check, the message once more): a seventh of a replay's CPU. The store's own format ({@code
 * 2026-11-23T14:16:57.118Z}, any number of fraction digits) is read by hand; anything else is left to Axon's parser,
 * so every time stamp reads as it always did.
 */
public final class StoredEventEntry<T> extends GenericDomainEventEntry<T> {

    private final String stamped;
    private transient Instant timestamp;

    public StoredEventEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                            String timestamp, String payloadType, String payloadRevision, T payload, T metaData) {
        super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                payload, metaData);
        this.stamped = timestamp;
    }

    @Override
    public Instant getTimestamp() {
        Instant parsed = timestamp;
        if (parsed == null) {
            parsed = parse(stamped);
            timestamp = parsed;
        }
        return parsed;
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} by hand; any other form by Axon's ISO-8601 parser. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || (length > 20 && (text.charAt(19) != '.' || length == 21))) {
            return DateTimeUtils.parseInstant(text);
        }
        LocalDate date = IsoText.date(text, 0);
        int hour = IsoText.digits(text, 11, 13);
        int minute = IsoText.digits(text, 14, 16);
        int second = IsoText.digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            nanos = IsoText.digits(text, 20, length - 1);
            for (int scale = length - 21; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || nanos < 0) {
            return DateTimeUtils.parseInstant(text); // not a plain UTC time: Axon's parser decides, or refuses
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }
}
