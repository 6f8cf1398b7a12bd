package cn.creditbank.ledger.projections.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written time-stamp reader answers exactly what Axon's parser answers, or leaves the text to it. */
class StoredEventEntryTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T14:16:57.118Z", "2026-11-23T14:16:57Z", "2024-02-29T23:59:59.9Z",
            "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999999999Z", "2026-11-23T14:16:57.118004Z",
            "2026-11-23T22:16:57.118+08:00", "2026-11-23t14:16:57.118z", "+12026-11-23T14:16:57.118Z",
            "2026-11-23T14:16:57.Z"})
    void readsEveryStoredForm(String stored) {
        assertThat(StoredEventEntry.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
        assertThat(entry(stored).getTimestamp()).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T14:16:57.118Z", "2026-13-01T00:00:00Z", "2026-11-23T24:00:00Z",
            "2026-11-23 14:16:57Z", "not a time"})
    void refusesWhatAxonRefuses(String stored) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredEventEntry.parse(stored)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T14:16:57.118Z"})
    void parsesOnce(String stored) {
        StoredEventEntry<byte[]> entry = entry(stored);
        Instant first = entry.getTimestamp();
        assertThat(entry.getTimestamp()).isSameAs(first);
    }

    private static StoredEventEntry<byte[]> entry(String stored) {
        return new StoredEventEntry<>("LearnerAccount", "learner-1", 0, "event-1", stored, "Payload", null,
                new byte[0], new byte[0]);
    }
}
