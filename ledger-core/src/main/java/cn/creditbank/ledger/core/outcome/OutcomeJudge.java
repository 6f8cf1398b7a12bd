package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.CertificateLevel;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.Score;

import java.time.LocalDate;

/**
 * Judges an outcome's values against its unit (DOMAIN §3–§4): the kind must match, scored kinds need a score,
 * certificates a defined level; credits are the unit's (or the level's) when passed, else 0.
 */
final class OutcomeJudge {

    private OutcomeJudge() {
    }

    static Judgement judge(UnitKind kind, UnitDefinition unit, Score score, String level, LocalDate date,
                           LocalDate givenValidUntil) {
        if (kind != unit.kind()) {
            throw new DomainException(ErrorCode.UNIT_KIND_MISMATCH, "the unit is a " + unit.kind() + ", not a " + kind);
        }
        return kind == UnitKind.CERTIFICATE
                ? judgeCertificate(unit, score, level, date, givenValidUntil)
                : judgeScored(kind, unit, score, level);
    }

    private static Judgement judgeScored(UnitKind kind, UnitDefinition unit, Score score, String level) {
        if (level != null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "only certificates have a level");
        }
        if (score == null && kind != UnitKind.TRAINING) {
            throw new DomainException(ErrorCode.SCORE_REQUIRED, "a " + kind + " outcome needs a score");
        }
        boolean passed = score == null || score.isAtLeast(unit.effectivePassMark());
        return new Judgement(passed, passed ? unit.creditsPerPass() : Credits.ZERO, null, false);
    }

    private static Judgement judgeCertificate(UnitDefinition unit, Score score, String level, LocalDate date,
                                              LocalDate givenValidUntil) {
        if (score != null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a certificate has a level, not a score");
        }
        if (level == null) {
            throw new DomainException(ErrorCode.LEVEL_REQUIRED, "a certificate needs a level");
        }
        CertificateLevel defined = unit.level(level).orElseThrow(() -> new DomainException(
                ErrorCode.UNKNOWN_CERTIFICATE_LEVEL, "level '" + level + "' is not defined for this certificate"));
        if (givenValidUntil != null && givenValidUntil.isBefore(date)) {
            throw new DomainException(ErrorCode.INVALID_PERIOD, "validUntil is before the award date");
        }
        LocalDate validUntil = givenValidUntil != null ? givenValidUntil : unit.certificateValidUntil(date);
        return new Judgement(true, defined.credits(), validUntil, givenValidUntil == null);
    }
}
