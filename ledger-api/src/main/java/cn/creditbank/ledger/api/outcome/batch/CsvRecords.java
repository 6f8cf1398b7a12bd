package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.problem.ApiProblem;
import cn.creditbank.ledger.api.problem.ProblemCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records read one at a time from a stream: fields separated by commas, records by CRLF or LF, a field in
 * double quotes may hold commas, line breaks and doubled quotes. Anything else with a quote is a syntax error.
 */
final class CsvRecords {

    private static final int EOF = -1;
    private static final int NONE = -2;

    private final Reader reader;
    private int lookahead = NONE;
    private int line = 1;

    CsvRecords(Reader reader) {
        this.reader = reader;
    }

    /** The line the next record starts on (1-based), for error messages. */
    int line() {
        return line;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = readQuoted(field);
            } else {
                while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
                    if (c == '"') {
                        throw malformed("a quote inside an unquoted field on line " + line
                                + "; quote the whole field and double the quotes inside it");
                    }
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c != EOF) {
                line++;
            }
            return fields;
        }
    }

    /** Reads a quoted field after its opening quote; answers the character after the closing quote. */
    private int readQuoted(StringBuilder field) throws IOException {
        int startLine = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw malformed("the quoted field starting on line " + startLine + " is never closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                    continue;
                }
                int after = read();
                if (after != ',' && after != '\r' && after != '\n' && after != EOF) {
                    throw malformed("text after a closing quote on line " + line);
                }
                return after;
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private int read() throws IOException {
        if (lookahead != NONE) {
            int c = lookahead;
            lookahead = NONE;
            return c;
        }
        return reader.read();
    }

    private int peek() throws IOException {
        if (lookahead == NONE) {
            lookahead = reader.read();
        }
        return lookahead;
    }

    static ApiProblem malformed(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST,
                "the request body is not valid CSV; nothing was recorded: " + detail);
    }
}
