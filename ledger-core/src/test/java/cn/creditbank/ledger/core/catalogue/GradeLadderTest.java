package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.creditbank.ledger.core.catalogue.TestCatalogue.*;
import static cn.creditbank.ledger.core.catalogue.GradeRequirement.certificateAtLeast;
import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;

/** Every certificate a ladder requires must exist with the named level; versioning: {@link CatalogueVersioningTest}. */
class GradeLadderTest {

    private final FixtureConfiguration<GradeLadder> fixture =
            new AggregateTestFixture<>(GradeLadder.class).registerInjectableResource(TestCatalogue.catalogue());

    @Test
    void refusesGradeRequiringCertificateLevelThatIsNotDefined() {
        fixture.givenNoPriorActivity()
                .when(defineRequiring(certificateAtLeast(AIGC, "大师级")))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_CERTIFICATE_LEVEL));
    }

    @Test
    void refusesGradeRequiringCertificateOfUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(defineRequiring(certificateAtLeast(UnitCode.of("AIGC-PRO"), "通用级")))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_UNIT));
    }

    @Test
    void refusesGradeRequiringCertificateLevelOfUnitThatIsNoCertificate() {
        fixture.givenNoPriorActivity()
                .when(defineRequiring(certificateAtLeast(NCRE_2_JAVA, "通用级")))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_A_CERTIFICATE));
    }

    private static DefineGradeLadder defineRequiring(GradeRequirement requirement) {
        var ladder = new GradeLadderDefinition("人工智能训练师", null, List.of(new Grade("初级工", List.of(requirement))));
        return new DefineGradeLadder(AI_TRAINER, ladder, OPERATOR);
    }
}
