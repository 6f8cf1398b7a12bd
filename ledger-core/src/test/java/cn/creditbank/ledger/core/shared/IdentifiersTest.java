package cn.creditbank.ledger.core.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** Catalogue codes are upper-case and URL-safe; opaque ids allow lower case; neither allows blanks inside. */
class IdentifiersTest {

    static Stream<Function<String, Object>> catalogueCodes() {
        return Stream.of(InstitutionCode::of, UnitCode::of, ProgrammeCode::of, RuleId::of, LadderCode::of);
    }

    @ParameterizedTest
    @MethodSource("catalogueCodes")
    void refusesCatalogueCodeWithLowerCase(Function<String, Object> code) {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> code.apply("cstp-java"));
    }

    @ParameterizedTest
    @MethodSource("catalogueCodes")
    void refusesCatalogueCodeWithSpace(Function<String, Object> code) {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> code.apply("CSTP JAVA"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-OUC", "OUC/SE101"})
    void refusesBlankCodeAndCodeWithLeadingOrUnsafePunctuation(String value) {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> UnitCode.of(value));
    }

    @Test
    void acceptsTheDemoCodes() {
        assertThat(UnitCode.of("VOC-AIM-03").value()).isEqualTo("VOC-AIM-03");
        assertThat(ProgrammeCode.of("OUC-SE-DIP")).hasToString("OUC-SE-DIP");
    }

    @Test
    void stripsSurroundingBlanks() {
        assertThat(InstitutionCode.of(" OUC ")).isEqualTo(InstitutionCode.of("OUC"));
    }

    @Test
    void opaqueIdsAllowLowerCaseButNoSpace() {
        assertThat(LearnerId.of("6f1c2a9e-learner").value()).isEqualTo("6f1c2a9e-learner");
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> OutcomeId.of("O 1"));
    }

    @Test
    void catalogueCodesAllowDotsAndOpaqueIdsDoNot() {
        assertThat(RuleId.of("R-CSTP.JAVA_2").value()).isEqualTo("R-CSTP.JAVA_2");
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> LearnerId.of("zhang.san"));
    }

    @Test
    void codesHaveAtMostSixtyFourCharactersOfAscii() {
        assertThat(UnitCode.of("A".repeat(64)).value()).hasSize(64);
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> UnitCode.of("A".repeat(65)));
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> LearnerId.of("a".repeat(65)));
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> InstitutionCode.of("ＯＵＣ"));
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> LearnerId.of("张三"));
    }
}
