package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.outcome.OutcomeRequest;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One row of a batch: the learner and the same fields as a single {@link OutcomeRequest}. */
@Schema(description = "One outcome of a batch: the learner it belongs to and the fields of a single recording")
public record BatchRow(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "demo-zhangsan") String learnerId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UnitKind kind,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VOC-AIM-01") String unitCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEMO-VOC") String issuer,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String externalRef,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
        BigDecimal score,
        Integer hours,
        String level,
        String certificateNo,
        LocalDate validUntil) {

    OutcomeRequest outcome() {
        return new OutcomeRequest(kind, unitCode, issuer, externalRef, date, score, hours, level, certificateNo,
                validUntil);
    }

    /** The recording command under a fresh outcome id; throws DomainException for a bad value. */
    RecordOutcome toCommand(String recordedBy) {
        return new RecordOutcome(LearnerId.of(learnerId), OutcomeId.of(UUID.randomUUID().toString()),
                outcome().toFacts(), recordedBy);
    }
}
