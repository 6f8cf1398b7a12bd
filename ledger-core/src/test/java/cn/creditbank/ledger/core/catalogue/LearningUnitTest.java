package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static cn.creditbank.ledger.core.catalogue.TestCatalogue.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;

/** A learning unit refers to its issuer; versioning is covered by {@link CatalogueVersioningTest}. */
class LearningUnitTest {

    private final FixtureConfiguration<LearningUnit> fixture =
            new AggregateTestFixture<>(LearningUnit.class).registerInjectableResource(TestCatalogue.catalogue());

    @Test
    void refusesUnitOfUnknownIssuer() {
        UnitDefinition unknownIssuer = unit(InstitutionCode.of("NOBODY"), UnitKind.MODULE, "数据分析与可视化", 30, "2");

        fixture.givenNoPriorActivity()
                .when(new DefineUnit(VOC_AIM_03, unknownIssuer, OPERATOR))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_INSTITUTION));
    }
}
