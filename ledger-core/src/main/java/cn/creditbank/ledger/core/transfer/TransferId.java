package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.Require;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** Identifier of one credit-transfer application (学分转换申请). */
public record TransferId(@JsonValue String value) {

    /** The shape of every opaque id in the ledger (UUIDs, demo ids): URL- and CSV-safe. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TransferId {
        value = Require.text(value, "transferId");
        if (!SHAPE.matcher(value).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "transferId '" + value + "' is not a valid id");
        }
    }

    public static TransferId of(String value) {
        return new TransferId(value);
    }

    @Override
    public String toString() {
        return value; // Axon stores aggregate identifiers through toString()
    }
}
