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
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * Waits until the processor has handled every stored event up to {@code position}; answers whether it did within
     * the timeout. Unlike {@link #processedUpTo}, a gap below the position holds the wait only while an event with
     * that number is actually stored: a number left unused by a rolled-back transaction (a refused recording, a lost
     * append race) stays a gap in the token for a long time but will never hold an event a reader could miss.
     */
    public boolean awaitPosition(String processor, long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasHandled(processor, position)) {
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

    private boolean hasHandled(String processor, long position) {
        List<TrackingToken> tokens = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> token(rs.getBytes("token"), rs.getString("token_type")), processor);
        if (tokens.isEmpty() || tokens.contains(null)) {
            return false;
        }
        Set<Long> openGaps = new TreeSet<>();
        for (TrackingToken token : tokens) {
            TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
            if (current == null || current.position().orElse(-1) < position) {
                return false;
            }
            if (current instanceof GapAwareTrackingToken gapAware) {
                gapAware.getGaps().headSet(position + 1).forEach(openGaps::add);
            }
        }
        return openGaps.isEmpty() || Boolean.FALSE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = ANY (?))", Boolean.class,
                (Object) openGaps.toArray(Long[]::new)));
    }

    private TrackingToken token(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return null;
        }
        return serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(tokenType, null)));
    }

    private OptionalLong safePosition(byte[] token, String tokenType) {
        TrackingToken tracking = token(token, tokenType);
        return tracking == null ? OptionalLong.empty() : safePosition(tracking);
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
