package cn.creditbank.ledger.projections.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Reads {@link StoredEvent}s from {@code domain_event_entry} exactly as stored, the one way the chainer, the verifier
 * and the export all read them: payload and metadata are bytea holding UTF-8 JSON, taken as text unchanged; the
 * timestamp is the stored text; a missing payload revision is the empty string.
 */
final class StoredEventRows {

    /** The columns {@link #read} needs, for a query that names the event table {@code e}. */
    static final String COLUMNS = """
            e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type,
            e.payload_revision, e.time_stamp, e.payload, e.meta_data""";

    private StoredEventRows() {
    }

    static StoredEvent read(ResultSet row) throws SQLException {
        String revision = row.getString("payload_revision");
        return new StoredEvent(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("payload_type"),
                revision == null ? "" : revision, row.getString("time_stamp"), text(row.getBytes("payload")),
                text(row.getBytes("meta_data")));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, UTF_8);
    }
}
