package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import static cn.creditbank.ledger.core.catalogue.TestCatalogue.*;

/**
 * The versioning contract that all five catalogue aggregates share: a definition that differs from the current one
 * is the next version; repeating the current one records nothing and answers the current version.
 */
class CatalogueVersioningTest {

    /** One catalogue aggregate, a first definition and a changed one, and how its command and event are made. */
    record Item<D>(String name, Class<?> aggregate, D first, D changed,
                   Function<D, Object> define, BiFunction<Integer, D, Object> defined) {

        FixtureConfiguration<?> fixture() {
            return new AggregateTestFixture<>(aggregate).registerInjectableResource(TestCatalogue.catalogue());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Item<?>> catalogueItems() {
        return Stream.of(
                new Item<>("Institution", Institution.class, CSIA_INSTITUTION,
                        institution("中国软件行业协会", InstitutionKind.ASSESSMENT_BODY, CSTP_JAVA, UnitCode.of("CSTP-DB")),
                        d -> new DefineInstitution(CSIA, d, OPERATOR),
                        (version, d) -> new InstitutionDefined(CSIA, version, d, OPERATOR)),
                new Item<>("LearningUnit", LearningUnit.class, VOC_AIM_03_UNIT,
                        unit(DEMO_VOC, UnitKind.MODULE, "数据分析与可视化", 32, "2"),
                        d -> new DefineUnit(VOC_AIM_03, d, OPERATOR),
                        (version, d) -> new UnitDefined(VOC_AIM_03, version, d, OPERATOR)),
                new Item<>("Programme", Programme.class, OUC_SE_DIP_PROGRAMME,
                        withMaxShare(OUC_SE_DIP_PROGRAMME, "0.2"),
                        d -> new DefineProgramme(OUC_SE_DIP, d, OPERATOR),
                        (version, d) -> new ProgrammeDefined(OUC_SE_DIP, version, d, OPERATOR)),
                new Item<>("ConversionRule", ConversionRule.class, R_CSTP_JAVA_RULE,
                        endingOn(R_CSTP_JAVA_RULE, LocalDate.of(2026, 12, 31)),
                        d -> new DefineConversionRule(R_CSTP_JAVA, d, OPERATOR),
                        (version, d) -> new ConversionRuleDefined(R_CSTP_JAVA, version, d, OPERATOR)),
                new Item<>("GradeLadder", GradeLadder.class, AI_TRAINER_LADDER,
                        new GradeLadderDefinition("人工智能训练师", "AI Trainer", AI_TRAINER_LADDER.grades()),
                        d -> new DefineGradeLadder(AI_TRAINER, d, OPERATOR),
                        (version, d) -> new GradeLadderDefined(AI_TRAINER, version, d, OPERATOR)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogueItems")
    <D> void firstDefinitionRecordsVersionOne(Item<D> item) {
        item.fixture().givenNoPriorActivity()
                .when(item.define().apply(item.first()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(item.defined().apply(1, item.first()))
                .expectResultMessagePayload(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogueItems")
    <D> void definitionWithOtherContentRecordsTheNextVersion(Item<D> item) {
        item.fixture().given(item.defined().apply(1, item.first()))
                .when(item.define().apply(item.changed()))
                .expectEvents(item.defined().apply(2, item.changed()))
                .expectResultMessagePayload(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogueItems")
    <D> void repeatingTheCurrentDefinitionRecordsNothingAndAnswersTheCurrentVersion(Item<D> item) {
        item.fixture().given(item.defined().apply(1, item.first()), item.defined().apply(2, item.changed()))
                .when(item.define().apply(item.changed()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogueItems")
    <D> void returningToAnEarlierDefinitionRecordsANewVersion(Item<D> item) {
        item.fixture().given(item.defined().apply(1, item.first()), item.defined().apply(2, item.changed()))
                .when(item.define().apply(item.first()))
                .expectEvents(item.defined().apply(3, item.first()))
                .expectResultMessagePayload(3);
    }

    private static ProgrammeDefinition withMaxShare(ProgrammeDefinition programme, String maxShare) {
        TransferPolicy policy = programme.transferPolicy();
        return new ProgrammeDefinition(programme.institution(), programme.titleZh(), programme.titleEn(),
                programme.award(), programme.requiredCredits(), programme.courses(),
                new TransferPolicy(new BigDecimal(maxShare), policy.recencyYears(), policy.minimumScore()));
    }

    private static ConversionRuleDefinition endingOn(ConversionRuleDefinition rule, LocalDate until) {
        return new ConversionRuleDefinition(rule.programme(), rule.sourceUnit(), rule.minimumLevel(),
                rule.minimumScore(), rule.targetCourses(), new Period(rule.effective().from(), until));
    }
}
