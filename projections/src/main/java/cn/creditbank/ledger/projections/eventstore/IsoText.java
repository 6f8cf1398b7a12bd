package cn.creditbank.ledger.projections.eventstore;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The plain ISO-8601 forms the ledger itself writes into events, read by hand instead of by a
 * {@code DateTimeFormatter}: a replay reads millions of them. Anything else is the callers' formatter's to read.
 */
final class IsoText {

    private IsoText() {
    }

    /** The {@code yyyy-MM-dd} date starting at {@code from}, or null if the text there is not a real date so written. */
    static LocalDate date(String text, int from) {
        if (text.length() < from + 10 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
            return null;
        }
        int year = digits(text, from, from + 4);
        int month = digits(text, from + 5, from + 7);
        int day = digits(text, from + 8, from + 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The decimal number in {@code [from, to)}, or -1 if any character is not a digit. */
    static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
