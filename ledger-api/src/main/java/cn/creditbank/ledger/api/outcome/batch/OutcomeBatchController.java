package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.access.AccessPolicy;
import cn.creditbank.ledger.api.consistency.LedgerPositions;
import cn.creditbank.ledger.api.problem.ApiProblem;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/outcomes:batch} (API.md): up to 10,000 outcomes as JSON or CSV. The whole body is read and
 * checked first, so a syntax error or an oversized batch records nothing; then every readable row is recorded or
 * rejected on its own, and the answer says which.
 */
@RestController
@Tag(name = "Outcomes")
class OutcomeBatchController {

    static final String PATH = "/api/v1/outcomes:batch";
    static final String TEXT_CSV = "text/csv";

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeBatchController.class);

    private final JsonBatchReader json;
    private final CsvBatchReader csv = new CsvBatchReader();
    private final BatchRecorder recorder;
    private final AccessPolicy access;
    private final LedgerPositions positions;

    OutcomeBatchController(JsonMapper jsonMapper, BatchRecorder recorder, AccessPolicy access,
                           LedgerPositions positions) {
        this.json = new JsonBatchReader(jsonMapper);
        this.recorder = recorder;
        this.access = access;
        this.positions = positions;
    }

    /** Only the documentation's view of the JSON body; the body itself is read as a stream. */
    @Schema(name = "OutcomeBatch")
    record BatchRequest(List<BatchRow> items) {
    }

    @PostMapping(path = PATH, consumes = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record up to 10,000 outcomes at once; one bad row never loses the good ones",
            description = "JSON {items:[{learnerId, kind, unitCode, issuer, externalRef, date, score?, hours?, "
                    + "level?, certificateNo?, validUntil?}]} or UTF-8 text/csv whose header row names those "
                    + "columns in any order. Each row is ACCEPTED, DUPLICATE (already in the ledger with the same "
                    + "content, also from earlier in the batch) or REJECTED with a code; a repeated batch records "
                    + "nothing twice. More than 10,000 rows: 413 BATCH_TOO_LARGE; a syntax error: 400 "
                    + "MALFORMED_REQUEST; in both cases nothing is recorded.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BatchRequest.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", example = """
                            learnerId,kind,unitCode,issuer,externalRef,date,score,level,certificateNo
                            demo-lisi,MODULE,VOC-AIM-01,DEMO-VOC,VOC-2025-0001,2025-06-30,88,,
                            demo-lisi,CERTIFICATE,AIGC,ICDC,AIGC-2025-0002,2025-09-10,,专业级,AIGC-2025-0002"""))}))
    ResponseEntity<BatchResult> record(@Parameter(hidden = true) HttpServletRequest request,
                                       @Parameter(hidden = true) Caller caller) throws IOException {
        long started = System.nanoTime();
        List<ReadRow> rows;
        try (InputStream body = request.getInputStream()) {
            rows = isCsv(request) ? csv.read(body) : json.read(body);
        }
        BatchResult result = BatchResult.of(recorder.record(prepare(rows, caller)));
        LOG.info("Batch from {}: {} rows, {} accepted, {} duplicates, {} rejected in {} ms", caller.subject(),
                rows.size(), result.accepted(), result.duplicates(), result.rejected(),
                (System.nanoTime() - started) / 1_000_000);
        return ResponseEntity.ok().header(LedgerPositions.HEADER, Long.toString(positions.head())).body(result);
    }

    private static boolean isCsv(HttpServletRequest request) {
        return MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.valueOf(TEXT_CSV));
    }

    /** Each readable row becomes its command, unless its values or the caller's rights refuse it. */
    private List<PreparedRow> prepare(List<ReadRow> rows, Caller caller) {
        List<PreparedRow> prepared = new ArrayList<>(rows.size());
        for (int index = 0; index < rows.size(); index++) {
            ReadRow row = rows.get(index);
            if (!row.readable()) {
                prepared.add(PreparedRow.rejected(RowResult.rejected(index, row.code(), row.detail())));
                continue;
            }
            try {
                RecordOutcome command = row.values().toCommand(caller.subject());
                access.assertMayIssue(caller, command.facts().issuer());
                prepared.add(PreparedRow.toRecord(index, command));
            } catch (DomainException invalid) {
                prepared.add(PreparedRow.rejected(RowResult.rejected(index, invalid.code(), invalid.getMessage())));
            } catch (ApiProblem refused) {
                prepared.add(PreparedRow.rejected(RowResult.rejected(index, refused.code(), refused.getMessage())));
            }
        }
        return prepared;
    }
}
