package cn.creditbank.ledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a conversion rule, e.g. {@code R-CSTP-JAVA}. */
public record RuleId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RuleId {
        value = Codes.validate(value, "ruleId", Codes.CATALOGUE_CODE);
    }

    public static RuleId of(String value) {
        return new RuleId(value);
    }

    @Override
    public String toString() {
        return value; // Axon stores aggregate identifiers through toString()
    }
}
