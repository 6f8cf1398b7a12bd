package cn.creditbank.ledger.projections.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Events written straight into the event store, as a late-committing or forged append would be. Their payload type
 * names no class, so the projections pass over them; the audit chain treats them like any other stored event.
 */
final class RawEvents {

    static final String TYPE = "cn.creditbank.audit.test.RawEvent";

    private RawEvents() {
    }

    /** Appends one event on {@code connection} (in whatever transaction it has open); answers its global index. */
    static long append(Connection connection, String payloadJson) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'RawAggregate', ?, ?, ?, NULL, ?, ?) RETURNING global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{}".getBytes(UTF_8));
            insert.setBytes(4, payloadJson.getBytes(UTF_8));
            insert.setString(5, TYPE);
            insert.setString(6, Instant.now().toString());
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }
}
