package cn.creditbank.ledger.projections.eventstore;

import com.fasterxml.jackson.annotation.JsonFormat;
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
 * <p>
 * Jackson contextualizes the reader for every property (and root value) it serves, through {@code with…} copies;
 * the module's copies are plain {@link LocalDateDeserializer}s, so the shape and leniency copies are made here to
 * keep the hand-read path (neither changes how a {@code yyyy-MM-dd} text is read). A property with its own pattern
 * gets the module's reader alone: the plain form might not be its form.
 */
final class PlainDateDeserializer extends LocalDateDeserializer {

    PlainDateDeserializer() {
        super(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    private PlainDateDeserializer(PlainDateDeserializer base, Boolean leniency) {
        super(base, leniency);
    }

    private PlainDateDeserializer(PlainDateDeserializer base, JsonFormat.Shape shape) {
        super(base, shape);
    }

    @Override
    protected LocalDateDeserializer withLeniency(Boolean leniency) {
        return new PlainDateDeserializer(this, leniency);
    }

    @Override
    protected LocalDateDeserializer withShape(JsonFormat.Shape shape) {
        return new PlainDateDeserializer(this, shape);
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
