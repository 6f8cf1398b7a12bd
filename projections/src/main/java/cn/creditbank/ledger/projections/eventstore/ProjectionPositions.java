package cn.creditbank.ledger.projections.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far each projection has got, read from the shared token table (so it is right on any node): the highest
 * global index below which every event has been handled or, past the gap timeout, given up on. A gap below a
 * token's index is an event still expected, so the safe position is just below the first gap.
 */
@Component
public class ProjectionPositions {

    private static final Duration POLL = Duration.ofMillis(20);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProjectionPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The highest global index in the event store, -1 when empty. */
    public long head() {
        return Objects.requireNonNull(
                jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM domain_event_entry", Long.class));
    }

    /** The lowest safe position over the processor's segments; -1 before it has handled anything. */
    public long processedUpTo(String processor) {
        List<OptionalLong> positions = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> safePosition(rs.getBytes("token"), rs.getString("token_type")), processor);
        return positions.stream().mapToLong(p -> p.orElse(-1)).min().orElse(-1);
    }

    /** Waits until the processor has got to {@code position}; answers whether it did within the timeout. */
    public boolean awaitPosition(String processor, long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processedUpTo(processor) < position) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private OptionalLong safePosition(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return OptionalLong.empty();
        }
        return safePosition(serializer.<byte[], TrackingToken>deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(tokenType, null))));
    }

    private static OptionalLong safePosition(TrackingToken token) {
        if (token instanceof ReplayToken replay) {
            return safePosition(replay.getCurrentToken());
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return OptionalLong.of(gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1);
        }
        return token == null ? OptionalLong.empty() : token.position();
    }
}
