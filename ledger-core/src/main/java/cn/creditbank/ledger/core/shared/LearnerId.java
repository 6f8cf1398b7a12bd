package cn.creditbank.ledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Opaque identifier of a learner's account; never personal data. */
public record LearnerId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LearnerId {
        value = Codes.validate(value, "learnerId", Codes.OPAQUE_ID);
    }

    public static LearnerId of(String value) {
        return new LearnerId(value);
    }

    @Override
    public String toString() {
        return value; // Axon stores aggregate identifiers through toString()
    }
}
