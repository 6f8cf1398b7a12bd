package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static cn.creditbank.ledger.core.catalogue.TestCatalogue.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class UnitDefinitionTest {

    @Test
    void derivesCreditsFromClassHoursWhenNoneAreGiven() {
        assertThat(ZSWC_DS_UNIT.creditsPerPass()).isEqualTo(Credits.of("1.0"));
        assertThat(unit(DEMO_VOC, UnitKind.MODULE, "数据分析与可视化", 30, null).creditsPerPass())
                .isEqualTo(Credits.of("1.9"));
    }

    @Test
    void givenCreditsWinOverClassHours() {
        assertThat(VOC_AIM_03_UNIT.creditsPerPass()).isEqualTo(Credits.of("2"));
    }

    @Test
    void passMarkDefaultsToSixty() {
        assertThat(NCRE_2_JAVA_UNIT.effectivePassMark()).isEqualByComparingTo("60");
    }

    @Test
    void certificateIsValidUntilAwardDatePlusValidityYearsMinusOneDay() {
        assertThat(CSTP_JAVA_UNIT.certificateValidUntil(LocalDate.of(2024, 5, 10))).isEqualTo("2027-05-09");
        assertThat(CSTP_JAVA_UNIT.certificateValidUntil(LocalDate.of(2022, 3, 1))).isEqualTo("2025-02-28");
    }

    @Test
    void ranksLevelsInTheirOrder() {
        assertThat(CSTP_JAVA_UNIT.rankOf("初级")).isZero();
        assertThat(CSTP_JAVA_UNIT.rankOf("高级")).isEqualTo(2);
        assertThat(CSTP_JAVA_UNIT.rankOf("特级")).isEqualTo(-1);
    }

    @Test
    void refusesNegativeClassHours() {
        assertRefused(ErrorCode.NEGATIVE_VALUE, () -> unit(DEMO_VOC, UnitKind.MODULE, "数据分析与可视化", -30, "2"));
    }

    @Test
    void refusesCertificateLevelDefinedTwice() {
        assertRefused(ErrorCode.DUPLICATE_ENTRY,
                () -> certificate(CSIA, "CSTP Java开发工程师", 3, level("初级", "4"), level("初级", "8")));
    }

    @Test
    void refusesCertificateWithoutLevels() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> certificate(CSIA, "CSTP Java开发工程师", 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesCertificateWithoutValidityOfAtLeastOneYear(int validityYears) {
        assertRefused(ErrorCode.VALIDATION_FAILED,
                () -> certificate(CSIA, "CSTP Java开发工程师", validityYears, level("初级", "4")));
    }

    @Test
    void refusesCertificateWithoutAnyValidity() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> new UnitDefinition(CSIA, UnitKind.CERTIFICATE,
                "CSTP Java开发工程师", null, null, null, null, List.of(level("初级", "4")), null, null));
    }

    @Test
    void refusesLevelsOnUnitThatIsNoCertificate() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> new UnitDefinition(NEEA, UnitKind.EXAM,
                "全国计算机等级考试二级Java", null, null, Credits.of("4"), null, List.of(level("初级", "4")), null, null));
    }

    @Test
    void refusesUnitWithNeitherCreditsNorClassHours() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> unit(NEEA, UnitKind.EXAM, "全国计算机等级考试二级Java", null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void refusesQualificationLevelOutsideOneToTen(int qualificationLevel) {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> new UnitDefinition(OUC, UnitKind.COURSE, "程序设计基础", null,
                null, Credits.of("4"), qualificationLevel, null, null, null));
    }

    @Test
    void refusesPassMarkOutsideZeroToHundred() {
        assertRefused(ErrorCode.SCORE_OUT_OF_RANGE, () -> new UnitDefinition(NEEA, UnitKind.EXAM,
                "全国计算机等级考试二级Java", null, null, Credits.of("4"), null, null, null, BigDecimal.valueOf(101)));
    }

    @Test
    void refusesPassMarkOnUnitThatIsNoExam() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> new UnitDefinition(DEMO_VOC, UnitKind.MODULE,
                "数据分析与可视化", null, 30, Credits.of("2"), null, null, null, BigDecimal.valueOf(70)));
    }
}
