package cn.creditbank.ledger.api.audit;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.projections.reconciliation.ReplayComparison;
import cn.creditbank.ledger.projections.reconciliation.ScratchReplay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * Rebuilds a projection from the events into a scratch schema and compares it with the live read model (审计重放),
 * in full or as the bank knew it at {@code knownAt}. Read-only for the ledger; access (REGULATOR, OPERATOR) is
 * enforced by the security filter chain for all of {@code /api/v1/audit}.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "审计：事件、哈希链、签名检查点、投影重放")
class ReplayController {

    @Schema(example = "{\"projection\":\"outcome-history\",\"knownAt\":\"2026-11-01T00:00:00Z\"}")
    record ReplayRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                 allowableValues = {"outcome-history", "transfers"}) String projection,
                         @Schema(description = "replay only the events recorded at or before this instant and "
                                 + "compare with the live model as it stood then; the whole ledger when absent")
                         Instant knownAt) {
    }

    private final ScratchReplay replays;
    private final Clock clock;

    ReplayController(ScratchReplay replays, Clock clock) {
        this.replays = replays;
        this.clock = clock;
    }

    @PostMapping("/replays")
    @Operation(summary = "Replay a projection into a scratch schema and compare it with the live read model",
            description = "Answers both checksums, whether they match, and per differing table its row counts and "
                    + "the first differing rows by key. The scratch schema is dropped afterwards.")
    ReplayComparison replay(@RequestBody ReplayRequest request) {
        if (request == null || request.projection() == null || request.projection().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "projection is required", "projection");
        }
        // a future cut could still change its answer (ADR 0005), and the live model cannot be read "as of" it yet
        if (request.knownAt() != null && request.knownAt().isAfter(clock.instant())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "knownAt " + request.knownAt() + " is in the future",
                    "knownAt");
        }
        return replays.replay(request.projection().strip(), request.knownAt());
    }
}
