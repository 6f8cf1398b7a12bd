package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.problem.ApiProblem;
import cn.creditbank.ledger.api.problem.FieldError;
import cn.creditbank.ledger.api.problem.ProblemCode;
import cn.creditbank.ledger.core.shared.ErrorCode;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@code {"items": [...]}} as a stream: only one row at a time is held as a tree, so a large body never sits
 * in memory as text. A syntax error anywhere refuses the whole body; a well-formed row with a bad value is read as
 * an invalid row and rejected alone.
 */
final class JsonBatchReader {

    private final JsonMapper mapper;

    JsonBatchReader(JsonMapper applicationMapper) {
        this.mapper = applicationMapper.rebuild()
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // rows are read one by one from one stream
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // a score of 78.35 stays exact
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 hours must not become 1
                .build();
    }

    List<ReadRow> read(InputStream body) {
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw shape("$", "the body must be an object {\"items\": [...]}");
            }
            List<ReadRow> rows = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                if (!"items".equals(name)) {
                    throw shape(name, "unknown field");
                }
                if (rows != null) {
                    throw shape("items", "given twice");
                }
                rows = readItems(parser);
            }
            if (parser.nextToken() != null) {
                throw malformed("content after the end of the body's object");
            }
            if (rows == null) {
                throw shape("items", "is required");
            }
            return rows;
        } catch (JacksonIOException unreadable) {
            throw malformed("the body could not be read to its end");
        } catch (StreamReadException syntax) {
            throw malformed(syntax.getOriginalMessage() + " at line " + syntax.getLocation().getLineNr()
                    + ", column " + syntax.getLocation().getColumnNr());
        }
    }

    private List<ReadRow> readItems(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw shape("items", "must be an array");
        }
        List<ReadRow> rows = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            RowLimit.assertRoomFor(rows.size());
            JsonNode item = mapper.readTree(parser);
            rows.add(toRow(item, rows.size()));
        }
        return rows;
    }

    private ReadRow toRow(JsonNode item, int index) {
        String at = "items[" + index + "]";
        if (item == null || !item.isObject()) {
            return ReadRow.invalid(at + " must be an object");
        }
        try {
            return ReadRow.of(mapper.treeToValue(item, BatchRow.class));
        } catch (DatabindException invalid) {
            return ReadRow.invalid(at + describe(invalid));
        } catch (JacksonException invalid) {
            return ReadRow.invalid(at + " has a value of the wrong type or shape");
        }
    }

    /** What is wrong with a field, without Java type names. */
    private static String describe(DatabindException invalid) {
        String field = invalid.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        if (invalid instanceof UnrecognizedPropertyException) {
            return field + ": unknown field";
        }
        if (invalid instanceof InvalidFormatException format) {
            return field + ": '" + format.getValue() + "' is not a valid value";
        }
        return field + ": has the wrong type or shape";
    }

    private static ApiProblem shape(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, field + " " + message,
                List.of(new FieldError(field, message)));
    }

    private static ApiProblem malformed(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST,
                "the request body is not valid JSON; nothing was recorded: " + detail);
    }
}
