package cn.creditbank.ledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of one recorded learning outcome, stable across corrections. */
public record OutcomeId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OutcomeId {
        value = Codes.validate(value, "outcomeId", Codes.OPAQUE_ID);
    }

    public static OutcomeId of(String value) {
        return new OutcomeId(value);
    }

    @Override
    public String toString() {
        return value; // Axon stores aggregate identifiers through toString()
    }
}
