package cn.creditbank.ledger.core.shared;

import java.util.regex.Pattern;

/** The shapes that identifiers and catalogue codes must have. */
final class Codes {

    /** Upper-case letters, digits and '-', '_', '.', starting with a letter or digit: URL- and CSV-safe. */
    static final Pattern CATALOGUE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");
    /** Opaque ids: letters, digits, '-' and '_' (UUIDs, demo ids such as O1). */
    static final Pattern OPAQUE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private Codes() {
    }

    static String validate(String value, String field, Pattern pattern) {
        String text = Require.text(value, field);
        if (!pattern.matcher(text).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " '" + text + "' is not a valid code",
                    field);
        }
        return text;
    }
}
