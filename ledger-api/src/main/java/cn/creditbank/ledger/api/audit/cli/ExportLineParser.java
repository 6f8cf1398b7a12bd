package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.api.audit.cli.ExportLine.Origin;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.util.List;

/**
 * Reads one export line with Jackson's streaming parser. The payload and metadata are cut out of the line by the
 * parser's character offsets instead of being parsed and written again: the hash covers their stored text, and a
 * re-serialization (key order, escapes, number forms, Chinese as {@code \u4e2d} or not) would change it.
 */
final class ExportLineParser {

    /** The export format: exactly these fields, each once; their order does not matter to the hash. */
    static final List<String> FIELDS = List.of("position", "chainSequence", "eventId", "type", "revision",
            "aggregateId", "sequence", "recordedAt", "recordedBy", "institution", "requestId", "payload", "metadata",
            "hash", "previousHash");

    private static final JsonFactory JSON = new JsonFactory();

    private ExportLineParser() {
    }

    static ExportLine parse(String line) throws MalformedLine {
        // A String source gives a char-based parser, so the offsets below are indexes into the line.
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedLine("a line must be one JSON object");
            }
            Fields fields = new Fields();
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                fields.see(name);
                json.nextToken();
                fields.read(name, json, line);
            }
            if (json.nextToken() != null) {
                throw new MalformedLine("text after the JSON object");
            }
            return fields.toLine();
        } catch (JacksonException e) {
            throw new MalformedLine("not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The values of one line as they are read, in whatever order the fields come. */
    private static final class Fields {
        private int seen;
        private long position;
        private long chainSequence;
        private long sequence;
        private String eventId;
        private String type;
        private String revision;
        private String aggregateId;
        private String recordedAt;
        private String recordedBy;
        private String institution;
        private String requestId;
        private RawObject payload;
        private RawObject metadata;
        private String hash;
        private String previousHash;

        /** Unknown and repeated fields are refused: a second "hash" could show a reader another value than we check. */
        void see(String name) throws MalformedLine {
            int index = FIELDS.indexOf(name);
            if (index < 0) {
                throw new MalformedLine("unexpected field \"" + name + "\"");
            }
            if ((seen & (1 << index)) != 0) {
                throw new MalformedLine("field \"" + name + "\" appears twice");
            }
            seen |= 1 << index;
        }

        void read(String name, JsonParser json, String line) throws MalformedLine {
            switch (name) {
                case "position" -> position = integer(json, name);
                case "chainSequence" -> chainSequence = integer(json, name);
                case "sequence" -> sequence = integer(json, name);
                case "eventId" -> eventId = text(json, name);
                case "type" -> type = text(json, name);
                case "revision" -> revision = textOrNull(json, name);
                case "aggregateId" -> aggregateId = text(json, name);
                case "recordedAt" -> recordedAt = text(json, name);
                case "recordedBy" -> recordedBy = textOrNull(json, name);
                case "institution" -> institution = textOrNull(json, name);
                case "requestId" -> requestId = textOrNull(json, name);
                case "payload" -> payload = RawObject.read(json, line, name);
                case "metadata" -> metadata = RawObject.read(json, line, name);
                case "hash" -> hash = hex(json, name);
                case "previousHash" -> previousHash = hex(json, name);
                default -> throw new IllegalStateException("FIELDS and read() disagree on " + name);
            }
        }

        ExportLine toLine() throws MalformedLine {
            for (int i = 0; i < FIELDS.size(); i++) {
                if ((seen & (1 << i)) == 0) {
                    throw new MalformedLine("field \"" + FIELDS.get(i) + "\" is missing");
                }
            }
            return new ExportLine(position, chainSequence, eventId, type, revision, aggregateId, sequence, recordedAt,
                    new Origin(recordedBy, institution, requestId), payload.text(), metadata.text(),
                    metadata.origin(), hash, previousHash);
        }
    }

    private static long integer(JsonParser json, String name) throws MalformedLine {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedLine("\"" + name + "\" must be an integer");
        }
        return json.getLongValue();
    }

    private static String text(JsonParser json, String name) throws MalformedLine {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedLine("\"" + name + "\" must be a string");
        }
        return json.getString();
    }

    private static String textOrNull(JsonParser json, String name) throws MalformedLine {
        return json.currentToken() == JsonToken.VALUE_NULL ? null : text(json, name);
    }

    /** Hashes are 64 lower-case hex digits; checked here so that a bad first previousHash is not taken as given. */
    private static String hex(JsonParser json, String name) throws MalformedLine {
        String value = text(json, name);
        boolean valid = value.length() == 64;
        for (int i = 0; valid && i < value.length(); i++) {
            char c = value.charAt(i);
            valid = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
        if (!valid) {
            throw new MalformedLine("\"" + name + "\" must be 64 lower-case hex digits");
        }
        return value;
    }
}
