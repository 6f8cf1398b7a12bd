package cn.creditbank.ledger.projections.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The regulator's export: chained events as NDJSON, one event a line in chain order, with exactly the fields the
 * chain hashes (payload and metadata embedded raw, as stored, never re-serialized) so that an offline verifier can
 * recompute every link. Read in one read-only snapshot, in chunks of links each streamed with a fetch size: an
 * export of a million events holds one chunk's cursor, never the events. Events not chained yet (the chainer runs
 * every second) are not exported.
 *
 * <p>Content filters run in two steps: SQL keeps rows whose stored bytes contain the filtered JSON member (cheap, and
 * never fails on a damaged payload, as a cast to jsonb would), then each candidate's JSON is read to confirm that the
 * member is at the top level and holds exactly that value.
 */
@Component
public class AuditExport {

    private static final int FETCH_SIZE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory LINES = new JsonFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .setRootValueSeparator(null);
    /** Stored timestamps are ISO-8601 UTC text; cut to whole seconds they compare as text like the instants. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final int chunk;
    private final Duration timeout;

    public AuditExport(DataSource dataSource, PlatformTransactionManager transactions,
                       @Value("${ledger.audit.export-chunk:5000}") int chunk,
                       @Value("${ledger.audit.export-timeout:1h}") Duration timeout) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE); // a cursor: effective inside the read-only transaction below
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.chunk = chunk;
        this.timeout = timeout;
    }

    /** Writes the filtered events to {@code out}, one JSON object and a newline each; answers how many. */
    public long write(AuditFilter filter, OutputStream out) {
        return Objects.requireNonNull(snapshot.execute(status -> {
            try {
                // the connections' short idle-in-transaction limit protects appends from the gap timeout; this
                // transaction appends nothing and waits, between fetches, for a client that may read slowly
                jdbc.execute("SET LOCAL idle_in_transaction_session_timeout = " + timeout.toMillis());
                JsonGenerator json = LINES.createGenerator(out);
                Query query = query(filter);
                long last = Objects.requireNonNull(jdbc.queryForObject(
                        "SELECT coalesce(max(chain_sequence), 0) FROM audit_chain", Long.class));
                long written = 0;
                long first = Math.min(filter.afterSequence(), last) + 1;
                for (long from = first; from <= last && written < filter.limit(); from += chunk) {
                    List<Object> arguments = new ArrayList<>(List.of(from, Math.min(last, from + chunk - 1)));
                    arguments.addAll(query.arguments());
                    long remaining = filter.limit() - written;
                    written += Objects.requireNonNull(jdbc.query(query.sql(), rows -> {
                        long lines = 0;
                        while (lines < remaining && rows.next()) {
                            StoredEvent event = StoredEventRows.read(rows);
                            Metadata metadata = Metadata.of(event.metadata());
                            if (matches(filter, event, metadata)) {
                                try {
                                    line(json, rows.getLong("chain_sequence"), event, metadata,
                                            rows.getString("link_hash"), rows.getString("previous_hash"));
                                } catch (IOException e) {
                                    throw new UncheckedIOException("the export's reader went away", e);
                                }
                                lines++;
                            }
                        }
                        return lines;
                    }, arguments.toArray()));
                    json.flush();
                }
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException("the export's reader went away", e);
            }
        }));
    }

    private record Query(String sql, List<Object> arguments) {
    }

    private static Query query(AuditFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.chain_sequence, c.hash AS link_hash, c.previous_hash, %s
                FROM audit_chain c JOIN domain_event_entry e ON e.global_index = c.position
                WHERE c.chain_sequence BETWEEN ? AND ?""".formatted(StoredEventRows.COLUMNS));
        List<Object> arguments = new ArrayList<>();
        if (filter.learnerId() != null) {
            sql.append(" AND (e.aggregate_identifier = ? OR position(? IN e.payload) > 0)");
            arguments.add(filter.learnerId());
            arguments.add(member("learnerId", filter.learnerId()));
        }
        if (filter.institution() != null) {
            sql.append(" AND (position(? IN e.meta_data) > 0 OR position(? IN e.payload) > 0"
                    + " OR position(? IN e.payload) > 0)");
            arguments.add(member("institution", filter.institution()));
            arguments.add(member("issuer", filter.institution()));
            arguments.add(member("institution", filter.institution()));
        }
        if (filter.from() != null) {
            sql.append(" AND e.time_stamp COLLATE \"C\" >= ?"); // byte order, whatever the database's collation
            arguments.add(SECONDS.format(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.time_stamp COLLATE \"C\" < ?");
            arguments.add(SECONDS.format(filter.to().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
        }
        return new Query(sql.append(" ORDER BY c.chain_sequence").toString(), arguments);
    }

    /** {@code "name":"value"} as the event serializer writes it (compact JSON), as bytes to look for. */
    private static byte[] member(String name, String value) {
        try {
            return ("\"" + name + "\":" + JSON.writeValueAsString(value)).getBytes(UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matches(AuditFilter filter, StoredEvent event, Metadata metadata) {
        if (!filter.filtersContent()) {
            return true;
        }
        if (filter.from() != null || filter.to() != null) {
            Instant recordedAt = instant(event.recordedAt());
            if (recordedAt == null || filter.from() != null && recordedAt.isBefore(filter.from())
                    || filter.to() != null && !recordedAt.isBefore(filter.to())) {
                return false;
            }
        }
        JsonNode payload = filter.learnerId() != null || filter.institution() != null ? tree(event.payload()) : null;
        if (filter.learnerId() != null && !filter.learnerId().equals(event.aggregateId())
                && !filter.learnerId().equals(text(payload, "learnerId"))) {
            return false;
        }
        return filter.institution() == null || filter.institution().equals(metadata.institution())
                || filter.institution().equals(text(payload, "issuer"))
                || filter.institution().equals(text(payload, "institution"));
    }

    private static void line(JsonGenerator json, long chainSequence, StoredEvent event, Metadata metadata,
                             String hash, String previousHash) throws IOException {
        json.writeStartObject();
        json.writeNumberField("position", event.position());
        json.writeNumberField("chainSequence", chainSequence);
        json.writeStringField("eventId", event.eventId());
        json.writeStringField("type", event.type());
        json.writeStringField("revision", event.revision());
        json.writeStringField("aggregateId", event.aggregateId());
        json.writeNumberField("sequence", event.sequence());
        json.writeStringField("recordedAt", event.recordedAt());
        json.writeStringField("recordedBy", metadata.principal());
        json.writeStringField("institution", metadata.institution());
        json.writeStringField("requestId", metadata.requestId());
        json.writeFieldName("payload");
        json.writeRawValue(event.payload());
        json.writeFieldName("metadata");
        if (event.metadata() == null) {
            json.writeNull(); // no stored metadata: the chain hashed the empty string
        } else {
            json.writeRawValue(event.metadata());
        }
        json.writeStringField("hash", hash);
        json.writeStringField("previousHash", previousHash);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Who recorded an event, for whom and in which request: the keys the API's command origin stamps. */
    private record Metadata(String principal, String institution, String requestId) {

        static Metadata of(String stored) {
            JsonNode tree = tree(stored);
            return new Metadata(text(tree, "principal"), text(tree, "institution"), text(tree, "requestId"));
        }
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException unreadable) {
            return null; // a damaged document matches no filter; the line still carries it raw
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode value = tree == null ? null : tree.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Instant instant(String stored) {
        try {
            return Instant.parse(stored);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
