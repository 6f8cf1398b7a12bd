package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.LadderCode;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a learner stands on a skill-grade ladder on {@code asOf}: the current grade (the highest whose requirements
 * and all lower grades' hold; absent if none), the next grade (absent at the top) and what it still needs.
 */
public record GradeProgress(LadderCode ladderCode, int ladderVersion, LocalDate asOf, String currentGrade,
                            String nextGrade, List<UnmetRequirement> unmet) {
}
