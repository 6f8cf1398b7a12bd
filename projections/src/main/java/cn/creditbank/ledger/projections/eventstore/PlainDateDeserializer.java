package cn.creditbank.ledger.projections.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The JavaTime module's date reader, with the form every event stores ({@code 2024-05-17}) read by hand instead of by
 * a {@code DateTimeFormatter}: most events carry one or two dates, and a replay reads millions. Any other text,
 * including an impossible date, goes to the module's reader, so it is accepted or refused exactly as before.
 */
final class PlainDateDeserializer extends LocalDateDeserializer {

    PlainDateDeserializer() {
        super(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    @Override
    protected LocalDate _fromString(JsonParser parser, DeserializationContext context, String text)
            throws IOException {
        LocalDate date = plain(text);
        return date != null ? date : super._fromString(parser, context, text);
    }

    /** {@code yyyy-MM-dd} as a date, or null for anything else. */
    static LocalDate plain(String text) {
        return text.length() == 10 ? IsoText.date(text, 0) : null;
    }
}
