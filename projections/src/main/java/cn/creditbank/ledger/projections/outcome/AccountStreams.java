package cn.creditbank.ledger.projections.outcome;

import cn.creditbank.ledger.projections.eventstore.StoredEventEntry;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The event streams (newest usable snapshot, then the events after it) of many learner accounts, read in two queries
 * instead of two per account: a batch chunk reads those of all its learners at once, in its transaction, and the
 * account repository takes each when it loads that account within the chunk's unit of work. What is read is what
 * the event store would answer at that moment; a later append by another node is caught, as always, by the unique
 * (aggregate, sequence) key when the chunk appends. A stream is handed out once; any other load reads the store.
 */
public class AccountStreams {

    private static final Logger LOG = LoggerFactory.getLogger(AccountStreams.class);

    private static final String COLUMNS = "aggregate_identifier, sequence_number, type, event_identifier, time_stamp,"
            + " payload_type, payload_revision, payload, meta_data";
    private static final String SNAPSHOTS = "SELECT " + COLUMNS + " FROM snapshot_event_entry"
            + " WHERE aggregate_identifier = ANY(?::varchar[]) ORDER BY aggregate_identifier, sequence_number DESC";
    private static final String EVENTS = "SELECT " + COLUMNS.replaceAll("(\\w+)", "e.$1")
            + " FROM domain_event_entry e JOIN unnest(?::varchar[], ?::bigint[]) AS wanted(id, first)"
            + " ON e.aggregate_identifier = wanted.id AND e.sequence_number >= wanted.first"
            + " ORDER BY e.aggregate_identifier, e.sequence_number";

    /** One account's newest snapshot and the events after it (all its events without one), in one statement. */
    private static final String ONE = "WITH snapshot AS (SELECT " + COLUMNS + " FROM snapshot_event_entry"
            + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1)"
            + " SELECT true AS is_snapshot, " + COLUMNS + " FROM snapshot"
            + " UNION ALL SELECT false, " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ?"
            + " AND sequence_number > coalesce((SELECT sequence_number FROM snapshot), -1)"
            + " ORDER BY is_snapshot DESC, sequence_number";

    private final String key = getClass().getName() + ".streams";
    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final Serializer snapshotSerializer;
    private final EventUpcaster upcasters;
    private final SnapshotFilter snapshotFilter;

    /** With the serializers, upcasters and snapshot filter of the event store, so a stream reads as it would there. */
    public AccountStreams(JdbcTemplate jdbc, Serializer eventSerializer, Serializer snapshotSerializer,
                          EventUpcaster upcasters, SnapshotFilter snapshotFilter) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
        this.snapshotSerializer = snapshotSerializer;
        this.upcasters = upcasters;
        this.snapshotFilter = snapshotFilter;
    }

    /** An account's newest usable snapshot (or none) and its events after it. */
    private record Prefetched(DomainEventData<?> snapshot, List<DomainEventData<?>> events) {
    }

    /**
     * Reads the streams of these accounts for the loads of the current unit of work (which must be started), and
     * answers those that exist (have an event or a snapshot).
     */
    public Set<String> prefetch(Collection<String> accounts) {
        if (accounts.isEmpty()) {
            return Set.of();
        }
        String[] ids = accounts.toArray(String[]::new);
        Map<String, DomainEventData<?>> snapshots = new HashMap<>();
        jdbc.query(SNAPSHOTS, (RowCallbackHandler) rows -> {
            DomainEventData<?> snapshot = entry(rows);
            if (!snapshots.containsKey(snapshot.getAggregateIdentifier()) && snapshotFilter.allow(snapshot)) {
                snapshots.put(snapshot.getAggregateIdentifier(), snapshot);
            }
        }, (Object) ids);
        Long[] firsts = new Long[ids.length];
        Map<String, Prefetched> streams = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            DomainEventData<?> snapshot = snapshots.get(ids[i]);
            firsts[i] = snapshot == null ? 0L : snapshot.getSequenceNumber() + 1;
            streams.put(ids[i], new Prefetched(snapshot, new ArrayList<>()));
        }
        jdbc.query(EVENTS, (RowCallbackHandler) rows -> {
            DomainEventData<?> event = entry(rows);
            streams.get(event.getAggregateIdentifier()).events().add(event);
        }, ids, firsts);
        CurrentUnitOfWork.get().root().getOrComputeResource(key, k -> new HashMap<String, Prefetched>())
                .putAll(streams);
        Set<String> existing = new HashSet<>();
        streams.forEach((account, stream) -> {
            if (stream.snapshot() != null || !stream.events().isEmpty()) {
                existing.add(account);
            }
        });
        return existing;
    }

    /** The prefetched stream of this account in the current unit of work, handed out once; null if there is none. */
    DomainEventStream take(String account) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, Prefetched> streams = CurrentUnitOfWork.get().root().getResource(key);
        Prefetched stream = streams == null ? null : streams.remove(account);
        return stream == null ? null : streamOf(account, stream);
    }

    private DomainEventStream streamOf(String account, Prefetched stream) {
        if (stream.snapshot() == null && stream.events().isEmpty()) {
            return null; // not prefetched, or no such account: the store answers (and says it is not found)
        }
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(stream.events().stream(),
                eventSerializer, upcasters);
        if (stream.snapshot() == null) {
            return events;
        }
        try {
            DomainEventStream snapshot = EventStreamUtils.upcastAndDeserializeDomainEvents(
                    Stream.of(stream.snapshot()), snapshotSerializer, upcasters);
            if (!snapshot.hasNext()) {
                return null;
            }
            return DomainEventStream.concat(DomainEventStream.of(snapshot.next()), events);
        } catch (RuntimeException unreadable) { // as the event store does: without the snapshot, from the start
            LOG.warn("Snapshot of {} could not be read; loading the account from its events", account, unreadable);
            return null;
        }
    }

    /**
     * One account's stream read in one statement instead of the event store's two (snapshot, then events), or null
     * when the store must answer: no such account, or its newest snapshot is not usable (then the store looks for
     * an older one, or reads every event).
     */
    DomainEventStream read(String account) {
        Prefetched stream = jdbc.query(ONE, rows -> {
            DomainEventData<?> snapshot = null;
            List<DomainEventData<?>> events = new ArrayList<>();
            while (rows.next()) {
                DomainEventData<?> entry = entry(rows, 1);
                if (rows.getBoolean(1)) {
                    snapshot = entry;
                } else {
                    events.add(entry);
                }
            }
            return new Prefetched(snapshot, events);
        }, account, account);
        if (stream.snapshot() != null && !snapshotFilter.allow(stream.snapshot())) {
            return null;
        }
        return streamOf(account, stream);
    }

    private static DomainEventData<?> entry(ResultSet rows) throws SQLException {
        return entry(rows, 0);
    }

    private static DomainEventData<?> entry(ResultSet rows, int offset) throws SQLException {
        return new StoredEventEntry<>(rows.getString(offset + 3), rows.getString(offset + 1),
                rows.getLong(offset + 2), rows.getString(offset + 4), rows.getString(offset + 5),
                rows.getString(offset + 6), rows.getString(offset + 7), rows.getBytes(offset + 8),
                rows.getBytes(offset + 9));
    }
}
