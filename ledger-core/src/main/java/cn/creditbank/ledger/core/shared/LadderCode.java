package cn.creditbank.ledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Code of a skill-grade ladder, e.g. {@code AI-TRAINER}. */
public record LadderCode(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LadderCode {
        value = Codes.validate(value, "ladderCode", Codes.CATALOGUE_CODE);
    }

    public static LadderCode of(String value) {
        return new LadderCode(value);
    }

    @Override
    public String toString() {
        return value; // Axon stores aggregate identifiers through toString()
    }
}
