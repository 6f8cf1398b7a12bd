package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.Require;

import java.util.HashSet;
import java.util.List;

/** One version of a skill-grade ladder (技能等级): grades from lowest to highest. */
public record GradeLadderDefinition(String titleZh, String titleEn, List<Grade> grades) {

    public GradeLadderDefinition {
        titleZh = Require.text(titleZh, "titleZh");
        titleEn = titleEn == null || titleEn.isBlank() ? null : titleEn.strip();
        if (grades == null || grades.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a ladder needs at least one grade");
        }
        grades = List.copyOf(grades);
        var names = new HashSet<String>();
        for (Grade grade : grades) {
            if (!names.add(grade.name())) {
                throw new DomainException(ErrorCode.DUPLICATE_ENTRY, "grade '" + grade.name() + "' is defined twice");
            }
        }
    }
}
