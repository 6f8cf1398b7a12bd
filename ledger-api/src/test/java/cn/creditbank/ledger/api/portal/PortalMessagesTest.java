package cn.creditbank.ledger.api.portal;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.projections.credit.CertificateStatus;
import cn.creditbank.ledger.projections.credit.CourseStatus;
import cn.creditbank.ledger.projections.credit.ExclusionReason;
import cn.creditbank.ledger.projections.transfer.TransferStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal has its text in both languages: the same keys in the Chinese and English bundles, every key the
 * script names, and a word for every value of the enums it shows (exclusion reasons, statuses, kinds).
 */
class PortalMessagesTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/static/portal/js");
    private static final Pattern KEY_IN_SCRIPT = Pattern.compile("\\bt\\('([a-zA-Z.]+)'");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoBlankText() throws IOException {
        Properties chinese = load("i18n/portal.properties");
        Properties english = load("i18n/portal_en.properties");

        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        assertThat(chinese.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
        assertThat(english.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }

    @Test
    void everyKeyTheScriptNamesHasText() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            for (Path script : files.filter(file -> file.toString().endsWith(".js")).toList()) {
                Matcher key = KEY_IN_SCRIPT.matcher(Files.readString(script));
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
        }

        assertThat(named).isNotEmpty();
        assertThat(load("i18n/portal.properties").stringPropertyNames()).containsAll(named);
    }

    @Test
    void everyReasonStatusAndKindTheApiAnswersHasAWord() throws IOException {
        Set<String> keys = load("i18n/portal.properties").stringPropertyNames();

        assertThat(keys).containsAll(prefixed("reason.", ExclusionReason.values()));
        assertThat(keys).containsAll(prefixed("courseStatus.", CourseStatus.values()));
        assertThat(keys).containsAll(prefixed("transferStatus.", TransferStatus.values()));
        assertThat(keys).containsAll(prefixed("certificateStatus.", CertificateStatus.values()));
        assertThat(keys).containsAll(prefixed("kind.", UnitKind.values()));
        assertThat(keys).contains("outcomeStatus.VALID", "outcomeStatus.VOIDED", "outcomeStatus.REVOKED",
                "outcomeStatus.EXPIRED", "outcomeStatus.CORRECTED");
    }

    private static Set<String> prefixed(String prefix, Enum<?>[] values) {
        return new TreeSet<>(Arrays.stream(values).map(value -> prefix + value.name()).toList());
    }

    private static Properties load(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = PortalMessagesTest.class.getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
