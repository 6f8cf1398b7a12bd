package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.problem.ApiProblem;
import cn.creditbank.ledger.api.problem.FieldError;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.ErrorCode;
import org.springframework.http.HttpStatus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a UTF-8 CSV batch (optional byte-order mark) as a stream. The header row names the columns in any order;
 * an empty field is an absent value. A row whose values cannot be read is rejected alone; a syntax error, a row
 * with another number of fields than the header, or bytes that are not UTF-8 refuse the whole body.
 */
final class CsvBatchReader {

    private static final List<String> REQUIRED = List.of("learnerId", "kind", "unitCode", "issuer", "externalRef",
            "date");
    private static final List<String> OPTIONAL = List.of("score", "hours", "level", "certificateNo", "validUntil");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    List<ReadRow> read(InputStream body) {
        Reader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        CsvRecords records = new CsvRecords(reader);
        try {
            Map<String, Integer> columns = columns(records.next());
            List<ReadRow> rows = new ArrayList<>();
            for (List<String> fields = records.next(); fields != null; fields = records.next()) {
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue; // a blank line
                }
                RowLimit.assertRoomFor(rows.size());
                if (fields.size() != columns.size()) {
                    throw CsvRecords.malformed("the record ending before line " + records.line() + " has "
                            + fields.size() + " fields, the header has " + columns.size());
                }
                rows.add(toRow(fields, columns));
            }
            return rows;
        } catch (CharacterCodingException notUtf8) {
            throw CsvRecords.malformed("the body is not UTF-8 text");
        } catch (IOException unreadable) {
            throw CsvRecords.malformed("the body could not be read to its end");
        }
    }

    private static Map<String, Integer> columns(List<String> header) {
        if (header == null) {
            throw invalidHeader("a header row naming the columns is required", List.of());
        }
        Map<String, Integer> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) {
                name = name.substring(1);
            }
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new FieldError(name, "unknown column"));
            } else if (columns.put(name, i) != null) {
                errors.add(new FieldError(name, "named twice"));
            }
        }
        REQUIRED.stream().filter(name -> !columns.containsKey(name))
                .forEach(name -> errors.add(new FieldError(name, "required column missing")));
        if (!errors.isEmpty()) {
            throw invalidHeader("the header row must name the columns " + REQUIRED + " and may name " + OPTIONAL,
                    errors);
        }
        return columns;
    }

    private static ReadRow toRow(List<String> fields, Map<String, Integer> columns) {
        Row row = new Row(fields, columns);
        try {
            return ReadRow.of(new BatchRow(row.text("learnerId"), row.value("kind", CsvBatchReader::kind),
                    row.text("unitCode"), row.text("issuer"), row.text("externalRef"),
                    row.value("date", LocalDate::parse), row.value("score", BigDecimal::new),
                    row.value("hours", Integer::valueOf), row.text("level"), row.text("certificateNo"),
                    row.value("validUntil", LocalDate::parse)));
        } catch (InvalidValue invalid) {
            return ReadRow.invalid(invalid.getMessage());
        }
    }

    private static UnitKind kind(String text) {
        try {
            return UnitKind.valueOf(text);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValue("kind: '" + text + "' is not one of " + Arrays.toString(UnitKind.values()));
        }
    }

    private static ApiProblem invalidHeader(String detail, List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, detail, errors);
    }

    /** A row's fields by column name; an empty field is absent. */
    private record Row(List<String> fields, Map<String, Integer> columns) {

        String text(String column) {
            Integer at = columns.get(column);
            String text = at == null ? null : fields.get(at);
            return text == null || text.isBlank() ? null : text;
        }

        <T> T value(String column, Function<String, T> parse) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return parse.apply(text.strip());
            } catch (NumberFormatException | DateTimeParseException notAValue) {
                throw new InvalidValue(column + ": '" + text + "' is not a valid value");
            }
        }
    }

    /** A field that does not hold a value of its column's type. */
    private static final class InvalidValue extends RuntimeException {
        InvalidValue(String detail) {
            super(detail, null, false, false);
        }
    }
}
