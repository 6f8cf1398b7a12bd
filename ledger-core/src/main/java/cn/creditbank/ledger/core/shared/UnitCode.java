package cn.creditbank.ledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Code of a learning unit in the catalogue, e.g. {@code CSTP-JAVA}. */
public record UnitCode(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UnitCode {
        value = Codes.validate(value, "unitCode", Codes.CATALOGUE_CODE);
    }

    public static UnitCode of(String value) {
        return new UnitCode(value);
    }

    @Override
    public String toString() {
        return value; // Axon stores aggregate identifiers through toString()
    }
}
