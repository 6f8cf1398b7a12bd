package cn.creditbank.ledger.api.outcome;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Bodies of the three corrections of an outcome (API.md): void, correct, revoke. */
final class OutcomeChanges {

    private OutcomeChanges() {
    }

    @Schema(example = "{\"reason\":\"录入错误\"}")
    record VoidRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Schema(example = "{\"score\":88,\"reason\":\"复核后更正成绩\"}")
    record CorrectRequest(BigDecimal score, String level, LocalDate date,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Schema(example = "{\"reason\":\"证书被发证机构撤销\",\"date\":\"2026-11-01\"}")
    record RevokeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date) {
    }

    /** What every write of an outcome answers: the outcome and the ledger position to read it back at. */
    record OutcomeWritten(String outcomeId, long ledgerPosition) {
    }
}
