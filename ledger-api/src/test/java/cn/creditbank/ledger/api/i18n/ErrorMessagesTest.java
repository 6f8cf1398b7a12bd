package cn.creditbank.ledger.api.i18n;

import cn.creditbank.ledger.api.problem.ProblemCode;
import cn.creditbank.ledger.core.shared.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal and HTTP problem has user-facing text in every language, and no bundle keeps text for a code that
 * is gone.
 */
class ErrorMessagesTest {

    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

    private static final Set<String> PROBLEM_CODES = Arrays.stream(ProblemCode.values()).map(Enum::name)
            .collect(Collectors.toSet());

    @ParameterizedTest
    @ValueSource(strings = {"i18n/errors.properties", "i18n/errors_zh_CN.properties", "i18n/errors_en.properties"})
    void everyErrorCodeHasTextAndNothingElseDoes(String bundle) throws IOException {
        assertTextForExactly(CODES, bundle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/problems.properties", "i18n/problems_zh_CN.properties",
            "i18n/problems_en.properties"})
    void everyHttpProblemCodeHasTextAndNothingElseDoes(String bundle) throws IOException {
        assertTextForExactly(PROBLEM_CODES, bundle);
    }

    private static void assertTextForExactly(Set<String> codes, String bundle) throws IOException {
        Properties messages = load(bundle);

        assertThat(messages.stringPropertyNames()).isEqualTo(codes);
        assertThat(messages.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }

    private static Properties load(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = ErrorMessagesTest.class.getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
