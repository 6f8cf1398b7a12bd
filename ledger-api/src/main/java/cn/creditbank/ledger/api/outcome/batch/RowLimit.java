package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.problem.ApiProblem;
import cn.creditbank.ledger.api.problem.ProblemCode;
import org.springframework.http.HttpStatus;

/** API.md: a batch holds up to 10,000 rows. Checked while reading, so a larger body is refused before any write. */
final class RowLimit {

    static final int MAX_ROWS = 10_000;

    private RowLimit() {
    }

    /** Call before reading another row, with the number of rows already read. */
    static void assertRoomFor(int rowsRead) {
        if (rowsRead >= MAX_ROWS) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, ProblemCode.BATCH_TOO_LARGE,
                    "a batch holds at most " + MAX_ROWS + " rows; split it and send the parts one after another");
        }
    }
}
