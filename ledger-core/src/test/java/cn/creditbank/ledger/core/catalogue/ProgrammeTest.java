package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.creditbank.ledger.core.catalogue.TestCatalogue.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;

/** A programme refers to its institution and to a unit for every course; versioning: {@link CatalogueVersioningTest}. */
class ProgrammeTest {

    private final FixtureConfiguration<Programme> fixture =
            new AggregateTestFixture<>(Programme.class).registerInjectableResource(TestCatalogue.catalogue());

    @Test
    void refusesProgrammeOfUnknownInstitution() {
        fixture.givenNoPriorActivity()
                .when(new DefineProgramme(OUC_SE_DIP,
                        programme(InstitutionCode.of("NOBODY"), OUC_SE_DIP_PROGRAMME.courses()), OPERATOR))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_INSTITUTION));
    }

    @Test
    void refusesProgrammeWithCourseThatIsNoUnitOfTheCatalogue() {
        var notInCatalogue = new ProgrammeCourse(UnitCode.of("OUC-SE199"), "毕业设计", Credits.of("6"), true, false);

        fixture.givenNoPriorActivity()
                .when(new DefineProgramme(OUC_SE_DIP, programme(OUC, List.of(notInCatalogue)), OPERATOR))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_UNIT));
    }

    private static ProgrammeDefinition programme(InstitutionCode institution, List<ProgrammeCourse> courses) {
        ProgrammeDefinition demo = OUC_SE_DIP_PROGRAMME;
        return new ProgrammeDefinition(institution, demo.titleZh(), demo.titleEn(), demo.award(),
                demo.requiredCredits(), courses, demo.transferPolicy());
    }
}
