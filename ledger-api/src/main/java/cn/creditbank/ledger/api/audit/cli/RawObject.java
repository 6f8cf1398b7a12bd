package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.api.audit.cli.ExportLine.Origin;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A JSON object embedded in a line, as its exact text, plus the origin fields if it is event metadata
 * ({@code principal}, {@code institution}, {@code requestId} at the top level, as the API stamps them on every
 * command). Walking the top level instead of {@code skipChildren()} costs nothing extra and lets the unhashed
 * {@code recordedBy}/{@code institution}/{@code requestId} columns of the export be checked against hashed text.
 */
record RawObject(String text, Origin origin) {

    static RawObject read(JsonParser json, String line, String name) throws MalformedLine {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedLine("\"" + name + "\" must be a JSON object");
        }
        int start = offset(json, line, '{');
        String principal = null;
        String institution = null;
        String requestId = null;
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String property = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                json.skipChildren();
            } else if (value == JsonToken.VALUE_STRING) {
                switch (property) {
                    case "principal" -> principal = json.getString();
                    case "institution" -> institution = json.getString();
                    case "requestId" -> requestId = json.getString();
                    default -> {
                    }
                }
            }
        }
        int end = offset(json, line, '}') + 1;
        return new RawObject(line.substring(start, end), new Origin(principal, institution, requestId));
    }

    /** Where the current token starts; checked against the line so that an offset in other units cannot slip by. */
    private static int offset(JsonParser json, String line, char expected) {
        long offset = json.currentTokenLocation().getCharOffset();
        if (offset < 0 || offset >= line.length() || line.charAt((int) offset) != expected) {
            throw new IllegalStateException("the JSON parser reports no usable character offset (" + offset + ")");
        }
        return (int) offset;
    }
}
