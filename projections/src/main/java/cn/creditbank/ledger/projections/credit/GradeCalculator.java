package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.Grade;
import cn.creditbank.ledger.core.catalogue.GradeLadderDefinition;
import cn.creditbank.ledger.core.catalogue.GradeRequirement;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.catalogue.Versioned;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LadderCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DOMAIN §5, grade progress: certificates must be active on asOf at the required level or above; credits are the
 * accumulated ones of the named kinds; a grade holds only if every grade below it holds too.
 */
public final class GradeCalculator {

    private GradeCalculator() {
    }

    public static GradeProgress progress(List<OutcomeView> outcomes, LadderCode ladderCode, CatalogueSnapshot catalogue,
                                         LocalDate asOf) {
        Versioned<GradeLadderDefinition> ladder = catalogue.ladders().get(ladderCode);
        if (ladder == null) {
            throw new DomainException(ErrorCode.UNKNOWN_LADDER, "ladder " + ladderCode + " is not in the catalogue");
        }
        var onDate = new OutcomesOnDate(outcomes, asOf);
        List<Grade> grades = ladder.definition().grades();
        int reached = -1;
        while (reached + 1 < grades.size() && unmet(grades.get(reached + 1), onDate, catalogue).isEmpty()) {
            reached++;
        }
        Grade next = reached + 1 < grades.size() ? grades.get(reached + 1) : null;
        return new GradeProgress(ladderCode, ladder.version(), asOf, reached < 0 ? null : grades.get(reached).name(),
                next == null ? null : next.name(), next == null ? List.of() : unmet(next, onDate, catalogue));
    }

    private static List<UnmetRequirement> unmet(Grade grade, OutcomesOnDate onDate, CatalogueSnapshot catalogue) {
        List<UnmetRequirement> unmet = new ArrayList<>();
        for (GradeRequirement requirement : grade.requirements()) {
            switch (requirement.type()) {
                case CERTIFICATE_AT_LEAST -> certificateShortfall(requirement, onDate, catalogue).ifPresent(unmet::add);
                case CREDITS_AT_LEAST -> creditShortfall(requirement, onDate).ifPresent(unmet::add);
            }
        }
        return unmet;
    }

    private static Optional<UnmetRequirement> certificateShortfall(GradeRequirement requirement, OutcomesOnDate onDate,
                                                                   CatalogueSnapshot catalogue) {
        Versioned<UnitDefinition> unit = catalogue.units().get(requirement.unit());
        if (unit == null) {
            throw new DomainException(ErrorCode.UNKNOWN_UNIT, "unit " + requirement.unit() + " is not in the catalogue");
        }
        UnitDefinition levels = unit.definition();
        Optional<String> best = onDate.all().stream()
                .filter(o -> o.unitCode().equals(requirement.unit()) && o.level() != null && onDate.active(o))
                .map(o -> o.level())
                .max(Comparator.comparingInt(levels::rankOf));
        if (best.isPresent() && levels.rankOf(best.get()) >= levels.rankOf(requirement.level())) {
            return Optional.empty();
        }
        return Optional.of(new UnmetRequirement("CERTIFICATE_AT_LEAST:" + requirement.unit() + ":" + requirement.level(),
                best.orElse(null), requirement.level()));
    }

    private static Optional<UnmetRequirement> creditShortfall(GradeRequirement requirement, OutcomesOnDate onDate) {
        Credits have = onDate.creditsOf(requirement.kinds());
        if (have.compareTo(requirement.amount()) >= 0) {
            return Optional.empty();
        }
        String kinds = requirement.kinds().stream().sorted().map(UnitKind::name).collect(Collectors.joining("+"));
        return Optional.of(new UnmetRequirement("CREDITS_AT_LEAST:" + kinds + ":" + requirement.amount().toShortString(),
                have.toShortString(), requirement.amount().toShortString()));
    }
}
