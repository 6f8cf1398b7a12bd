package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One version of a conversion rule (转换规则): an outcome of the source unit, at least at the minimum level and/or
 * score, exempts the target courses of the programme while the rule is in effect.
 */
public record ConversionRuleDefinition(ProgrammeCode programme, UnitCode sourceUnit, String minimumLevel,
                                       BigDecimal minimumScore, List<UnitCode> targetCourses, Period effective) {

    public ConversionRuleDefinition {
        Require.present(programme, "programme");
        Require.present(sourceUnit, "sourceUnit");
        minimumLevel = minimumLevel == null || minimumLevel.isBlank() ? null : minimumLevel.strip();
        if (minimumScore != null && (minimumScore.signum() < 0 || minimumScore.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new DomainException(ErrorCode.SCORE_OUT_OF_RANGE, "minimumScore must be within 0–100");
        }
        minimumScore = Require.normalized(minimumScore);
        if (targetCourses == null || targetCourses.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a rule needs at least one target course");
        }
        if (new LinkedHashSet<>(targetCourses).size() != targetCourses.size()) {
            throw new DomainException(ErrorCode.DUPLICATE_ENTRY, "a target course is listed twice");
        }
        targetCourses = List.copyOf(targetCourses);
        Require.present(effective, "effective");
    }

    public boolean isInEffectOn(LocalDate date) {
        return effective.contains(date);
    }
}
