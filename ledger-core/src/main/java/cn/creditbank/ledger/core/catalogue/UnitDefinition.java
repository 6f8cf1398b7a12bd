package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.Require;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * One version of a learning unit (学习成果单元). Credits default to class hours ÷ 16; certificates have ordered
 * levels and a validity in years; exams a pass mark (default 60).
 */
public record UnitDefinition(InstitutionCode issuer, UnitKind kind, String titleZh, String titleEn,
                             Integer classHours, Credits credits, Integer qualificationLevel,
                             List<CertificateLevel> levels, Integer validityYears, BigDecimal passMark) {

    public static final BigDecimal DEFAULT_PASS_MARK = BigDecimal.valueOf(60);

    public UnitDefinition {
        Require.present(issuer, "issuer");
        Require.present(kind, "kind");
        titleZh = Require.text(titleZh, "titleZh");
        titleEn = titleEn == null || titleEn.isBlank() ? null : titleEn.strip();
        Require.notNegative(classHours, "classHours");
        levels = List.copyOf(levels == null ? List.of() : levels);
        if (qualificationLevel != null && (qualificationLevel < 1 || qualificationLevel > 10)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "qualificationLevel must be 1–10");
        }
        if (kind == UnitKind.CERTIFICATE) {
            requireCertificateShape(levels, validityYears);
        } else {
            if (!levels.isEmpty() || validityYears != null) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "only CERTIFICATE units have levels and validity");
            }
            if (credits == null && classHours == null) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "a unit needs credits or class hours");
            }
        }
        if (passMark != null && kind != UnitKind.EXAM) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "only EXAM units have a pass mark");
        }
        if (passMark != null && (passMark.signum() < 0 || passMark.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new DomainException(ErrorCode.SCORE_OUT_OF_RANGE, "passMark must be within 0–100");
        }
        passMark = Require.normalized(passMark);
    }

    private static void requireCertificateShape(List<CertificateLevel> levels, Integer validityYears) {
        if (levels.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a CERTIFICATE unit needs at least one level");
        }
        var names = new HashSet<String>();
        for (CertificateLevel level : levels) {
            if (!names.add(level.name())) {
                throw new DomainException(ErrorCode.DUPLICATE_ENTRY, "level '" + level.name() + "' is defined twice");
            }
        }
        if (validityYears == null || validityYears < 1) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a CERTIFICATE unit needs validityYears ≥ 1");
        }
    }

    /** Credits a passed outcome of this unit gives (certificates: see {@link #level(String)}). */
    public Credits creditsPerPass() {
        return credits != null ? credits : Credits.fromClassHours(classHours);
    }

    /** DOMAIN §3: an EXAM passes at its pass mark (default 60); courses, modules and trainings at 60. */
    public BigDecimal effectivePassMark() {
        return passMark != null ? passMark : DEFAULT_PASS_MARK;
    }

    public Optional<CertificateLevel> level(String name) {
        return levels.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** Position of a level in the unit's order (0 = lowest), or -1 when undefined. */
    public int rankOf(String levelName) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(levelName)) {
                return i;
            }
        }
        return -1;
    }

    /** DOMAIN §3: valid from the award date until award date + years − 1 day. */
    public LocalDate certificateValidUntil(LocalDate awardedOn) {
        return awardedOn.plusYears(validityYears).minusDays(1);
    }
}
