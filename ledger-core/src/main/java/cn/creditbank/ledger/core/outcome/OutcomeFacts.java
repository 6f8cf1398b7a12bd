package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;

/**
 * What an issuer reports about one learning outcome. Two reports with the same external reference are the same
 * outcome only when these facts are equal (a retry); otherwise the second is a conflict.
 */
public record OutcomeFacts(UnitKind kind, UnitCode unitCode, InstitutionCode issuer, String externalRef,
                           LocalDate date, Score score, Integer hours, String level, String certificateNo,
                           LocalDate validUntil) {

    public OutcomeFacts {
        Require.present(kind, "kind");
        Require.present(unitCode, "unitCode");
        Require.present(issuer, "issuer");
        externalRef = Require.maxLength(Require.text(externalRef, "externalRef"), 255, "externalRef");
        Require.present(date, "date");
        Require.notNegative(hours, "hours");
        level = level == null || level.isBlank() ? null : level.strip();
        certificateNo = certificateNo == null || certificateNo.isBlank() ? null : certificateNo.strip();
        Require.maxLength(level, 64, "level");
        Require.maxLength(certificateNo, 128, "certificateNo");
        // The recorded events keep only the fields of their kind, and a retry is compared with what they keep:
        // a field of another kind would be dropped silently and make the identical retry a conflict.
        if (kind != UnitKind.CERTIFICATE && (certificateNo != null || validUntil != null)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "only a certificate has a number and a validUntil");
        }
        if ((kind == UnitKind.EXAM || kind == UnitKind.CERTIFICATE) && hours != null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a " + kind + " outcome has no class hours");
        }
    }
}
