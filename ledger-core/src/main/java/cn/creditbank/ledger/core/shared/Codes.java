package cn.creditbank.ledger.core.shared;

/**
 * The shapes that identifiers and catalogue codes must have. Checked by a loop over the characters, not a regular
 * expression: every identifier of every event read back passes through here, and a replay reads millions.
 */
final class Codes {

    static final int MAX_LENGTH = 64;

    /** Upper-case letters, digits and '-', '_', '.', starting with a letter or digit: URL- and CSV-safe. */
    static final Shape CATALOGUE_CODE = new Shape(false, true);
    /** Opaque ids: letters, digits, '-' and '_' (UUIDs, demo ids such as O1). */
    static final Shape OPAQUE_ID = new Shape(true, false);

    /** Which letters and punctuation a code may have besides upper-case letters, digits, '-' and '_'. */
    record Shape(boolean lowerCase, boolean dot) {

        boolean matches(String text) {
            if (text.isEmpty() || text.length() > MAX_LENGTH || !alphanumeric(text.charAt(0))) {
                return false;
            }
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!alphanumeric(c) && c != '-' && c != '_' && !(dot && c == '.')) {
                    return false;
                }
            }
            return true;
        }

        private boolean alphanumeric(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (lowerCase && c >= 'a' && c <= 'z');
        }
    }

    private Codes() {
    }

    static String validate(String value, String field, Shape shape) {
        String text = Require.text(value, field);
        if (!shape.matches(text)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " '" + text + "' is not a valid code",
                    field);
        }
        return text;
    }
}
