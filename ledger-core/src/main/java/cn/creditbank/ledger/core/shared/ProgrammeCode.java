package cn.creditbank.ledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Code of a programme in the catalogue, e.g. {@code OUC-SE-DIP}. */
public record ProgrammeCode(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProgrammeCode {
        value = Codes.validate(value, "programmeCode", Codes.CATALOGUE_CODE);
    }

    public static ProgrammeCode of(String value) {
        return new ProgrammeCode(value);
    }

    @Override
    public String toString() {
        return value; // Axon stores aggregate identifiers through toString()
    }
}
