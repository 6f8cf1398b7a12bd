package cn.creditbank.ledger.api.problem;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status of each domain refusal (API.md): 400 for input that is malformed or out of range, 404 for an
 * unknown resource named by the path, 409 for a conflict with what is recorded, 403 where only another party may
 * act, 422 where a domain rule refused a well-formed request.
 */
final class ErrorStatus {

    private ErrorStatus() {
    }

    static HttpStatus of(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED, SCORE_OUT_OF_RANGE, SCORE_REQUIRED, LEVEL_REQUIRED, CERTIFICATE_NUMBER_REQUIRED,
                 INVALID_PERIOD, NEGATIVE_VALUE, DUPLICATE_ENTRY, SHARE_OUT_OF_RANGE, REASON_REQUIRED ->
                    HttpStatus.BAD_REQUEST;
            case UNKNOWN_LEARNER, UNKNOWN_OUTCOME, UNKNOWN_PROGRAMME, UNKNOWN_LADDER, UNKNOWN_TRANSFER ->
                    HttpStatus.NOT_FOUND;
            case LEARNER_ALREADY_EXISTS, EXTERNAL_REF_CONFLICT, OUTCOME_ALREADY_VOIDED, CERTIFICATE_ALREADY_REVOKED,
                 CONCURRENT_MODIFICATION, TRANSFER_ALREADY_PENDING, TRANSFER_ALREADY_DECIDED -> HttpStatus.CONFLICT;
            case NOT_PROGRAMME_INSTITUTION -> HttpStatus.FORBIDDEN;
            case UNKNOWN_INSTITUTION, UNKNOWN_UNIT, UNKNOWN_COURSE, NOT_ACCREDITED, UNIT_KIND_MISMATCH,
                 UNKNOWN_CERTIFICATE_LEVEL, DATE_IN_FUTURE, NOT_A_CERTIFICATE, NOTHING_TO_CORRECT,
                 NOTHING_TO_TRANSFER ->
                    HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
