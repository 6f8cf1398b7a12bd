package cn.creditbank.ledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Code of an institution in the catalogue, e.g. {@code OUC}. */
public record InstitutionCode(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public InstitutionCode {
        value = Codes.validate(value, "institutionCode", Codes.CATALOGUE_CODE);
    }

    public static InstitutionCode of(String value) {
        return new InstitutionCode(value);
    }

    @Override
    public String toString() {
        return value; // Axon stores aggregate identifiers through toString()
    }
}
