package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static cn.creditbank.ledger.core.catalogue.TestCatalogue.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;

/**
 * A conversion rule refers to its programme, its source unit (and level) and to courses of that programme;
 * versioning: {@link CatalogueVersioningTest}.
 */
class ConversionRuleTest {

    private static final RuleId R_NCRE = RuleId.of("R-NCRE");
    private static final Period FROM_2024 = Period.from(LocalDate.of(2024, 1, 1));

    private final FixtureConfiguration<ConversionRule> fixture =
            new AggregateTestFixture<>(ConversionRule.class).registerInjectableResource(TestCatalogue.catalogue());

    @Test
    void definesScoreRuleOfAnExamWithoutLevel() {
        var ncreRule = new ConversionRuleDefinition(OUC_SE_DIP, NCRE_2_JAVA, null, BigDecimal.valueOf(60),
                List.of(OUC_SE101), Period.from(LocalDate.of(2023, 1, 1)));

        fixture.givenNoPriorActivity()
                .when(new DefineConversionRule(R_NCRE, ncreRule, OPERATOR))
                .expectEvents(new ConversionRuleDefined(R_NCRE, 1, ncreRule, OPERATOR))
                .expectResultMessagePayload(1);
    }

    @Test
    void refusesRuleOfUnknownProgramme() {
        fixture.givenNoPriorActivity()
                .when(define(rule(ProgrammeCode.of("OUC-XX-DIP"), CSTP_JAVA, "中级", OUC_SE101)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_PROGRAMME));
    }

    @Test
    void refusesRuleFromUnknownSourceUnit() {
        fixture.givenNoPriorActivity()
                .when(define(rule(OUC_SE_DIP, UnitCode.of("CSTP-DB"), null, OUC_SE101)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_UNIT));
    }

    @Test
    void refusesMinimumLevelThatTheCertificateDoesNotDefine() {
        fixture.givenNoPriorActivity()
                .when(define(rule(OUC_SE_DIP, CSTP_JAVA, "特级", OUC_SE101)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_CERTIFICATE_LEVEL));
    }

    @Test
    void refusesMinimumLevelOnSourceThatIsNoCertificate() {
        fixture.givenNoPriorActivity()
                .when(define(rule(OUC_SE_DIP, NCRE_2_JAVA, "中级", OUC_SE101)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_A_CERTIFICATE));
    }

    @Test
    void refusesTargetThatIsNoCourseOfTheProgramme() {
        // VOC-AIM-03 is a unit of the catalogue, but not a course of OUC-SE-DIP
        fixture.givenNoPriorActivity()
                .when(define(rule(OUC_SE_DIP, CSTP_JAVA, "中级", OUC_SE101, VOC_AIM_03)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_COURSE));
    }

    private static ConversionRuleDefinition rule(ProgrammeCode programme, UnitCode source, String minimumLevel,
                                                 UnitCode... targets) {
        return new ConversionRuleDefinition(programme, source, minimumLevel, null, List.of(targets), FROM_2024);
    }

    private static DefineConversionRule define(ConversionRuleDefinition rule) {
        return new DefineConversionRule(R_CSTP_JAVA, rule, OPERATOR);
    }
}
