package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.creditbank.ledger.core.catalogue.TestCatalogue.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** Shape checks of programme, conversion-rule and grade-ladder definitions (units: {@link UnitDefinitionTest}). */
class CatalogueDefinitionsTest {

    private static final Period FROM_2024 = Period.from(LocalDate.of(2024, 1, 1));

    @Test
    void refusesProgrammeListingACourseTwice() {
        var se101 = OUC_SE_DIP_PROGRAMME.courses().get(0);

        assertRefused(ErrorCode.DUPLICATE_ENTRY, () -> new ProgrammeDefinition(OUC, "软件工程（专科）", null,
                Award.DIPLOMA, Credits.of("60"), List.of(se101, se101), null));
    }

    @Test
    void refusesRuleWithoutTargetCourse() {
        assertRefused(ErrorCode.VALIDATION_FAILED,
                () -> new ConversionRuleDefinition(OUC_SE_DIP, CSTP_JAVA, "中级", null, List.of(), FROM_2024));
    }

    @Test
    void refusesRuleListingATargetTwice() {
        assertRefused(ErrorCode.DUPLICATE_ENTRY, () -> new ConversionRuleDefinition(OUC_SE_DIP, CSTP_JAVA, "中级",
                null, List.of(OUC_SE101, OUC_SE101), FROM_2024));
    }

    @Test
    void refusesRuleMinimumScoreOutsideZeroToHundred() {
        assertRefused(ErrorCode.SCORE_OUT_OF_RANGE, () -> new ConversionRuleDefinition(OUC_SE_DIP, NCRE_2_JAVA, null,
                BigDecimal.valueOf(101), List.of(OUC_SE101), FROM_2024));
    }

    @Test
    void ruleIsInEffectOnlyWithinItsPeriod() {
        assertThat(R_CSTP_JAVA_RULE.isInEffectOn(LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(R_CSTP_JAVA_RULE.isInEffectOn(LocalDate.of(2023, 12, 31))).isFalse();
    }

    @Test
    void refusesLadderWithoutGrades() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> new GradeLadderDefinition("人工智能训练师", null, List.of()));
    }

    @Test
    void refusesLadderNamingAGradeTwice() {
        var grade = new Grade("初级工", List.of(GradeRequirement.certificateAtLeast(AIGC, "通用级")));

        assertRefused(ErrorCode.DUPLICATE_ENTRY,
                () -> new GradeLadderDefinition("人工智能训练师", null, List.of(grade, grade)));
    }

    @Test
    void refusesCreditRequirementWithoutUnitKinds() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> GradeRequirement.creditsAtLeast(Set.of(), Credits.of("6")));
    }
}
