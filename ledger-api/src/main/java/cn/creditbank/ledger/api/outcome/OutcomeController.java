package cn.creditbank.ledger.api.outcome;

import cn.creditbank.ledger.api.consistency.LedgerPositions;
import cn.creditbank.ledger.api.outcome.OutcomeChanges.CorrectRequest;
import cn.creditbank.ledger.api.outcome.OutcomeChanges.OutcomeWritten;
import cn.creditbank.ledger.api.outcome.OutcomeChanges.RevokeRequest;
import cn.creditbank.ledger.api.outcome.OutcomeChanges.VoidRequest;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.api.web.Page;
import cn.creditbank.ledger.api.web.PageRequest;
import cn.creditbank.ledger.api.web.TimeTravel;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.projections.history.OutcomeHistory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/learners/{learnerId}/outcomes")
@Tag(name = "Outcomes", description = "学习成果: record, void, correct, revoke, list")
class OutcomeController {

    private final OutcomeWrites writes;
    private final OutcomeHistory history;
    private final Clock clock;

    OutcomeController(OutcomeWrites writes, OutcomeHistory history, Clock clock) {
        this.writes = writes;
        this.history = history;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Record an outcome (201); a retry with the same externalRef and content answers 200 with "
            + "the first outcomeId; the same externalRef with other content is 409 EXTERNAL_REF_CONFLICT")
    @ApiResponse(responseCode = "201", description = "recorded",
            content = @Content(schema = @Schema(implementation = OutcomeWritten.class)))
    @ApiResponse(responseCode = "200", description = "a retry: the outcome recorded before, nothing new",
            content = @Content(schema = @Schema(implementation = OutcomeWritten.class)))
    ResponseEntity<OutcomeWritten> record(@PathVariable LearnerId learnerId, @RequestBody OutcomeRequest request,
                                          @Parameter(hidden = true) Caller caller) {
        OutcomeWrites.Recorded recorded = writes.record(caller, learnerId, request);
        var answer = recorded.created() ? ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/learners/" + learnerId + "/outcomes/" + recorded.outcomeId()))
                : ResponseEntity.ok();
        return answer.header(LedgerPositions.HEADER, Long.toString(recorded.position()))
                .body(new OutcomeWritten(recorded.outcomeId().value(), recorded.position()));
    }

    @PostMapping("/{outcomeId}/void")
    @Operation(summary = "Void an outcome recorded in error: it then counts as never having happened")
    ResponseEntity<OutcomeWritten> voidOutcome(@PathVariable LearnerId learnerId, @PathVariable OutcomeId outcomeId,
                                               @RequestBody VoidRequest request,
                                               @Parameter(hidden = true) Caller caller) {
        return written(outcomeId, writes.voidOutcome(caller, learnerId, outcomeId, request));
    }

    @PostMapping("/{outcomeId}/correct")
    @Operation(summary = "Correct an outcome's score, level and/or date, keeping its id")
    ResponseEntity<OutcomeWritten> correct(@PathVariable LearnerId learnerId, @PathVariable OutcomeId outcomeId,
                                           @RequestBody CorrectRequest request,
                                           @Parameter(hidden = true) Caller caller) {
        return written(outcomeId, writes.correct(caller, learnerId, outcomeId, request));
    }

    @PostMapping("/{outcomeId}/revoke")
    @Operation(summary = "Revoke a certificate from a date on")
    ResponseEntity<OutcomeWritten> revoke(@PathVariable LearnerId learnerId, @PathVariable OutcomeId outcomeId,
                                          @RequestBody RevokeRequest request,
                                          @Parameter(hidden = true) Caller caller) {
        return written(outcomeId, writes.revoke(caller, learnerId, outcomeId, request));
    }

    @GetMapping
    @Operation(summary = "A learner's outcomes as known at knownAt, with their status on asOf")
    Page<OutcomeItem> list(@PathVariable LearnerId learnerId, @RequestParam(required = false) LocalDate asOf,
                           @RequestParam(required = false) Instant knownAt,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        TimeTravel time = TimeTravel.resolve(asOf, knownAt, clock);
        PageRequest pageRequest = new PageRequest(page, size);
        return Page.of(history.entriesKnownAt(learnerId, time.knownAt()).orElseThrow(() ->
                        new DomainException(ErrorCode.UNKNOWN_LEARNER, "learner " + learnerId + " has no account"))
                .stream()
                .filter(entry -> !entry.outcome().date().isAfter(time.asOf()))
                .map(entry -> OutcomeItem.of(entry, time.asOf()))
                .toList(), pageRequest);
    }

    private static ResponseEntity<OutcomeWritten> written(OutcomeId outcomeId, long position) {
        return ResponseEntity.ok().header(LedgerPositions.HEADER, Long.toString(position))
                .body(new OutcomeWritten(outcomeId.value(), position));
    }
}
