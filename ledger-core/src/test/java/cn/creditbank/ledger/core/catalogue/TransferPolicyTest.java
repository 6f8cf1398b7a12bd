package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class TransferPolicyTest {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "1.01"})
    void refusesMaxShareOutsideZeroToOne(String share) {
        assertRefused(ErrorCode.SHARE_OUT_OF_RANGE, () -> new TransferPolicy(new BigDecimal(share), 5, SIXTY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1"})
    void acceptsBothEndsOfTheShareRange(String share) {
        assertThat(new TransferPolicy(new BigDecimal(share), 5, SIXTY).maxShare()).isEqualByComparingTo(share);
    }

    @Test
    void refusesNegativeRecencyWindow() {
        assertRefused(ErrorCode.NEGATIVE_VALUE, () -> new TransferPolicy(new BigDecimal("0.35"), -1, SIXTY));
    }

    @Test
    void refusesMinimumScoreOutsideZeroToHundred() {
        assertRefused(ErrorCode.SCORE_OUT_OF_RANGE,
                () -> new TransferPolicy(new BigDecimal("0.35"), 5, BigDecimal.valueOf(101)));
    }

    @Test
    void minimumScoreDefaultsToZero() {
        assertThat(new TransferPolicy(new BigDecimal("0.35"), 5, null).minimumScore()).isEqualByComparingTo("0");
    }

    @Test
    void aProgrammeWithoutPolicyAllowsNoTransfer() {
        var microCredential = new ProgrammeDefinition(TestCatalogue.DEMO_VOC, "AI+制造 微专业", null,
                Award.MICRO_CREDENTIAL, Credits.of("6"), null, null);

        assertThat(microCredential.transferPolicy()).isEqualTo(TransferPolicy.none());
        assertThat(TransferPolicy.none().maxShare()).isZero();
    }

    @Test
    void sameShareWrittenWithTrailingZerosIsTheSamePolicy() {
        assertThat(new TransferPolicy(new BigDecimal("0.350"), 5, new BigDecimal("60.0")))
                .isEqualTo(new TransferPolicy(new BigDecimal("0.35"), 5, SIXTY));
    }
}
