package cn.creditbank.ledger.api.outcome;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.outcome.OutcomeFacts;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A learning outcome as an issuer reports it (API.md, Outcomes). Codes arrive as text so that a malformed one is
 * refused with the field's name rather than as an unreadable body.
 */
@Schema(description = "A learning outcome reported by its issuer", example = """
        {"kind":"EXAM","unitCode":"NCRE-2-JAVA","issuer":"NEEA","externalRef":"NEEA-2023-0923-001",\
        "date":"2023-09-23","score":78}""")
public record OutcomeRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UnitKind kind,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "NCRE-2-JAVA") String unitCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "NEEA") String issuer,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the issuer's own id; idempotency key")
        String externalRef,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
        @Schema(description = "0–100; required for EXAM, COURSE, MODULE") BigDecimal score,
        @Schema(description = "class hours (COURSE, MODULE, TRAINING)") Integer hours,
        @Schema(description = "certificate level, e.g. 中级") String level,
        @Schema(description = "certificate number") String certificateNo,
        @Schema(description = "certificate valid until; derived from the unit when absent") LocalDate validUntil) {

    public OutcomeFacts toFacts() {
        return new OutcomeFacts(kind, unitCode == null ? null : UnitCode.of(unitCode),
                issuer == null ? null : InstitutionCode.of(issuer), externalRef, date,
                score == null ? null : new Score(score), hours, level, certificateNo, validUntil);
    }
}
